"""Site-wide views: robots.txt, sitemap.xml, the brand stylesheet and the branded error pages."""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from home.factories import InformationPageFactory
from hub.models import CouncilSettings

pytestmark = pytest.mark.django_db


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_cms(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_live_pages_only(client, home):
    live = InformationPageFactory(parent=home, title="Live guide")
    draft = InformationPageFactory(parent=home, title="Draft guide")
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<urlset" in body
    assert live.url in body
    assert draft.slug not in body


def test_brand_stylesheet_carries_the_council_colours(client, home):
    settings = CouncilSettings.objects.get()
    settings.brand_colour = "#00305e"
    settings.save()
    response = client.get("/brand.css")
    assert response["Content-Type"].startswith("text/css")
    assert "--hub-brand-colour:#00305e" in response.content.decode()


def test_not_found_page_is_branded_and_helpful(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text() == "Page not found"
    assert html.select_one("header.govuk-generic-header")
    assert "Kent County Council" in html.select_one("footer").get_text()


@override_settings(DEBUG=False)
def test_server_error_page_is_branded_and_needs_no_database(client, home, monkeypatch):
    from hub import views

    response = views.server_error(request=None)
    assert response.status_code == 500
    body = response.content.decode()
    assert "Sorry, there is a problem with the service" in body
    assert 'class="govuk-skip-link"' in body


def test_a_form_sent_without_its_security_token_gets_a_plain_words_page(home):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(home.url, {"anything": "at all"})
    assert response.status_code == 403
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text() == "Sorry, we could not accept your answers"
    assert html.select_one("header.govuk-generic-header")
