"""The anonymous page cache (hub/page_cache, decision 0011): who gets cached pages, what is never
stored, and how publishing leaves old copies behind."""

import uuid

import polib
import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from page_cache_urls import FLASH_PAGE
from wagtail.models import Locale

from home.factories import InformationPageFactory, paragraph_body
from hub.models import CouncilSettings
from hub.page_cache import rules, store
from hub.translation_files import page_translation
from local_offer.factories import LocalOfferPageFactory, ServiceFactory
from local_offer.models import ProblemReport
from local_offer.vocabularies import ensure_vocabularies
from schools.factories import SchoolFactory
from schools.models import SchoolFinderPage
from search.models import SearchLog

pytestmark = pytest.mark.django_db

REDIS_TEST_URL = "redis://127.0.0.1:6379/15"
# Headers that belong to one response, not to the page: everything else must match on a hit.
PER_RESPONSE_HEADERS = {"x-cache", "age", "x-request-id", "date"}


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The page cache on, for five minutes, in an empty cache."""
    settings.PAGE_CACHE_SECONDS = 300
    memory = caches["default"]  # the test settings' in-process cache
    memory.clear()
    yield
    memory.clear()


@pytest.fixture
def publish_now(django_capture_on_commit_callbacks):
    """Runs what waits for the transaction to commit (the cache moving on, wagtail-localize's
    publishing), as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def guide(home):
    return InformationPageFactory(
        parent=home,
        title="Short breaks",
        slug="short-breaks",
        body=paragraph_body("Short breaks give families time to rest."),
    )


@pytest.fixture
def polish():
    return Locale.objects.get(language_code="pl")


@pytest.fixture
def directory(home):
    ensure_vocabularies()
    return LocalOfferPageFactory(parent=home)


@pytest.fixture
def service(directory):
    return ServiceFactory(name="Talking Walk-ins")


def service_url(directory, service, tail=""):
    return f"{directory.url}service/{service.translation_key}/{tail}"


def get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, f"{url} returned {response.status_code}"
    return response


def cache_state(client, url, **extra) -> str:
    return get(client, url, **extra)["X-Cache"]


# --- Hits --------------------------------------------------------------------------------------


def test_the_second_anonymous_visit_is_a_hit_with_the_same_page(client, guide):
    first = get(client, guide.url)
    second = get(client, guide.url)
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content
    assert "Short breaks give families time to rest." in second.content.decode()


def test_a_hit_costs_no_database_query(client, guide):
    get(client, guide.url)
    with CaptureQueriesContext(connection) as queries:
        assert cache_state(client, guide.url) == "HIT"
    assert len(queries) == 0


def test_a_hit_carries_the_same_headers_as_the_miss_that_stored_it(client, guide, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    miss = client.get(guide.url, secure=True)
    hit = client.get(guide.url, secure=True)
    assert hit["X-Cache"] == "HIT"

    def page_headers(response):
        return {
            name.lower(): value
            for name, value in response.headers.items()
            if name.lower() not in PER_RESPONSE_HEADERS
        }

    assert page_headers(hit) == page_headers(miss)
    for security_header in (
        "Strict-Transport-Security",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Content-Security-Policy",
    ):
        assert security_header in hit, security_header


def test_a_head_request_is_answered_from_the_cache(client, guide):
    get(client, guide.url)
    assert client.head(guide.url)["X-Cache"] == "HIT"


def test_languages_and_query_strings_are_kept_apart(client, home, polish):
    home.copy_for_translation(polish, alias=True)
    assert cache_state(client, "/") == "MISS"
    polish_page = get(client, "/pl/")
    assert polish_page["X-Cache"] == "MISS"
    assert '<html lang="pl"' in polish_page.content.decode()
    english_hit = get(client, "/")
    polish_hit = get(client, "/pl/")
    assert (english_hit["X-Cache"], polish_hit["X-Cache"]) == ("HIT", "HIT")
    assert '<html lang="en-gb"' in english_hit.content.decode()
    assert polish_hit.content == polish_page.content
    assert cache_state(client, "/?utm_source=letter") == "MISS"


def test_hosts_are_kept_apart(client, guide, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example.org"]
    assert cache_state(client, guide.url) == "MISS"
    # The other host's page is stored under its own address: a miss first, then its own hit.
    assert cache_state(client, guide.url, HTTP_HOST="other.example.org") == "MISS"
    assert cache_state(client, guide.url, HTTP_HOST="other.example.org") == "HIT"


# --- Visitors the cache is not for -------------------------------------------------------------


def test_signed_in_staff_neither_get_nor_fill_the_cache(client, admin_client, guide):
    assert cache_state(admin_client, guide.url) == "BYPASS"
    assert cache_state(client, guide.url) == "MISS"  # staff did not fill it
    assert cache_state(client, guide.url) == "HIT"
    assert cache_state(admin_client, guide.url) == "BYPASS"  # nor are they served from it


def test_a_visitor_with_a_session_neither_gets_nor_fills_the_cache(client, guide):
    """Questionnaire progress lives in the session: such a visitor's pages are their own."""
    session = client.session
    session["progress"] = {"step": "about-you"}
    session.save()
    assert cache_state(client, guide.url) == "BYPASS"
    anonymous = client.__class__()
    assert cache_state(anonymous, guide.url) == "MISS"
    assert cache_state(client, guide.url) == "BYPASS"


def test_posts_are_never_answered_from_the_cache(client, directory, service):
    url = service_url(directory, service, "report-a-problem/")
    response = client.post(url, {"kind": "closed", "details": "It has closed."})
    assert response.status_code == 302
    assert response["X-Cache"] == "BYPASS"


def test_a_page_with_a_form_is_never_stored(client, directory, service):
    """The form's CSRF token belongs to the visitor's cookie: a stored copy would hand it, or a
    stale one, to everybody."""
    url = service_url(directory, service, "report-a-problem/")
    first = get(client, url)
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert "csrftoken" in first.cookies
    # The same visitor again (now with a CSRF cookie), then a new one: still made afresh.
    assert cache_state(client, url) == "MISS"
    assert cache_state(client.__class__(), url) == "MISS"


def test_a_page_that_used_the_token_is_not_stored_even_without_a_cookie(rf):
    """Django re-sends the CSRF cookie whenever a page uses the token, so the cookie rule
    already catches it; the flag Django sets on the request is checked too, should a cookie
    ever not be sent."""
    request = rf.get("/consultations/have-your-say/")
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert rules.reason_not_to_store(request, HttpResponse("<form>...</form>")) == "csrf token"
    assert rules.reason_not_to_store(rf.get("/"), HttpResponse("<p>...</p>")) is None


def test_the_site_search_is_not_cached_so_every_search_is_counted(client, home):
    for _ in range(2):
        response = get(client, "/search/?q=autism")
        assert response["X-Cache"] == "MISS"
        assert "private" in response["Cache-Control"]
    assert SearchLog.objects.get(query="autism").searches == 2


@pytest.mark.urls("page_cache_urls")
def test_a_flash_message_shown_at_once_is_never_stored(client, home):
    shown = get(client, FLASH_PAGE + "?show=now")
    assert "Your answers were saved." in shown.content.decode()
    assert cache_state(client, FLASH_PAGE + "?show=now") == "MISS"


@pytest.mark.urls("page_cache_urls")
def test_a_flash_message_carried_to_the_next_page_is_never_stored(client, home):
    redirected = client.get(FLASH_PAGE + "?show=next")
    assert redirected.status_code == 302
    shown = get(client, FLASH_PAGE)
    assert shown["X-Cache"] == "BYPASS"  # the message came in its cookie
    assert "Your answers were saved." in shown.content.decode()
    # Everyone else gets the page without anyone's message, from the cache the second time.
    other = client.__class__()
    assert cache_state(other, FLASH_PAGE) == "MISS"
    plain = get(other, FLASH_PAGE)
    assert plain["X-Cache"] == "HIT"
    assert "Your answers were saved." not in plain.content.decode()


# --- Content changes -----------------------------------------------------------------------------


def test_publishing_a_page_shows_the_new_content_at_once(client, guide, publish_now):
    get(client, guide.url)
    assert cache_state(client, guide.url) == "HIT"
    guide.body = paragraph_body("Short breaks are booked through the council.")
    with publish_now():
        guide.save_revision().publish()
    response = get(client, guide.url)
    assert response["X-Cache"] == "MISS"
    assert "Short breaks are booked through the council." in response.content.decode()


def test_publishing_one_page_leaves_every_other_cached_page_behind(
    client, home, guide, publish_now
):
    """Menus, listings and links on other pages may show it: they are all made afresh."""
    get(client, "/")
    with publish_now():
        InformationPageFactory(parent=home, title="Travel to school", slug="travel")
    response = get(client, "/")
    assert response["X-Cache"] == "MISS"


def test_unpublishing_a_page_takes_it_off_at_once(client, guide, publish_now):
    get(client, guide.url)
    with publish_now():
        guide.unpublish()
    assert client.get(guide.url).status_code == 404


def test_saving_a_draft_keeps_the_cache(client, guide, publish_now):
    get(client, guide.url)
    guide.body = paragraph_body("A draft nobody sees yet.")
    with publish_now():
        guide.save_revision()
    response = get(client, guide.url)
    assert response["X-Cache"] == "HIT"
    assert "A draft nobody sees yet." not in response.content.decode()


def test_visitors_submissions_keep_the_cache(client, guide, service, publish_now):
    get(client, guide.url)
    with publish_now():
        ProblemReport.objects.create(
            service=service, service_name=service.name, kind="closed", details="Closed."
        )
        SearchLog.objects.create(query="autism", language="en-gb", date="2026-01-05", searches=1)
    assert cache_state(client, guide.url) == "HIT"


def test_publishing_a_service_shows_the_new_details_at_once(
    client, directory, service, publish_now
):
    url = service_url(directory, service)
    get(client, url)
    assert cache_state(client, url) == "HIT"
    service.name = "Talking Walk-ins (Ashford)"
    with publish_now():
        service.save_revision().publish()
    response = get(client, url)
    assert response["X-Cache"] == "MISS"
    assert "Talking Walk-ins (Ashford)" in response.content.decode()


def test_saving_the_council_settings_shows_them_at_once(client, home, publish_now):
    assert "#1d4f6e" in get(client, "/brand.css").content.decode()
    assert cache_state(client, "/brand.css") == "HIT"
    settings_row = CouncilSettings.objects.get()
    settings_row.brand_colour = "#5a2d82"
    with publish_now():
        settings_row.save()
    response = get(client, "/brand.css")
    assert response["X-Cache"] == "MISS"
    assert "#5a2d82" in response.content.decode()


def test_editing_a_school_shows_at_once(client, home, publish_now):
    finder = SchoolFinderPage(title="Find a school", slug="schools")
    home.add_child(instance=finder)
    school = SchoolFactory(name="Oak Tree Primary School")
    url = f"{finder.url}school/{school.urn}/"
    get(client, url)
    assert cache_state(client, url) == "HIT"
    school.name = "Oak Tree Primary Academy"
    with publish_now():
        school.save()
    response = get(client, url)
    assert response["X-Cache"] == "MISS"
    assert "Oak Tree Primary Academy" in response.content.decode()


def test_publishing_a_translation_shows_it_at_once(client, guide, polish, publish_now):
    """wagtail-localize publishes through Wagtail's own signals, once its transaction commits."""
    with publish_now():
        guide.get_parent().specific.copy_for_translation(polish, alias=True)
        guide.copy_for_translation(polish, alias=True)
    polish_url = guide.get_translation(polish).url
    assert "Short breaks give families time to rest." in get(client, polish_url).content.decode()
    assert cache_state(client, polish_url) == "HIT"

    translation = page_translation(guide, polish)
    po = polib.pofile(str(translation.export_po()))
    for entry in po:
        entry.msgstr = {
            "Short breaks": "Krótkie przerwy",
            "Short breaks give families time to rest.": "Krótkie przerwy dają rodzinom odpocząć.",
        }.get(entry.msgid, "")
    translation.import_po(po)
    with publish_now():
        translation.save_target(publish=True)

    polish_url = guide.get_translation(polish).url
    response = get(client, polish_url)
    assert response["X-Cache"] == "MISS"
    assert "Krótkie przerwy dają rodzinom odpocząć." in response.content.decode()


def test_a_page_made_while_content_changed_is_never_served():
    """A page started before a publish and finished after it holds the old content: it is
    marked with the generation it started in, so it is not served."""
    address = "http://testserver/short-breaks/"
    generation, _ = store.lookup(address)
    store.next_generation()  # an editor publishes while the page is being made
    store.save(address, generation, HttpResponse("old content"), 300)
    assert store.lookup(address)[1] is None
    store.save(address, store.current_generation(), HttpResponse("new content"), 300)
    assert store.lookup(address)[1].content == b"new content"


def test_the_release_command_empties_the_cache(client, guide):
    get(client, guide.url)
    call_command("clear_page_cache", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert cache_state(client, guide.url) == "MISS"


def test_switched_off_it_leaves_responses_alone(client, guide, settings):
    settings.PAGE_CACHE_SECONDS = 0
    get(client, guide.url)
    assert "X-Cache" not in get(client, guide.url)


# --- The real thing ----------------------------------------------------------------------------


@pytest.fixture
def redis_cache(settings):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError as error:
        pytest.skip(f"Redis is not reachable at {REDIS_TEST_URL} ({error})")
    prefix = f"test-page-cache-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield redis.Redis.from_url(REDIS_TEST_URL)
    client = redis.Redis.from_url(REDIS_TEST_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_with_redis_pages_are_shared_and_publishing_moves_on(
    client, guide, publish_now, redis_cache
):
    first = get(client, guide.url)
    hit = get(client.__class__(), guide.url)  # another visitor, as another worker would see it
    assert (first["X-Cache"], hit["X-Cache"]) == ("MISS", "HIT")
    assert hit.content == first.content
    guide.body = paragraph_body("Now with Redis.")
    with publish_now():
        guide.save_revision().publish()
    response = get(client, guide.url)
    assert response["X-Cache"] == "MISS"
    assert "Now with Redis." in response.content.decode()
