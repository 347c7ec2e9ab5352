"""Security headers: the exact policies on public pages, error pages, the API and the admin,
previews, templates with no inline code, and the HTTPS-only settings of production.

The expected policies are written out here by hand, not read from settings, so that a change to
a policy has to be made twice: once in settings, once here, on purpose.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from home.factories import InformationPageFactory

ROOT = Path(__file__).resolve().parents[3]

VIDEO_PLAYERS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": VIDEO_PLAYERS,
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "blob:"],
    "frame-src": ["'self'", *VIDEO_PLAYERS],
    "frame-ancestors": ["'self'"],
}

PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), "
    "geolocation=(), gyroscope=(), hid=(), idle-detection=(), magnetometer=(), microphone=(), "
    "midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
    "xr-spatial-tracking=()"
)

# Headers that are the same on every response Django makes, public or admin.
EVERYWHERE = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
}


def parse_policy(header: str) -> dict[str, list[str]]:
    """A Content-Security-Policy header as {directive: [sources]}; the order of directives in
    the header carries no meaning, the order of sources is kept."""
    policy = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            assert words[0] not in policy, f"{words[0]} appears twice in {header!r}"
            policy[words[0]] = words[1:]
    return policy


def assert_public_headers(response):
    assert parse_policy(response["Content-Security-Policy"]) == PUBLIC_POLICY
    assert response["X-Frame-Options"] == "DENY"
    for name, value in EVERYWHERE.items():
        assert response[name] == value, name


def assert_admin_headers(response):
    assert parse_policy(response["Content-Security-Policy"]) == ADMIN_POLICY
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    for name, value in EVERYWHERE.items():
        assert response[name] == value, name


# --- Public site ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_public_page_has_every_header_and_the_strict_policy(client, home):
    page = InformationPageFactory(parent=home, title="Short breaks")
    response = client.get(page.url)
    assert response.status_code == 200
    assert_public_headers(response)


@pytest.mark.django_db
def test_the_not_found_page_has_the_same_headers(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_public_headers(response)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/openreferral/", "/api/openreferral/services"])
def test_the_open_referral_api_has_the_same_headers(client, home, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert_public_headers(response)


def test_the_public_policy_allows_no_inline_code_eval_or_wildcards():
    from django.conf import settings

    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    sources = [source for values in directives.values() for source in values]
    for forbidden in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:"):
        assert forbidden not in sources
    # Every directive a browser falls back from is set, so nothing relies on a default.
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]


# --- The admin, and Wagtail's previews --------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/"])
def test_the_admin_sign_in_pages_have_the_admin_policy(client, home, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_admin_headers(response)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/django-admin/"])
def test_admin_pages_have_the_admin_policy(client, home, path):
    client.force_login(get_user_model().objects.create_superuser("chief", password="x"))
    response = client.get(path)
    assert response.status_code == 200
    assert_admin_headers(response)


def test_the_admin_policy_never_allows_eval_or_other_sites_scripts():
    from django.conf import settings

    directives = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
    assert "'unsafe-eval'" not in [source for values in directives.values() for source in values]
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]


@pytest.mark.django_db
def test_a_preview_keeps_the_public_policy_but_the_admin_may_frame_it(home):
    # How Wagtail's preview panel renders a page: a made-up request for the page's address,
    # run through the middleware.
    page = InformationPageFactory(parent=home, title="Transport to school")
    response = page.make_preview_request()
    assert response.status_code == 200
    assert parse_policy(response["Content-Security-Policy"]) == {
        **PUBLIC_POLICY,
        "frame-ancestors": ["'self'"],
    }
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_images_in_object_storage_are_allowed_from_there_only(client, home):
    storages = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"base_url": "https://media.example.org/send/"},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        policy = parse_policy(client.get("/no-such-page/")["Content-Security-Policy"])
        assert policy["img-src"] == ["'self'", "https://media.example.org"]
        assert policy["script-src"] == ["'self'"]
    # And once storage is local again, so is img-src.
    policy = parse_policy(client.get("/no-such-page/")["Content-Security-Policy"])
    assert policy["img-src"] == ["'self'"]


# --- Cookies --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_session_csrf_and_language_cookies_are_http_only_and_same_site_lax(client, home):
    get_user_model().objects.create_superuser("chief", password="a-long-password-1")
    signed_in = client.post("/admin/login/", {"username": "chief", "password": "a-long-password-1"})
    assert signed_in.status_code == 302
    language = client.post("/i18n/setlang/", {"language": "pl", "next": "/"})
    cookies = {
        "sessionid": signed_in.cookies["sessionid"],
        "csrftoken": signed_in.cookies["csrftoken"],  # a new token is issued at sign-in
        "django_language": language.cookies["django_language"],
    }
    for name, cookie in cookies.items():
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name


# --- Templates: no inline code for the policy to block ------------------------------------------

INLINE_CODE = [
    (re.compile(r"\sstyle\s*=", re.IGNORECASE), "a style attribute"),
    (re.compile(r"<style\b", re.IGNORECASE), "a <style> element"),
    (re.compile(r"\son[a-z]+\s*=", re.IGNORECASE), "an inline event handler"),
    (re.compile(r"javascript:", re.IGNORECASE), "a javascript: address"),
    # A <script> must load a file (src=) or carry data the browser never runs (JSON).
    (
        re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")", re.I),
        "an inline <script>",
    ),
]


def _templates_outside_the_admin():
    for path in sorted((ROOT / "templates").rglob("*.html")):
        relative = path.relative_to(ROOT / "templates")
        # Admin screens run under the admin's policy; they are checked by the browser layer.
        if "admin" in relative.parts or relative.parts[0] in {"wagtailadmin", "sign_in"}:
            continue
        yield relative, path.read_text(encoding="utf-8")


def test_public_templates_have_no_inline_code():
    found = [
        f"{relative}: {what}"
        for relative, text in _templates_outside_the_admin()
        for pattern, what in INLINE_CODE
        if pattern.search(re.sub(r"{#.*?#}|{% comment %}.*?{% endcomment %}", "", text, flags=re.S))
    ]
    assert not found, "Move these to static_src/ (the policy blocks them):\n" + "\n".join(found)


def test_the_inline_code_check_finds_what_it_looks_for():
    samples = [
        '<div style="color:red">',
        "<style>p{}</style>",
        '<a onclick="go()">',
        '<a href="javascript:go()">',
        "<script>go()</script>",
    ]
    for sample in samples:
        assert any(pattern.search(sample) for pattern, _ in INLINE_CODE), sample
    for allowed in ['<script src="/static/js/main.mjs">', '<script type="application/json">']:
        assert not any(pattern.search(allowed) for pattern, _ in INLINE_CODE), allowed


# --- Production: HTTPS-only headers and check --deploy -------------------------------------------

PRODUCTION_PROBE = """
import io, json
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client

client = Client()
secure = client.get("/robots.txt", secure=True, HTTP_HOST="send.example.org")
plain = client.get("/robots.txt", HTTP_HOST="send.example.org")
check = io.StringIO()
call_command("check", deploy=True, fail_level="WARNING", stdout=check, stderr=check)
print(json.dumps({
    "settings": {name: getattr(settings, name) for name in [
        "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE", "LANGUAGE_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_HTTPONLY", "X_FRAME_OPTIONS",
    ]},
    "secure_headers": dict(secure.headers),
    "secure_status": secure.status_code,
    "plain_status": plain.status_code,
    "plain_location": plain.headers.get("Location"),
    "check": check.getvalue(),
}))
"""


@pytest.fixture(scope="module")
def production():
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        SECRET_KEY="p4Lm-8vQz2Rk7tNw3XcYb6HfJd9GsA1eRuPoIiUyTq0WzXvBnMlKjHgFdSaQwErTy",
        ALLOWED_HOSTS="send.example.org",
        BASE_URL="https://send.example.org",
    )
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_hsts_for_a_year_with_subdomains_and_preload(production):
    assert production["secure_status"] == 200
    headers = production["secure_headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert parse_policy(headers["Content-Security-Policy"]) == PUBLIC_POLICY
    assert headers["X-Frame-Options"] == "DENY"
    for name, value in EVERYWHERE.items():
        assert headers[name] == value, name


def test_production_redirects_plain_http_to_https(production):
    assert production["plain_status"] == 301
    assert production["plain_location"] == "https://send.example.org/robots.txt"


def test_production_cookies_go_over_https_only(production):
    values = production["settings"]
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_HSTS_SECONDS"] == 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is True
    for name in ("SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "LANGUAGE_COOKIE_SECURE"):
        assert values[name] is True, name
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["CSRF_COOKIE_HTTPONLY"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"


def test_production_check_deploy_has_no_warnings(production):
    # call_command raises (and the probe fails) on any warning; this is what it printed.
    assert "System check identified no issues" in production["check"]
    assert "WARNING" not in production["check"]
