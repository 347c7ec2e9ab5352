"""Email subscriptions to updates: subscribe, confirm (double opt-in) and unsubscribe end to end
with the test email backend; nothing changes on a GET; bad links and bad input get a clear page,
never an error; one-click unsubscribe works for mail programs without a CSRF token."""

from __future__ import annotations

import base64
import re
import time
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from consultations.factories import ConsultationPageFactory, ResponseFactory
from consultations.models import OutcomeSubscription
from outcomes.factories import AmbitionFactory
from you_said_we_did.factories import SubscriptionFactory, UpdateIndexPageFactory
from you_said_we_did.models import Subscription
from you_said_we_did.subscribe import (
    ONE_CLICK_URL_NAME,
    respondent_unsubscribe_token,
)

pytestmark = pytest.mark.django_db


CONFIRM_LINK = re.compile(r"https?://\S+/subscribe/confirm/[^/\s]+/")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def ambitions():
    return {n: AmbitionFactory(number=n, title=f"Ambition title {n}") for n in (1, 2, 3)}


@pytest.fixture
def index(home):
    return UpdateIndexPageFactory(parent=home)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def subscribe(client, index, prefix="", **data):
    form = {"email": "parent@example.org", "scope": "all", "easy_read": "no", **data}
    return client.post(f"{prefix}{index.url}subscribe/", form)


def confirm_link(message) -> str:
    found = CONFIRM_LINK.search(message.body)
    assert found, message.body
    return found.group(0)


def local(url: str) -> str:
    return url.removeprefix("http://testserver")


def test_subscribe_page_offers_the_choices(client, index, ambitions):
    response = client.get(f"{index.url}subscribe/")
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Get an email when we publish an update"
    assert page.find("input", {"name": "email", "type": "email"})
    assert len(page.find_all("input", {"name": "scope", "type": "radio"})) == 2
    labels = [label.get_text(strip=True) for label in page.select(".govuk-checkboxes__label")]
    assert labels == ["1. Ambition title 1", "2. Ambition title 2", "3. Ambition title 3"]
    assert page.find("input", {"name": "csrfmiddlewaretoken"})


def test_subscribe_confirm_and_unsubscribe_end_to_end(client, index, ambitions):
    response = subscribe(
        client, index, email="Parent@Example.org", scope="chosen", ambitions=[ambitions[2].pk]
    )
    assert response.status_code == 302
    assert response["Location"] == f"{index.url}subscribe/check-your-email/"
    assert client.get(response["Location"]).status_code == 200
    # Double opt-in: nothing is stored until the address is confirmed.
    assert not Subscription.objects.exists()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["parent@example.org"]
    assert "Confirm your email" in message.subject

    # Mail scanners follow links: a GET shows a button and changes nothing.
    link = local(confirm_link(message))
    page = soup(client.get(link))
    assert page.h1.get_text(strip=True) == "Confirm your subscription"
    assert "parent@example.org" in page.get_text()
    assert "Ambition title 2" in page.get_text()
    assert page.find("form", {"method": "post"}).find("button")
    assert not Subscription.objects.exists()

    response = client.post(link)
    assert response.status_code == 200
    panel = soup(response).select_one(".govuk-panel--confirmation")
    assert "Subscription confirmed" in panel.get_text()
    subscription = Subscription.objects.get()
    assert subscription.email == "parent@example.org"
    assert list(subscription.ambitions.all()) == [ambitions[2]]
    assert subscription.language == "en-gb"
    assert subscription.easy_read is False
    assert subscription.confirmed_at is not None

    unsubscribe_url = f"{index.url}unsubscribe/{subscription.unsubscribe_token}/"
    assert f'href="{unsubscribe_url}"' in response.content.decode()
    page = soup(client.get(unsubscribe_url))
    assert page.h1.get_text(strip=True) == "Unsubscribe from update emails"
    assert Subscription.objects.exists()

    response = client.post(unsubscribe_url)
    assert response.status_code == 200
    assert "You have unsubscribed" in soup(response).h1.get_text()
    assert not Subscription.objects.exists()

    again = client.get(unsubscribe_url)
    assert again.status_code == 200
    assert "You are not subscribed" in soup(again).h1.get_text()


def test_confirming_again_updates_the_choices(client, index, ambitions):
    existing = SubscriptionFactory(email="parent@example.org", ambitions=[ambitions[1]])
    subscribe(client, index, easy_read="yes")
    response = client.post(local(confirm_link(mail.outbox[0])))
    assert "You were already subscribed" in response.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.pk == existing.pk
    assert subscription.unsubscribe_token == existing.unsubscribe_token
    assert list(subscription.ambitions.all()) == []  # now every update
    assert subscription.easy_read is True


def test_subscribing_in_polish_keeps_the_language(client, index, ambitions):
    from wagtail.models import Locale

    # Locale trees are kept in step (hub.locales): the Polish site has its own index page.
    index.copy_for_translation(
        Locale.objects.get(language_code="pl"), copy_parents=True, alias=True
    )
    response = subscribe(client, index, prefix="/pl")
    assert response.status_code == 302
    assert response["Location"].startswith("/pl/")
    link = confirm_link(mail.outbox[0])
    assert "/pl/" in link
    client.post(local(link))
    assert Subscription.objects.get().language == "pl"


@pytest.mark.parametrize("mangle", ["tamper", "truncate", "junk"])
def test_a_bad_confirmation_link_is_a_clear_400(client, index, ambitions, mangle):
    subscribe(client, index)
    link = local(confirm_link(mail.outbox[0]))
    token = link.rstrip("/").rsplit("/", 1)[1]
    bad = {
        "tamper": token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb"),
        "truncate": token[: len(token) // 2],
        "junk": "not-a-token",
    }[mangle]
    bad_link = link.replace(token, bad)
    for response in (client.get(bad_link), client.post(bad_link)):
        assert response.status_code == 400
        page = soup(response)
        assert "expired or does not work" in page.h1.get_text()
        assert page.find("a", href=f"{index.url}subscribe/")
    assert not Subscription.objects.exists()


def test_an_expired_confirmation_link_is_a_clear_400(client, index, ambitions):
    four_days_ago = time.time() - 4 * 24 * 60 * 60
    with mock.patch("django.core.signing.time.time", return_value=four_days_ago):
        subscribe(client, index)
    link = local(confirm_link(mail.outbox[0]))
    assert client.get(link).status_code == 400
    assert client.post(link).status_code == 400
    assert not Subscription.objects.exists()


def test_a_confirmation_link_for_other_purposes_is_refused(client, index):
    signed = signing.dumps({"e": "x@example.org", "a": [], "l": "en-gb", "r": False})
    token = base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")
    assert client.post(f"{index.url}subscribe/confirm/{token}/").status_code == 400
    assert not Subscription.objects.exists()


def test_missing_answers_show_a_govuk_error_summary(client, index, ambitions):
    response = client.post(f"{index.url}subscribe/", {})
    assert response.status_code == 200
    page = soup(response)
    summary = page.select_one(".govuk-error-summary")
    assert summary.select_one(".govuk-error-summary__title").get_text(strip=True) == (
        "There is a problem"
    )
    links = {a["href"]: a.get_text(strip=True) for a in summary.select("a")}
    assert links == {
        "#id_email": "Enter your email address.",
        "#id_scope_0": "Select what you would like to hear about.",
        "#id_easy_read_0": "Select yes if you would like easy read emails.",
    }
    assert page.title.get_text().startswith("Error:")
    assert not mail.outbox


def test_choosing_ambitions_needs_at_least_one(client, index, ambitions):
    response = subscribe(client, index, scope="chosen")
    assert response.status_code == 200
    links = [a["href"] for a in soup(response).select(".govuk-error-summary a")]
    assert links == ["#id_ambitions_0"]
    assert not mail.outbox


@pytest.mark.parametrize(
    "email",
    [
        "<script>alert(1)</script>",
        "a" * 300 + "@example.org",
        "parent\x00@example.org",
        "parent@example.org\r\nBcc: victim@example.org",
    ],
    ids=["script", "very-long", "nul-byte", "header-injection"],
)
def test_hostile_input_is_an_error_not_a_crash(client, index, ambitions, email):
    response = subscribe(client, index, email=email)
    assert response.status_code == 200
    page = soup(response)
    errors = [a.get_text(strip=True) for a in page.select(".govuk-error-summary a")]
    assert len(errors) == 1, errors
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert not mail.outbox


def test_unknown_ambition_is_an_error(client, index, ambitions):
    response = subscribe(client, index, scope="chosen", ambitions=["999999"])
    assert response.status_code == 200
    assert soup(response).select_one(".govuk-error-summary")
    assert not mail.outbox


def test_too_many_requests_from_one_connection_get_a_friendly_page(client, index, ambitions):
    for n in range(10):
        assert subscribe(client, index, email=f"person{n}@example.org").status_code == 302
    response = subscribe(client, index, email="one-more@example.org")
    assert response.status_code == 429
    assert "Please wait before trying again" in soup(response).h1.get_text()
    assert len(mail.outbox) == 10


def test_one_address_cannot_be_flooded_from_many_connections(client, index, ambitions):
    for n in range(5):
        response = client.post(
            f"{index.url}subscribe/",
            {"email": "victim@example.org", "scope": "all", "easy_read": "no"},
            REMOTE_ADDR=f"10.0.0.{n}",
        )
        assert response.status_code == 302
    response = client.post(
        f"{index.url}subscribe/",
        {"email": "VICTIM@example.org", "scope": "all", "easy_read": "no"},
        REMOTE_ADDR="10.0.1.1",
    )
    assert response.status_code == 429
    assert len(mail.outbox) == 5


def test_unknown_unsubscribe_link_says_already_unsubscribed(client, index):
    for token in ["no-such-token", "YTpiOmM", "x" * 300, "é"]:
        response = client.get(f"{index.url}unsubscribe/{token}/")
        assert response.status_code == 200
        assert "You are not subscribed" in soup(response).h1.get_text()
        assert client.post(f"{index.url}unsubscribe/{token}/").status_code == 200


def test_someone_who_answered_a_consultation_can_stop_update_emails(client, home, index):
    consultation = ConsultationPageFactory(parent=home)
    kept = OutcomeSubscription.objects.create(
        response=ResponseFactory(consultation=consultation), email="kept@example.org"
    )
    leaving = OutcomeSubscription.objects.create(
        response=ResponseFactory(consultation=consultation), email="leaving@example.org"
    )
    url = f"{index.url}unsubscribe/{respondent_unsubscribe_token(leaving)}/"
    page = soup(client.get(url))
    assert "You gave us your email address when you answered" in page.get_text()
    assert OutcomeSubscription.objects.count() == 2
    client.post(url)
    assert list(OutcomeSubscription.objects.all()) == [kept]
    assert leaving.response.__class__.objects.count() == 2  # the answers stay


def test_a_respondent_link_for_a_deleted_row_does_not_reach_a_new_one(client, home, index):
    consultation = ConsultationPageFactory(parent=home)
    old = OutcomeSubscription.objects.create(
        response=ResponseFactory(consultation=consultation), email="old@example.org"
    )
    token = respondent_unsubscribe_token(old)
    pk = old.pk
    old.delete()
    OutcomeSubscription.objects.create(
        pk=pk, response=ResponseFactory(consultation=consultation), email="new@example.org"
    )
    client.post(f"{index.url}unsubscribe/{token}/")
    assert OutcomeSubscription.objects.filter(email="new@example.org").exists()


def test_one_click_unsubscribe_works_without_a_csrf_token(index):
    subscription = SubscriptionFactory()
    strict = Client(enforce_csrf_checks=True)
    url = reverse(ONE_CLICK_URL_NAME, args=[subscription.unsubscribe_token])

    # A browser opening the address is shown the page with the button; nothing changes.
    response = strict.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{index.url}unsubscribe/{subscription.unsubscribe_token}/"
    assert Subscription.objects.exists()

    response = strict.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    # Repeating it (or an unknown token) is still a success for the mail program.
    again = strict.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert again.status_code == 200


def test_an_updates_index_slugged_updates_keeps_its_own_unsubscribe_page(
    home, ambitions, django_capture_on_commit_callbacks
):
    """The one-click address is outside every page's address (a slug has no dots), so an index
    at /updates/ serves its own unsubscribe page, and a browser sent there from the one-click
    address lands on it rather than going round in a loop."""
    from you_said_we_did.factories import UpdatePageFactory

    index = UpdateIndexPageFactory(parent=home, slug="updates")
    assert index.url == "/updates/"
    subscription = SubscriptionFactory(email="reader@example.org")
    token = subscription.unsubscribe_token
    browser = Client()

    page = browser.get(f"/updates/unsubscribe/{token}/")
    assert page.status_code == 200
    assert soup(page).select_one("form button")  # the page asking for a click
    assert Subscription.objects.exists()

    one_click = reverse(ONE_CLICK_URL_NAME, args=[token])
    assert not one_click.startswith("/updates/")
    response = browser.get(one_click)
    assert response.status_code == 302 and response["Location"] == f"/updates/unsubscribe/{token}/"
    assert browser.get(response["Location"]).status_code == 200

    # The email's header names the one-click address, and the body the page.
    update = UpdatePageFactory(parent=index, ambitions=[ambitions[1]], live=False)
    with django_capture_on_commit_callbacks(execute=True):
        update.save_revision().publish()
    (message,) = mail.outbox
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{one_click}>"
    assert f"http://testserver/updates/unsubscribe/{token}/" in message.body
    response = Client(enforce_csrf_checks=True).post(
        one_click, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_the_unsubscribe_page_itself_keeps_its_csrf_check(index):
    subscription = SubscriptionFactory()
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(f"{index.url}unsubscribe/{subscription.unsubscribe_token}/")
    assert response.status_code == 403
    assert Subscription.objects.exists()


def test_staff_can_find_and_delete_a_subscription(client, ambitions):
    from django.contrib.auth.models import User

    admin = User.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    wanted = SubscriptionFactory(email="find-me@example.org", ambitions=[ambitions[1]])
    SubscriptionFactory(email="someone-else@example.org")
    list_url = reverse("wagtailsnippets_you_said_we_did_subscription:list")
    response = client.get(list_url, {"q": "find-me"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "find-me@example.org" in text and "someone-else@example.org" not in text
    assert "Ambition title 1" in text
    all_rows = client.get(list_url).content.decode()
    assert "Every update" in all_rows
    delete_url = reverse("wagtailsnippets_you_said_we_did_subscription:delete", args=[wanted.pk])
    assert client.post(delete_url).status_code == 302
    assert list(Subscription.objects.values_list("email", flat=True)) == [
        "someone-else@example.org"
    ]


def test_the_list_unsubscribe_header_of_an_update_email_works_in_one_click(
    index, ambitions, django_capture_on_commit_callbacks
):
    from you_said_we_did.factories import UpdatePageFactory

    SubscriptionFactory(email="reader@example.org")
    update = UpdatePageFactory(parent=index, ambitions=[ambitions[1]], live=False)
    with django_capture_on_commit_callbacks(execute=True):
        update.save_revision().publish()
    (message,) = mail.outbox
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http://testserver/updates.unsubscribe/") and header.endswith(">")
    response = Client(enforce_csrf_checks=True).post(
        local(header[1:-1]),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()
