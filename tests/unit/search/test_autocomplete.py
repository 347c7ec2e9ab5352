"""The site search autocomplete's suggestions (search/suggest.py): school and service names."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from local_offer.factories import LocalOfferPageFactory, ServiceFactory
from local_offer.models import ServiceStatus
from local_offer.vocabularies import ensure_vocabularies
from schools.factories import SchoolFactory, SchoolFinderPageFactory

SUGGEST = "/search/suggest/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def finder(home):
    return SchoolFinderPageFactory(parent=home)


@pytest.fixture
def directory(home):
    ensure_vocabularies()
    return LocalOfferPageFactory(parent=home)


def suggest(client, q, **params):
    response = client.get(SUGGEST, {"q": q, **params})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["results"]


def test_schools_and_services_with_names_starting_with_the_query_first(client, finder, directory):
    oak_school = SchoolFactory(name="Oakwood Primary School", town="Ashford")
    SchoolFactory(name="Royal Oak Infant School", town="Dover")
    oak_service = ServiceFactory(name="Oak Tree Family Support")
    results = suggest(client, "oak")
    assert [r["label"] for r in results] == [
        "Oak Tree Family Support",
        "Oakwood Primary School, Ashford",
        "Royal Oak Infant School, Dover",
    ]
    assert results[0] == {
        "label": "Oak Tree Family Support",
        "url": f"{directory.url}service/{oak_service.translation_key}/",
        "type": "service",
        "type_label": "Service",
    }
    assert results[1]["url"] == f"{finder.url}school/{oak_school.urn}/"
    assert results[1]["type"] == "school"


def test_every_word_must_match_in_any_order(client, finder, directory):
    SchoolFactory(name="St John's Church of England Primary School", town="Canterbury")
    ServiceFactory(name="Speech and language therapy drop-in")
    assert [r["type"] for r in suggest(client, "johns primary")] == ["school"]
    assert [r["type"] for r in suggest(client, "therapy speech")] == ["service"]
    assert suggest(client, "speech primary") == []


def test_closed_schools_and_unlisted_services_are_left_out(client, finder, directory):
    SchoolFactory(name="Maple Closed School", closed=True, gias_status="Closed")
    ServiceFactory(name="Maple draft service", live=False)
    ServiceFactory(name="Maple defunct service", status=ServiceStatus.DEFUNCT)
    ServiceFactory(name="Maple inactive service", status=ServiceStatus.INACTIVE)
    ServiceFactory(name="Maple paused service", status=ServiceStatus.TEMPORARILY_CLOSED)
    assert [r["label"] for r in suggest(client, "maple")] == ["Maple paused service"]


def test_at_most_eight(client, finder, directory):
    for number in range(6):
        SchoolFactory(name=f"Birch School {number}")
        ServiceFactory(name=f"Birch service {number}")
    assert len(suggest(client, "birch")) == 8


def test_fewer_than_two_characters_suggest_nothing(client, finder, directory):
    SchoolFactory(name="A School")
    assert suggest(client, "a") == []
    assert suggest(client, "  a  ") == []
    assert suggest(client, "") == []
    assert client.get(SUGGEST).json() == {"results": []}


@pytest.mark.parametrize(
    "hostile",
    [
        "\x00\x00",
        "%%",
        "__",
        "' OR 'x'='x' --",
        "<script>alert(1)</script>",
        "a" * 10_000,
        "word " * 500,
        "😀😀",
    ],
)
def test_hostile_input_is_a_200_with_empty_results(client, finder, directory, hostile):
    SchoolFactory(name="Oakwood Primary School")
    ServiceFactory(name="Oak Tree Family Support")
    assert suggest(client, hostile) == []


def test_undecodable_bytes_are_a_200_with_empty_results(client, finder, directory):
    SchoolFactory(name="Oakwood Primary School")
    response = client.get(f"{SUGGEST}?q=%FF%FE%ED%A0%80&q=%00")
    assert response.status_code == 200
    assert response.json() == {"results": []}


def test_control_characters_are_dropped_not_sent_to_the_database(client, finder, directory):
    SchoolFactory(name="Oakwood Primary School")
    assert [r["type"] for r in suggest(client, "oak\x00wood\x1b")] == ["school"]


def test_wildcards_are_matched_literally(client, finder, directory):
    ServiceFactory(name="100% fun play scheme")
    ServiceFactory(name="1000 days support")
    assert [r["label"] for r in suggest(client, "100%")] == ["100% fun play scheme"]


def test_a_translated_service_is_suggested_in_the_language_asked_for(client, finder, directory):
    polish = Locale.objects.get_or_create(language_code="pl")[0]
    english = ServiceFactory(name="Parent carer forum")
    ServiceFactory(name="Forum rodziców", locale=polish, translation_key=english.translation_key)
    ServiceFactory(name="Forum only in Polish", locale=polish)
    assert [r["label"] for r in suggest(client, "forum")] == ["Parent carer forum"]
    polish_results = suggest(client, "forum", lang="pl")
    # The translation instead of the English record, and English records not yet translated.
    assert [r["label"] for r in polish_results] == ["Forum only in Polish", "Forum rodziców"]
    assert [r["label"] for r in suggest(client, "parent", lang="pl")] == []
    assert suggest(client, "forum", lang="xx-not-a-language")[0]["label"] == "Parent carer forum"


def test_english_services_are_suggested_when_no_translation_exists(client, finder, directory):
    Locale.objects.get_or_create(language_code="pl")
    ServiceFactory(name="Parent carer forum")
    assert [r["label"] for r in suggest(client, "parent", lang="pl")] == ["Parent carer forum"]


def test_without_the_pages_there_is_nothing_to_link_to(client, home):
    SchoolFactory(name="Oakwood Primary School")
    ServiceFactory(name="Oak Tree Family Support")
    assert suggest(client, "oak") == []


def test_two_queries_whatever_the_amount_of_data(client, finder, directory):
    def count(q):
        suggest(client, q)
        with CaptureQueriesContext(connection) as queries:
            suggest(client, q)
        return len(queries)

    SchoolFactory(name="Elm School")
    ServiceFactory(name="Elm service")
    few = count("elm")
    for number in range(20):
        SchoolFactory(name=f"Elm School {number}")
        ServiceFactory(name=f"Elm service {number}")
    assert few == count("elm ") == 2


def test_the_language_prefix_chooses_the_language_too(client, finder, directory):
    polish = Locale.objects.get_or_create(language_code="pl")[0]
    english = ServiceFactory(name="Parent carer forum")
    ServiceFactory(name="Forum rodziców", locale=polish, translation_key=english.translation_key)
    assert [r["label"] for r in client.get("/pl" + SUGGEST, {"q": "forum"}).json()["results"]] == [
        "Forum rodziców"
    ]


def test_only_get(client):
    assert client.post(SUGGEST, {"q": "oak"}).status_code == 405
