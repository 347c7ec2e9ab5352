"""Staff sign-in lockout (hub/sign_in/lockout.py) on the Wagtail admin and the Django admin, the
password reset limit, and how the visitor's address is found behind a proxy."""

import logging
import time
from unittest import mock

import pytest
from django.core import mail
from django.test import RequestFactory, override_settings

from hub.client_address import address_group, client_address
from hub.ratelimit import over_limit

WAGTAIL_LOGIN = "/admin/login/"
DJANGO_ADMIN_LOGIN = "/django-admin/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser(
        username="sam", email="sam@example.org", password=PASSWORD
    )


def sign_in(client, username, password, address="192.0.2.10", url=WAGTAIL_LOGIN, **headers):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def fail(client, times, username="sam", address="192.0.2.10", url=WAGTAIL_LOGIN, **headers):
    for _ in range(times):
        response = sign_in(client, username, "wrong password", address, url, **headers)
        assert response.status_code == 200
        # Each admin's own wrong-password message, not the lockout page (also a 200).
        expected = (
            "Your username and password didn"
            if url == WAGTAIL_LOGIN
            else "Please enter the correct username and password"
        )
        assert expected in response.content.decode()


@pytest.mark.django_db
def test_the_right_password_is_refused_after_five_failures(client, staff):
    fail(client, 5)
    response = sign_in(client, "sam", PASSWORD)

    # The Wagtail sign-in page again, with a plain message: not a bare 403 or 500.
    assert response.status_code == 200
    page = response.content.decode()
    assert "too many attempts to sign in" in page
    assert "15 minutes" in page
    assert 'name="password"' in page
    assert not signed_in(client)


@pytest.mark.django_db
def test_four_failures_do_not_lock(client, staff):
    fail(client, 4)
    response = sign_in(client, "sam", PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


@pytest.mark.django_db
def test_a_successful_sign_in_starts_the_count_again(client, staff):
    fail(client, 4)
    assert sign_in(client, "sam", PASSWORD).status_code == 302
    client.logout()
    fail(client, 4)
    assert sign_in(client, "sam", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_the_lock_ends_after_the_cool_off(client, staff):
    fail(client, 5)
    assert sign_in(client, "sam", PASSWORD).status_code == 200

    # Fifteen minutes and a second later, by the cache's clock.
    later = time.time() + 15 * 60 + 1
    with mock.patch("django.core.cache.backends.locmem.time.time", return_value=later):
        assert sign_in(client, "sam", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_other_usernames_and_addresses_are_not_locked(client, staff, django_user_model):
    django_user_model.objects.create_superuser("alex", "alex@example.org", PASSWORD)
    fail(client, 5, username="sam", address="192.0.2.10")

    assert sign_in(client, "alex", PASSWORD, address="192.0.2.10").status_code == 302
    client.logout()
    assert sign_in(client, "sam", PASSWORD, address="198.51.100.20").status_code == 302


@pytest.mark.django_db
def test_case_does_not_give_a_fresh_count(client, staff):
    for username in ["sam", "SAM", "Sam", "sAm", "saM"]:
        fail(client, 1, username=username)
    assert "too many attempts" in sign_in(client, "sam", PASSWORD).content.decode()


@pytest.mark.django_db
@override_settings(ADMIN_SIGN_IN_ADDRESS_FAILURE_LIMIT=8)
def test_one_address_guessing_many_usernames_is_locked(client, staff):
    for number in range(8):
        fail(client, 1, username=f"guess{number}")

    response = sign_in(client, "sam", PASSWORD)
    assert "too many attempts" in response.content.decode()
    assert not signed_in(client)
    # Staff elsewhere are not affected.
    assert sign_in(client, "sam", PASSWORD, address="198.51.100.20").status_code == 302


@pytest.mark.django_db
def test_the_django_admin_sign_in_is_limited_too(client, staff):
    fail(client, 5, url=DJANGO_ADMIN_LOGIN)
    response = sign_in(client, "sam", PASSWORD, url=DJANGO_ADMIN_LOGIN)
    assert response.status_code == 200
    assert "too many attempts to sign in" in response.content.decode()
    assert not signed_in(client)
    # One count for both doors: the Wagtail sign-in is locked as well.
    assert "too many attempts" in sign_in(client, "sam", PASSWORD).content.decode()


@pytest.mark.django_db
def test_an_empty_password_is_not_counted(client, staff):
    for _ in range(6):
        sign_in(client, "sam", "")
    assert sign_in(client, "sam", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_the_lockout_log_names_no_one(client, staff, caplog):
    with caplog.at_level(logging.WARNING, logger="hub.sign_in.lockout"):
        fail(client, 5)
    assert "Staff sign-in locked for 15 minutes" in caplog.text
    assert "sam" not in caplog.text
    assert "192.0.2.10" not in caplog.text


# --- Behind a proxy ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_forged_forwarded_for_headers_are_ignored_without_trusted_proxies(client, staff):
    for number in range(5):
        sign_in(client, "sam", "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    response = sign_in(client, "sam", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert "too many attempts" in response.content.decode()


@pytest.mark.django_db
@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_router_each_visitor_is_counted_by_the_address_the_router_saw(client, staff):
    router = "10.0.0.1"
    # The attacker writes a different address into the header each time; the router appends
    # the real one, and only that one is believed.
    for number in range(5):
        sign_in(
            client,
            "sam",
            "wrong",
            address=router,
            HTTP_X_FORWARDED_FOR=f"198.18.0.{number}, 203.0.113.5",
        )
    locked = sign_in(client, "sam", PASSWORD, address=router, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert "too many attempts" in locked.content.decode()

    # Someone else coming through the same router signs in.
    other = sign_in(client, "sam", PASSWORD, address=router, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert other.status_code == 302


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "192.0.2.1", None, "192.0.2.1"),
        (0, "192.0.2.1", "203.0.113.9", "192.0.2.1"),
        (1, "10.0.0.1", "203.0.113.9", "203.0.113.9"),
        (1, "10.0.0.1", "1.2.3.4, 203.0.113.9", "203.0.113.9"),
        (2, "10.0.0.1", "1.2.3.4, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        # Fewer entries than proxies, or rubbish where the address should be: the connection.
        (2, "10.0.0.1", "203.0.113.9", "10.0.0.1"),
        (1, "10.0.0.1", "", "10.0.0.1"),
        (1, "10.0.0.1", "not-an-address", "10.0.0.1"),
        (1, "10.0.0.1", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address(proxies, remote, forwarded, expected):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().get("/", **headers)
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_address(request) == expected


def test_an_ipv6_network_counts_as_one_address():
    assert address_group("2001:db8:1:2:aaaa::1") == address_group("2001:db8:1:2:bbbb::9")
    assert address_group("2001:db8:1:2::1") != address_group("2001:db8:1:3::1")
    assert address_group("192.0.2.1") != address_group("192.0.2.2")
    assert address_group("::ffff:192.0.2.1") == "192.0.2.1"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_the_public_rate_limits_count_visitors_not_the_router():
    factory = RequestFactory()

    def visit(visitor):
        request = factory.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=visitor)
        return over_limit(request, "test-scope", limit=2, window_seconds=60)

    assert [visit("203.0.113.1") for _ in range(3)] == [False, False, True]
    assert visit("203.0.113.2") is False


# --- Password reset ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_password_reset_emails_for_one_account_are_limited(client, staff):
    for number in range(5):
        response = client.post(
            "/admin/password_reset/",
            {"email": "sam@example.org"},
            REMOTE_ADDR=f"192.0.2.{number}",
        )
        # The page is the same either way: the limit says nothing about which accounts exist.
        assert response.status_code == 302
        assert response["Location"].endswith("/admin/password_reset/done/")
    assert len(mail.outbox) == 3


@pytest.mark.django_db
@override_settings(ADMIN_PASSWORD_RESETS_PER_ADDRESS=2)
def test_password_reset_requests_from_one_address_are_limited(client, staff, django_user_model):
    for name in ["alex", "bo", "cy"]:
        django_user_model.objects.create_user(name, f"{name}@example.org", PASSWORD)
    for name in ["alex", "bo", "cy"]:
        client.post("/admin/password_reset/", {"email": f"{name}@example.org"})
    assert [message.to for message in mail.outbox] == [["alex@example.org"], ["bo@example.org"]]
