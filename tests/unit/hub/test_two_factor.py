"""Optional (and, by setting, compulsory) two-factor authentication for staff: hub/sign_in.

Codes are computed here the way an authenticator app computes them, from the device's key.
"""

import time
from base64 import b32encode
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client, RequestFactory, override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from hub.sign_in import devices
from hub.sign_in.middleware import TwoFactorMiddleware
from hub.sign_in.wagtail_hooks import hide_menu_until_set_up

PASSWORD = "correct horse battery staple"
SET_UP = "/admin/two-factor/set-up/"
CODE_PAGE = "/admin/two-factor/code/"
BACKUP_CODES = "/admin/two-factor/backup-codes/"
TURN_OFF = "/admin/two-factor/turn-off/"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("sam", "sam@example.org", PASSWORD)


def app_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """What the authenticator app shows now (or `steps_ahead` 30-second steps later: a code
    already used is not accepted twice, so a second sign-in in the same test uses the next)."""
    # An app knows nothing of the drift the server has noted: it just reads the clock.
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, drift=0)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def password_sign_in(client: Client, username="sam") -> None:
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302


def set_up_two_factor(client: Client) -> tuple[TOTPDevice, list[str]]:
    """Goes through the set-up screens as a person would; returns the app and backup codes."""
    client.get(SET_UP)
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(SET_UP, {"code": app_code(device)})
    assert response.status_code == 302
    assert response["Location"] == BACKUP_CODES
    codes_page = client.get(BACKUP_CODES)
    codes = codes_page.context["new_codes"]
    # Set up from Account: "I have saved my backup codes" goes back there.
    assert codes_page.context["continue_to"] == "/admin/two-factor/"
    device.refresh_from_db()
    return device, codes


# --- Setting it up -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_set_up_shows_a_qr_code_and_the_key_as_text(client, staff):
    client.force_login(staff)
    response = client.get(SET_UP)
    assert response.status_code == 200
    page = response.content.decode()
    device = TOTPDevice.objects.get(user=staff)
    assert device.confirmed is False

    assert "<svg" in page and 'aria-hidden="true"' in page
    shown_key = response.context["key"].replace(" ", "")
    assert shown_key in page.replace(" ", "")
    # The key on the page is the one in the QR code's address, and the one codes come from.
    secret = parse_qs(urlsplit(device.config_url).query)["secret"][0]
    assert shown_key == secret == b32encode(device.bin_key).decode().rstrip("=")
    # Reloading keeps the same key, so an app that already scanned it still works.
    assert client.get(SET_UP).context["key"] == response.context["key"]


def test_the_qr_code_has_no_inline_style_or_script(django_user_model):
    device = TOTPDevice(
        key="3132333435363738393031323334353637383930",
        name="app",
        user=django_user_model(username="sam"),
    )
    svg = devices.qr_code_svg(device)
    assert svg.startswith("<svg")
    assert "style=" not in svg and "<script" not in svg


@pytest.mark.django_db
@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_a_wrong_code_does_not_switch_it_on(client, staff):
    client.force_login(staff)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=staff)
    wrong = f"{(int(app_code(device)) + 1) % 1_000_000:06d}"

    response = client.post(SET_UP, {"code": wrong})
    assert response.status_code == 200
    assert "The security code is not right" in response.content.decode()
    assert not devices.has_two_factor(staff)

    assert client.post(SET_UP, {"code": app_code(device)}).status_code == 302
    assert devices.has_two_factor(staff)


@pytest.mark.django_db
def test_backup_codes_are_shown_once(client, staff):
    client.force_login(staff)
    _, codes = set_up_two_factor(client)
    assert len(codes) == 10 and len(set(codes)) == 10

    again = client.get(BACKUP_CODES)
    assert again.context["new_codes"] is None
    assert codes[0][:4] not in again.content.decode()
    assert "You have 10 backup codes left" in again.content.decode()


@pytest.mark.django_db
def test_new_backup_codes_replace_the_old_ones(client, staff):
    client.force_login(staff)
    _, old_codes = set_up_two_factor(client)
    client.post(BACKUP_CODES)
    new_codes = client.get(BACKUP_CODES).context["new_codes"]
    assert len(new_codes) == 10
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new_codes)
    assert not set(old_codes) & set(new_codes)


# --- Signing in once it is on ------------------------------------------------------------------


@pytest.mark.django_db
def test_after_the_password_every_admin_page_waits_for_the_code(client, staff):
    client.force_login(staff)
    device, _ = set_up_two_factor(client)

    other = Client()
    password_sign_in(other)
    for url in ["/admin/", "/admin/pages/", "/admin/users/", "/django-admin/", TURN_OFF]:
        response = other.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"{CODE_PAGE}?next=")

    page = other.get(CODE_PAGE)
    assert page.status_code == 200
    assert "Enter your security code" in page.content.decode()

    response = other.post(
        CODE_PAGE, {"code": app_code(device, steps_ahead=1), "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert other.get("/admin/").status_code == 200
    assert other.get("/django-admin/").status_code == 200


def test_the_code_is_asked_for_on_a_site_served_under_a_sub_path(client, staff):
    # Under a sub-path (SCRIPT_NAME), reverse() and request.path carry the prefix and
    # request.path_info does not: the gate must not compare the two kinds and let staff through.
    from django.urls import set_script_prefix

    from hub.security_headers import admin_path_prefixes

    client.force_login(staff)
    set_up_two_factor(client)
    # What a WSGI server does for each request under a sub-path (the test client does not), from
    # this browser's first request on; the admin's address is worked out again with the prefix.
    admin_path_prefixes.cache_clear()
    set_script_prefix("/send/")
    try:
        other = Client(SCRIPT_NAME="/send")
        password_sign_in(other)
        response = other.get("/admin/pages/")
    finally:
        set_script_prefix("/")
        admin_path_prefixes.cache_clear()
    assert response.status_code == 302
    assert response["Location"].startswith(f"/send{CODE_PAGE}?next=")


@pytest.mark.django_db
@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_a_wrong_code_at_sign_in_is_refused(client, staff):
    client.force_login(staff)
    device, _ = set_up_two_factor(client)
    other = Client()
    password_sign_in(other)

    response = other.post(CODE_PAGE, {"code": "000000"})
    if app_code(device) == "000000":  # one chance in a million
        return
    assert response.status_code == 200
    assert "The security code is not right" in response.content.decode()
    assert other.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_repeated_wrong_codes_make_you_wait(client, staff):
    client.force_login(staff)
    device, _ = set_up_two_factor(client)
    other = Client()
    password_sign_in(other)
    wrong = f"{(int(app_code(device, 1)) + 1) % 1_000_000:06d}"

    other.post(CODE_PAGE, {"code": wrong})
    response = other.post(CODE_PAGE, {"code": app_code(device, steps_ahead=1)})
    assert "You have entered too many wrong codes" in response.content.decode()
    assert other.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_backup_code_works_once(client, staff):
    client.force_login(staff)
    _, codes = set_up_two_factor(client)

    first = Client()
    password_sign_in(first)
    # Typed as shown on the page: two groups of four, in capitals.
    typed = f"{codes[0][:4]} {codes[0][4:]}".upper()
    response = first.post(CODE_PAGE, {"code": typed})
    assert response.status_code == 302
    assert first.get("/admin/").status_code == 200
    assert devices.backup_codes_left(staff) == 9

    second = Client()
    password_sign_in(second)
    response = second.post(CODE_PAGE, {"code": codes[0]})
    assert "The security code is not right" in response.content.decode()
    assert second.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_the_code_page_only_sends_you_on_to_this_site(client, staff):
    client.force_login(staff)
    device, _ = set_up_two_factor(client)
    other = Client()
    password_sign_in(other)
    response = other.post(
        CODE_PAGE, {"code": app_code(device, 1), "next": "https://evil.example/admin/"}
    )
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_a_new_session_key_after_the_code(client, staff):
    client.force_login(staff)
    device, _ = set_up_two_factor(client)
    other = Client()
    password_sign_in(other)
    before = other.session.session_key
    other.post(CODE_PAGE, {"code": app_code(device, 1)})
    assert other.session.session_key != before


@pytest.mark.django_db
def test_staff_without_two_factor_are_not_asked_for_a_code(client, staff):
    password_sign_in(client)
    assert client.get("/admin/").status_code == 200
    assert client.get(CODE_PAGE)["Location"] == "/admin/"


# --- Turning it off ----------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_turning_it_off_needs_a_code(client, staff):
    client.force_login(staff)
    device, _ = set_up_two_factor(client)

    refused = client.post(TURN_OFF, {"code": "not-a-code"})
    assert refused.status_code == 200
    assert "The security code is not right" in refused.content.decode()
    assert devices.has_two_factor(staff)

    response = client.post(TURN_OFF, {"code": app_code(device, steps_ahead=1)})
    assert response.status_code == 302
    assert not devices.has_two_factor(staff)
    assert not StaticToken.objects.exists()

    # The next sign-in needs the password alone.
    other = Client()
    password_sign_in(other)
    assert other.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_the_web_team_can_turn_it_off_for_someone_who_lost_their_phone(client, staff):
    client.force_login(staff)
    set_up_two_factor(client)
    call_command("reset_two_factor", "sam")
    assert not devices.has_two_factor(staff)
    assert not StaticToken.objects.exists()


# --- Compulsory --------------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(ADMIN_REQUIRE_TWO_FACTOR=True)
def test_when_compulsory_staff_without_an_app_are_sent_to_set_it_up(client, staff):
    password_sign_in(client)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{SET_UP}?next=/admin/pages/"
    assert client.get("/django-admin/")["Location"].startswith(SET_UP)

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "You need to set up two-factor authentication" in page.content.decode()

    device = TOTPDevice.objects.get(user=staff)
    client.post(f"{SET_UP}?next=/admin/pages/", {"code": app_code(device)})
    codes_page = client.get(BACKUP_CODES)
    assert codes_page.context["continue_to"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.django_db
@override_settings(ADMIN_REQUIRE_TWO_FACTOR=True)
def test_when_compulsory_the_menu_is_empty_until_set_up(staff):
    request = RequestFactory().get(SET_UP)
    request.user = staff
    staff.is_verified = lambda: False
    items = ["Pages", "Images"]
    hide_menu_until_set_up(request, items)
    assert items == []

    staff.is_verified = lambda: True
    items = ["Pages", "Images"]
    hide_menu_until_set_up(request, items)
    assert items == ["Pages", "Images"]


@pytest.mark.django_db
@override_settings(ADMIN_REQUIRE_TWO_FACTOR=False)
def test_when_optional_staff_without_an_app_go_straight_in(client, staff):
    password_sign_in(client)
    assert client.get("/admin/pages/").status_code == 200


# --- The public site ---------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(ADMIN_REQUIRE_TWO_FACTOR=True)
def test_the_public_site_is_untouched(client, home, staff):
    assert client.get("/").status_code == 200  # anonymous visitors

    # Staff part-way through signing in still see the public site as it is.
    TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    password_sign_in(client)
    assert client.get("/").status_code == 200
    assert client.get("/admin/")["Location"].startswith(CODE_PAGE)


def test_the_middleware_does_not_look_at_the_user_on_public_pages():
    class Untouchable:
        def __getattr__(self, name):
            raise AssertionError("the middleware read the user (and so the session)")

    request = RequestFactory().get("/local-offer/?q=admin")
    request.user = Untouchable()
    middleware = TwoFactorMiddleware(lambda request: "page")
    assert middleware(request) == "page"


@pytest.mark.django_db
def test_the_account_page_links_to_two_factor_authentication(client, staff):
    client.force_login(staff)
    page = client.get("/admin/account/").content.decode()
    assert "/admin/two-factor/" in page
    assert "Two-factor authentication" in page
