"""Parent- and SENCo-style queries against the demo site: the result a person is looking for must
be in the top three. Expected titles were chosen from the demo content (hub/demo_content,
local_offer/demo*.py, schools/demo.py and its GIAS file), not from the ranking code.

Runs on SQLite locally and on PostgreSQL in CI (DATABASE_URL).
"""

import pytest
from search_demo import demo_database, search_demo_site  # noqa: F401 - fixtures

from local_offer.factories import ServiceFactory
from local_offer.models import ServiceStatus
from search import sources
from search.query import site_search

pytestmark = pytest.mark.usefixtures("search_demo_site")

RELEVANCE = [
    # acronyms and their long forms
    ("ehcp", "Asking for an EHC needs assessment"),
    ("EHC plan", "SEN casework team"),
    ("education, health and care plan", "Asking for an EHC needs assessment"),
    ("sendco", "Communities of Schools: a guide for schools and SENCos"),
    ("senco", "Find a school's SEND Information Report"),
    ("SENCO", "Communities of Schools: a guide for schools and SENCos"),
    ("special educational needs coordinator", "Find a school's SEND Information Report"),
    ("salt", "Children's speech and language therapy"),
    ("SLT", "Speech and language therapy in Swale (Medway Community Healthcare)"),
    ("speech therapy", "Children's speech and language therapy"),
    ("asd", "Neurodevelopmental assessment service"),
    ("autism", "Neurodevelopmental assessment service"),
    ("adhd", "Neurodevelopmental assessment service"),
    ("OT", "Children's occupational therapy"),
    ("respite", "Disabled children's short breaks"),
    ("educational psychologist", "Educational Psychology Service"),
    ("sendiass", "Information, Advice and Support Kent (IASK)"),
    ("hearing impairment", "STLS Sensory Service: hearing"),
    ("pfa", "Preparing for adulthood information from Year 9"),
    ("LO", "Find support: the Local Offer"),
    # misspellings
    ("dyslexcia canterbury", "Dyslexia and literacy difficulties advice for families"),
    ("dyslexia", "Dyslexia and literacy difficulties advice for families"),
    ("canterbery", "Canterbury Family Hub"),
    ("speach therapy", "Children's speech and language therapy"),
    ("westgate grammer school", "Westgate Demo Grammar School"),
    ("oakwod primary", "Oakwood Demo Primary School"),
    ("wheelchiar", "Wheelchair service"),
    # everyday words
    ("communities of schools", "Communities of Schools: what they mean for your family"),
    ("transport", "SEND home to school transport"),
    ("school bus", "SEND home to school transport"),
    ("you said we did", "You said, we did"),
    ("have your say", "Have your say"),
    ("draft strategy", "Tell us what you think of our draft SEND strategy"),
    ("special school", "Darent Demo Special School"),
    ("autism school", "Darent Demo Special School"),
    ("ashford community", "Ashford Demo Community of Schools"),
    ("menage primary", "Ménage Demo Primary School"),
    ("CT1 2BP", "St Æthelberht's Demo Catholic Primary School"),
    ("ct12bp", "St Æthelberht's Demo Catholic Primary School"),
    ("aethelberhts", "St Æthelberht's Demo Catholic Primary School"),
    ("long waiting", "Shorter waits, and news while you wait"),
    ("family hub maidstone", "Maidstone Family Hub"),
]


def top_titles(query: str, language: str = "en-gb") -> list[str]:
    outcome = site_search(query, language=language)
    return [hit.title for hit in [*outcome.promoted, *outcome.hits][:3]]


@pytest.mark.parametrize(("query", "expected"), RELEVANCE, ids=[q for q, _ in RELEVANCE])
def test_expected_result_is_in_the_top_three(query, expected):
    titles = top_titles(query)
    assert expected in titles, f"{query!r} gave {titles}"


def test_closed_schools_are_never_found():
    outcome = site_search("Ashford Old Town Demo Junior School", language="en-gb")
    assert "Ashford Old Town Demo Junior School" not in [hit.title for hit in outcome.hits]


def test_misspelt_query_offers_the_corrected_one():
    assert site_search("dyslexcia canterbury", language="en-gb").suggestion == (
        "dyslexia canterbury"
    )
    assert site_search("speach", language="en-gb").suggestion == "speech"
    assert site_search("speech", language="en-gb").suggestion == ""


@pytest.mark.parametrize("query", ["st johns", "st john's", "St John's school", "st johns ashford"])
def test_short_words_are_not_corrected_into_other_words(query):
    """ "john" is one letter from the site's "join"; a name is not a misspelling."""
    outcome = site_search(query, language="en-gb")
    assert outcome.suggestion == ""
    assert "join" not in outcome.terms


def test_when_no_result_has_every_word_results_with_any_word_say_so():
    outcome = site_search("st johns", language="en-gb")
    assert outcome.hits and outcome.any_word
    assert not site_search("canterbury", language="en-gb").any_word
    assert not site_search("family hub maidstone", language="en-gb").any_word
    nothing = site_search("qwxzvbn zzqxv", language="en-gb")
    assert not nothing.hits and not nothing.any_word


def test_unlisted_services_are_filtered_by_the_backend_before_the_cut(monkeypatch):
    """Inactive and closed-for-good services never show, however well they match: the status
    is a filter of the search itself, so it cannot eat into the candidates fetched per kind."""
    for number in range(3):
        ServiceFactory(
            name=f"Zebrafish zebrafish club {number}",
            description="Zebrafish zebrafish zebrafish.",
            status=ServiceStatus.INACTIVE if number % 2 else ServiceStatus.DEFUNCT,
        )
    ServiceFactory(name="Aquarium visits", description="Includes a zebrafish tank.")
    search = sources._search
    monkeypatch.setattr(
        sources, "_search", lambda query, queryset, limit=1: search(query, queryset, 1)
    )
    outcome = site_search("zebrafish", language="en-gb", result_type="service")
    assert [hit.title for hit in outcome.hits] == ["Aquarium visits"]
    assert outcome.counts["service"] == 1


def test_every_type_is_searched_at_once():
    outcome = site_search("canterbury", language="en-gb")
    assert outcome.counts["service"] and outcome.counts["school"] and outcome.counts["community"]
    assert outcome.total == sum(outcome.counts.values())


def test_synonyms_are_highlight_terms():
    outcome = site_search("sendco", language="en-gb")
    assert {"senco", "sendco", "special educational needs coordinator"} <= set(outcome.terms)


def test_polish_search_finds_untranslated_pages_at_polish_addresses():
    outcome = site_search("you said we did", language="pl")
    assert outcome.hits[0].url.startswith("/pl/")
    assert outcome.hits[0].language == "en-gb"  # still English content
