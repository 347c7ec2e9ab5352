"""Hostile input thrown at every public endpoint and form: script payloads, NUL bytes, broken
UTF-8, lone surrogates, very long values, huge bodies, impossible page numbers, SQL-like strings
and spreadsheet formulas. Never a 500, never markup echoed back, a GOV.UK error summary where a
form refuses input, and nothing stored from a refused form.

Run on PostgreSQL as well as SQLite: PostgreSQL refuses NUL in text, so a NUL that reaches a
query is a 500 there and nowhere else.
"""

from __future__ import annotations

from urllib.parse import quote

import hostile
import pytest
from django.core.cache import cache
from hostile import PAYLOADS, QUERY_PAYLOADS, RAW_VALUES, has_error_summary, problems

from local_offer.models import ProblemReport
from you_said_we_did.models import Subscription

pytestmark = pytest.mark.django_db

world = hostile.world  # the fixture: a small site with every public form and endpoint

API = "/api/openreferral"

# Every public GET address with the query parameters it reads (and one nobody reads).
GET_ENDPOINTS = {
    "home": (lambda w: w.home.url, ["q"]),
    "site-search": (lambda w: "/search/", ["q", "type", "page"]),
    "site-search-polish": (lambda w: "/pl/search/", ["q", "page"]),
    "search-suggest": (lambda w: "/search/suggest/", ["q", "lang"]),
    "directory": (
        lambda w: w.directory.url,
        ["q", "age", "area", "need", "district", "delivery", "referral", "free", "page"],
    ),
    "service": (lambda w: f"{w.directory.url}service/{w.service.translation_key}/", ["q"]),
    "report-problem-form": (
        lambda w: f"{w.directory.url}service/{w.service.translation_key}/report-a-problem/",
        ["kind"],
    ),
    "school-finder": (lambda w: w.finder.url, ["q", "page"]),
    "school-suggest": (lambda w: f"{w.finder.url}suggest/", ["q"]),
    "school": (lambda w: f"{w.finder.url}school/{w.school.urn}/", ["q"]),
    "communities": (lambda w: f"{w.finder.url}communities/", ["q"]),
    "community": (lambda w: f"{w.finder.url}communities/{w.community.slug}/", ["q"]),
    "updates": (lambda w: w.updates.url, ["ambition", "status", "consultation", "page"]),
    "updates-feed-rss": (lambda w: f"{w.updates.url}feed/rss/", ["page"]),
    "updates-feed-atom": (lambda w: f"{w.updates.url}ambition-1/feed/atom/", ["page"]),
    "subscribe-form": (lambda w: f"{w.updates.url}subscribe/", ["email"]),
    "ambition-page": (lambda w: w.ambition_page.url, ["chart"]),
    "ambition-csv": (lambda w: f"{w.ambition_page.url}dashboard/csv/", ["chart"]),
    "ambition-json": (lambda w: f"{w.ambition_page.url}dashboard/json/", ["chart"]),
    "consultation": (lambda w: w.consultation.url, ["version"]),
    "consultation-start": (lambda w: f"{w.consultation.url}answer/", ["version"]),
    "consultation-print": (lambda w: f"{w.consultation.url}print/", ["version"]),
    "api-root": (lambda w: f"{API}/", ["format"]),
    "api-services": (
        lambda w: f"{API}/services",
        [
            "page",
            "per_page",
            "search",
            "format",
            "taxonomy_term_id",
            "taxonomy_id",
            "organization_id",
            "modified_after",
            "minimum_age",
            "maximum_age",
        ],
    ),
    "api-service": (lambda w: f"{API}/services/{w.service.translation_key}", ["format"]),
    "api-taxonomies": (lambda w: f"{API}/taxonomies", ["search", "page", "per_page"]),
    "api-taxonomy-terms": (
        lambda w: f"{API}/taxonomy_terms",
        ["search", "taxonomy_id", "parent_id", "top_only", "page", "per_page"],
    ),
    "api-organizations": (lambda w: f"{API}/organizations", ["search", "page", "per_page"]),
    "api-service-at-locations": (
        lambda w: f"{API}/service_at_locations",
        ["search", "postcode", "taxonomy_term_id", "organization_id", "modified_after", "page"],
    ),
    "sitemap": (lambda w: "/sitemap.xml", ["p"]),
    "robots": (lambda w: "/robots.txt", ["q"]),
    "brand-css": (lambda w: "/brand.css", ["v"]),
    "set-language": (lambda w: "/i18n/setlang/", ["language", "next"]),
}

# Addresses with hostile text in the path itself (Wagtail routes and view arguments).
HOSTILE_PATHS = {
    "page-slug-nul": lambda w: "/have-your-say%00/",
    "page-slug-invalid-utf8": lambda w: "/%ff%fe/",
    "page-slug-overlong-dot": lambda w: "/%c0%ae%c0%ae/%c0%ae%c0%ae/",
    "page-slug-surrogate": lambda w: "/%ed%a0%80/",
    "page-slug-sql": lambda w: "/" + quote("' OR 1=1 --") + "/",
    "page-slug-script": lambda w: "/" + quote(PAYLOADS["script"]) + "/",
    "page-slug-long": lambda w: "/" + "a" * 5000 + "/",
    "polish-page-nul": lambda w: "/pl/have-your-say%00/",
    "step-nul": lambda w: f"{w.consultation.url}answer/step-1%00/",
    "step-unknown": lambda w: f"{w.consultation.url}answer/step-99/",
    "service-not-uuid": lambda w: f"{w.directory.url}service/%00/",
    "school-huge-urn": lambda w: f"{w.finder.url}school/{'9' * 40}/",
    "school-negative-urn": lambda w: f"{w.finder.url}school/-1/",
    "community-nul": lambda w: f"{w.finder.url}communities/a%00b/",
    "feed-unknown-kind": lambda w: f"{w.updates.url}feed/%00/",
    "feed-huge-ambition": lambda w: f"{w.updates.url}ambition-{'9' * 40}/feed/rss/",
    "confirm-bad-token": lambda w: f"{w.updates.url}subscribe/confirm/%ff%00/",
    "confirm-long-token": lambda w: f"{w.updates.url}subscribe/confirm/{'A' * 5000}/",
    "unsubscribe-nul": lambda w: f"{w.updates.url}unsubscribe/a%00b/",
    "unsubscribe-sql": lambda w: f"{w.updates.url}unsubscribe/{quote(PAYLOADS['sql'])}/",
    "unsubscribe-script": lambda w: (
        f"{w.updates.url}unsubscribe/{quote(PAYLOADS['img-onerror'], safe='')}/"
    ),
    "confirm-script": lambda w: (
        f"{w.updates.url}subscribe/confirm/{quote(PAYLOADS['img-onerror'], safe='')}/"
    ),
    "one-click-nul": lambda w: "/updates.unsubscribe/a%00b/",
    "api-service-nul": lambda w: f"{API}/services/%00",
    "api-service-sql": lambda w: f"{API}/services/{quote(PAYLOADS['sql'])}",
    "api-taxonomy-surrogate": lambda w: f"{API}/taxonomies/%ed%a0%80",
    "api-term-invalid-utf8": lambda w: f"{API}/taxonomy_terms/%ff",
    "api-organisation-nul": lambda w: f"{API}/organizations/%00",
    "api-sal-nul": lambda w: f"{API}/service_at_locations/%00",
    "document-nul": lambda w: "/documents/1/a%00b.pdf",
}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def _check(client, failures: list[str], label: str, path: str, **extra) -> None:
    response = client.get(path, **extra)
    found = problems(response)
    if found:
        failures.append(f"{label}: {', '.join(found)}")


@pytest.mark.parametrize("endpoint", GET_ENDPOINTS)
def test_hostile_query_parameters_get_a_page_not_an_error(client, world, endpoint):
    """Every parameter of every public GET address, given each payload, then all at once; then
    percent-encoded NUL, broken UTF-8 and lone surrogates as raw query strings."""
    url_of, params = GET_ENDPOINTS[endpoint]
    url = url_of(world)
    failures: list[str] = []
    for name in params:
        for kind, payload in QUERY_PAYLOADS.items():
            _check(client, failures, f"{name}={kind}", url, data={name: payload})
        # A parameter given twice: Django reads the last, some code might read a list.
        _check(client, failures, f"{name} twice", url, data={name: [PAYLOADS["nul"], "1"]})
        for kind, raw in RAW_VALUES.items():
            _check(client, failures, f"{name}={kind}", url, QUERY_STRING=f"{name}={raw}")
    for kind, payload in QUERY_PAYLOADS.items():
        _check(client, failures, f"all={kind}", url, data=dict.fromkeys(params, payload))
    assert failures == []


@pytest.mark.parametrize("name", HOSTILE_PATHS)
def test_hostile_paths_get_a_not_found_page_not_an_error(client, world, name):
    response = client.get(HOSTILE_PATHS[name](world))
    assert problems(response) == []
    assert response.status_code in (200, 301, 302, 400, 404)


@pytest.mark.parametrize("page", ["0", "-1", "99999999999999999999", "1e3", "½", "١", "2.5", ""])
@pytest.mark.parametrize(
    "url_of",
    [
        lambda w: "/search/?q=support&page=",
        lambda w: f"{w.directory.url}?page=",
        lambda w: f"{w.finder.url}?q=oakwood&page=",
        lambda w: f"{w.updates.url}?page=",
        lambda w: f"{API}/services?page=",
        lambda w: f"{API}/services?per_page=",
    ],
    ids=["search", "directory", "school-finder", "updates", "api-page", "api-per-page"],
)
def test_impossible_page_numbers(client, world, url_of, page):
    """Zero, negative, huge, exponent, fractions and other scripts' digits: a page or a 404
    (HTML) or a 400 (API), never an error."""
    response = client.get(url_of(world) + quote(page))
    assert problems(response) == []
    assert response.status_code in (200, 400, 404)


# --- Forms ----------------------------------------------------------------------------------

REPORT_FIELDS = ["kind", "details", "email", "website"]
SUBSCRIBE_FIELDS = ["email", "scope", "ambitions", "easy_read"]


def _report_url(w) -> str:
    return f"{w.directory.url}service/{w.service.translation_key}/report-a-problem/"


# The forms that read their body whatever the state of the visitor's session.
READ_BODY = {"report-a-problem", "subscribe", "continue-with-code", "set-language"}

POST_FORMS = {
    "report-a-problem": (
        _report_url,
        {"kind": "closed", "details": "The service has closed."},
        REPORT_FIELDS,
    ),
    "subscribe": (
        lambda w: f"{w.updates.url}subscribe/",
        {"email": "parent@example.org", "scope": "all", "easy_read": "no"},
        SUBSCRIBE_FIELDS,
    ),
    "continue-with-code": (lambda w: f"{w.consultation.url}continue/", {}, ["code"]),
    "check-answers": (lambda w: f"{w.consultation.url}answer/check/", {}, ["email", "submit"]),
    "set-language": (
        lambda w: "/i18n/setlang/",
        {"language": "pl", "next": "/"},
        ["language", "next"],
    ),
    "confirm-subscription": (
        lambda w: f"{w.updates.url}subscribe/confirm/not-a-token/",
        {},
        ["email"],
    ),
    "unsubscribe": (lambda w: f"{w.updates.url}unsubscribe/not-a-token/", {}, ["token"]),
    "one-click-unsubscribe": (
        lambda w: "/updates.unsubscribe/not-a-token/",
        {"List-Unsubscribe": "One-Click"},
        ["List-Unsubscribe"],
    ),
}


def _stored() -> tuple[int, int]:
    return ProblemReport.objects.count(), Subscription.objects.count()


@pytest.mark.parametrize("form", POST_FORMS)
def test_hostile_form_fields_never_give_an_error(client, world, form):
    """Each field of each public form given each payload (the others valid), then raw bodies
    with NUL, broken UTF-8, lone surrogates and a charset nobody has heard of."""
    url_of, valid, fields = POST_FORMS[form]
    url = url_of(world)
    failures: list[str] = []
    for name in fields:
        for kind, payload in PAYLOADS.items():
            cache.clear()  # the rate limits are not under test here
            response = client.post(url, {**valid, name: payload})
            found = problems(response)
            if found:
                failures.append(f"{name}={kind}: {', '.join(found)}")
        for kind, raw in RAW_VALUES.items():
            for content_type in (
                "application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=no-such-charset",
            ):
                body = "&".join([f"{k}={quote(v)}" for k, v in valid.items()] + [f"{name}={raw}"])
                response = client.generic(
                    "POST", url, body.encode("latin-1"), content_type=content_type
                )
                found = problems(response)
                if found:
                    failures.append(f"{name}={kind} ({content_type}): {', '.join(found)}")
    assert failures == []


@pytest.mark.parametrize("form", POST_FORMS)
def test_huge_bodies_are_refused_plainly(client, world, form):
    """A 5 MB body is over Django's DATA_UPLOAD_MAX_MEMORY_SIZE: a 400 from the forms that
    read it, nothing stored by any."""
    url_of, valid, fields = POST_FORMS[form]
    before = _stored()
    response = client.post(url_of(world), {**valid, fields[0]: "x" * 5_000_000})
    assert problems(response) == []
    if form in READ_BODY:
        assert response.status_code == 400
        assert "Sorry, we could not read what was sent" in response.content.decode()
    assert _stored() == before


@pytest.mark.parametrize(
    ("field", "payload"),
    [
        ("details", PAYLOADS["nul"]),
        ("details", PAYLOADS["long"]),
        ("kind", PAYLOADS["sql"]),
        ("kind", PAYLOADS["script"]),
        ("email", PAYLOADS["img-onerror"]),
        ("email", "a@example.org\x00"),
    ],
)
def test_report_a_problem_refuses_bad_input_with_an_error_summary(client, world, field, payload):
    data = {"kind": "closed", "details": "The service has closed.", field: payload}
    response = client.post(_report_url(world), data)
    assert response.status_code == 200
    assert has_error_summary(response)
    assert problems(response) == []
    assert not ProblemReport.objects.exists()


@pytest.mark.parametrize(
    ("field", "payload"),
    [
        ("email", PAYLOADS["nul"]),
        ("email", PAYLOADS["script"]),
        ("email", "x" * 100_000 + "@example.org"),
        ("scope", PAYLOADS["sql"]),
        ("ambitions", PAYLOADS["sql"]),
        ("easy_read", PAYLOADS["nul"]),
    ],
)
def test_subscribe_refuses_bad_input_with_an_error_summary(client, world, field, payload):
    data = {"email": "parent@example.org", "scope": "all", "easy_read": "no", field: payload}
    response = client.post(f"{world.updates.url}subscribe/", data)
    assert response.status_code == 200
    assert has_error_summary(response)
    assert problems(response) == []


@pytest.mark.parametrize(
    "payload", ["\x00" * 12, "ACDE\x003479FGHJ", "%ff", PAYLOADS["sql"], PAYLOADS["long"]]
)
def test_a_hostile_return_code_gets_an_error_summary(client, world, payload):
    response = client.post(f"{world.consultation.url}continue/", {"code": payload})
    assert response.status_code == 200
    assert has_error_summary(response)
    assert problems(response) == []


def test_set_language_never_redirects_to_a_script_or_another_site(client, world):
    for target in ("javascript:alert(1)", "//evil.example/", "https://evil.example/", "\x00"):
        response = client.post("/i18n/setlang/", {"language": "pl", "next": target})
        assert response.status_code == 302
        assert response["Location"] in ("/", "/pl/")


HEADERS = ["Accept-Language", "User-Agent", "Referer", "X-Forwarded-For", "Host"]
COOKIES = ["django_language", "sessionid", "csrftoken"]


@pytest.mark.parametrize(
    "url_of",
    [
        lambda w: "/search/?q=speech",
        lambda w: f"{w.consultation.url}answer/",
        lambda w: f"{API}/services",
    ],
    ids=["search", "consultation-start", "api"],
)
def test_hostile_headers_and_cookies(client, world, url_of, settings):
    """The language, session and CSRF cookies, Accept-Language, forwarded addresses and the
    like, given each payload: a page (or a plain 400 for an impossible Host), never an error."""
    settings.TRUSTED_PROXY_COUNT = 1
    url = url_of(world)
    failures = []
    for kind, payload in QUERY_PAYLOADS.items():
        if kind == "long":
            payload = payload[:8000]  # about as long as a web server lets a header be
        # As a WSGI server hands headers over: the bytes sent, read as Latin-1.
        payload = payload.encode("utf-8").decode("latin-1")
        for header in HEADERS:
            response = client.get(url, headers={header: payload})
            found = problems(response)
            if found:
                failures.append(f"{header}: {kind}: {', '.join(found)}")
        for cookie in COOKIES:
            client.cookies.clear()
            client.cookies[cookie] = payload
            response = client.get(url)
            found = problems(response)
            if found:
                failures.append(f"cookie {cookie}: {kind}: {', '.join(found)}")
        client.cookies.clear()
    assert failures == []


@pytest.mark.parametrize(
    "value",
    [
        "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-01:00",
        "0001-01-01",
        "9999-12-31",
        "2026-02-30",
        "2026-13-01",
        "2026-01-01T25:00:00",
        "2026-01-01T10:00:00+99:00",
        "1e10",
    ],
)
@pytest.mark.parametrize("endpoint", ["services", "service_at_locations"])
def test_api_dates_at_the_edges_of_time(client, world, endpoint, value):
    """modified_after at the first and last moments a date can hold, and dates that do not
    exist: results or a JSON 400, never an error (a time zone shift past year 1 or 9999 used
    to overflow)."""
    response = client.get(f"{API}/{endpoint}", {"modified_after": value})
    assert problems(response) == []
    assert response.status_code in (200, 400)
