"""'You said, we did' in a real browser: filtering updates without JavaScript, subscribing by
email end to end (double opt-in, then unsubscribe), the ambition dashboard's downloads and the
feeds, all checked with axe-core in English and Urdu (right to left)."""

import csv
import io
import re
from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest
from django.core import mail

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def index_url(demo_pages, language="en"):
    url = demo_pages.english["update_index"].url
    return f"/ur{url}" if language == "ur" else url


def submit(page, name):
    page.get_by_role("button", name=name).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_filter_updates_by_ambition_and_status_without_javascript(
    page_without_js, page, demo_pages, axe
):
    with_js, page = page, page_without_js
    page.goto(index_url(demo_pages))
    everything = page.locator(".hub-update-list > li").count()
    assert everything >= 5
    page.get_by_label("Ambition", exact=True).select_option("2")
    page.get_by_label(re.compile(r"^In progress")).check()
    submit(page, "Apply filters")
    assert "ambition=2" in page.url and "status=in-progress" in page.url
    filtered = page.locator(".hub-update-list > li")
    assert 0 < filtered.count() < everything
    for tag in filtered.locator(".hub-update-status").all_inner_texts():
        assert tag == "In progress"
    with_js.goto(page.url)  # axe-core needs JavaScript to run
    axe.assert_no_violations(with_js)


@pytest.mark.parametrize("language", ["en", "ur"])
def test_subscribe_confirm_and_unsubscribe(page, demo_pages, axe, language):
    page.goto(index_url(demo_pages, language) + "subscribe/")
    axe.assert_no_violations(page)
    submit(page, "Continue")
    assert page.locator(".govuk-error-summary").is_visible()
    axe.assert_no_violations(page)

    address = f"browser-{language}@example.org"
    page.get_by_label("Email address").fill(address)
    page.get_by_label("Only updates about the ambitions I choose").check()
    page.locator("input[name=ambitions]").first.check()
    page.locator("input[name=easy_read][value=no]").check()
    submit(page, "Continue")
    assert "check-your-email" in page.url
    axe.assert_no_violations(page)

    [confirmation] = [m for m in mail.outbox if address in m.to]
    link = re.search(r"https?://\S+/subscribe/confirm/\S+/", confirmation.body).group(0)
    page.goto(urlparse(link).path)  # the email links to the site's own host name
    axe.assert_no_violations(page)
    submit(page, "Confirm subscription")
    assert page.locator(".govuk-panel").is_visible()
    axe.assert_no_violations(page)
    if language == "ur":
        assert page.evaluate("document.documentElement.dir") == "rtl"

    from you_said_we_did.models import Subscription

    subscription = Subscription.objects.get(email=address)
    assert subscription.ambitions.count() == 1
    page.goto(index_url(demo_pages, language) + f"unsubscribe/{subscription.unsubscribe_token}/")
    axe.assert_no_violations(page)
    submit(page, "Unsubscribe")
    axe.assert_no_violations(page)
    assert not Subscription.objects.filter(email=address).exists()


def test_ambition_dashboard_downloads_and_update_feeds(page, demo_pages):
    ambition = demo_pages.english["ambition"].url
    page.goto(ambition)
    figures = page.locator(".hub-dashboard figure")
    assert figures.count() >= 3
    assert page.locator(".hub-dashboard table").count() >= 1
    spreadsheet = page.get_by_role("link", name="Download the numbers as a spreadsheet (CSV)")
    assert spreadsheet.get_attribute("href") == ambition + "dashboard/csv/"
    rows = list(csv.reader(io.StringIO(page.request.get(ambition + "dashboard/csv/").text())))
    assert rows[0][:3] == ["chart", "label", "value"] and len(rows) > 1
    developers = page.get_by_role("link", name="Download the numbers for developers (JSON)")
    assert developers.get_attribute("href") == ambition + "dashboard/json/"
    data = page.request.get(ambition + "dashboard/json/").json()
    assert data["charts"]

    page.goto(index_url(demo_pages))
    news_reader = page.get_by_role("link", name="Follow updates in a news reader (RSS)")
    assert news_reader.get_attribute("href") == index_url(demo_pages) + "feed/rss/"
    rss = ElementTree.fromstring(page.request.get(index_url(demo_pages) + "feed/rss/").body())
    assert len(rss.findall("./channel/item")) >= 5
    atom = ElementTree.fromstring(page.request.get(index_url(demo_pages) + "feed/atom/").body())
    assert atom.findall("{http://www.w3.org/2005/Atom}entry")
