"""The search results page (/search/): counts and filters by type, pagination, highlighted and
escaped snippets, hostile input, the no-results page, promotions, languages and a query count
that does not grow with the amount of content."""

import datetime
import re

import pytest
from django.core.cache import cache
from search_demo import demo_database, search_demo_site  # noqa: F401 - fixtures
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, Site

from home.factories import InformationPageFactory
from hub.models import CouncilSettings
from local_offer.factories import ServiceFactory
from schools.factories import SchoolFactory
from schools.models import CommunityOfSchools
from search import snippets
from search.insights import POPULAR_MIN_SEARCHES
from search.models import SearchLog, SynonymSet
from search.query import clean_query
from search.synonyms import concepts, words

pytestmark = pytest.mark.usefixtures("search_demo_site")

# Queries for one results page, pinned: it must not grow with the amount of content. "empty" is
# the site furniture every page has (settings, navigation, footer links, language switcher);
# a search adds: locales 1, Local Offer and school finder pages 2, four searches 4 (pages of every
# kind in one, services, schools, communities), view restrictions for the page search 1,
# promotions 1, and the search log 3 (search.insights.record_search: a savepoint, an UPDATE and
# the savepoint's release).
QUERY_BUDGET = {"results": 19, "empty": 7}


def page_at(path: str) -> Page:
    site = Site.objects.get(is_default_site=True)
    return Page.objects.get(url_path=site.root_page.url_path + path.lstrip("/")).specific


def result_titles(html: str) -> list[str]:
    return re.findall(
        r'hub-search-result__title"><a class="govuk-link" href="[^"]*">([^<]*)<', html
    )


# --- Small pieces, no database ------------------------------------------------------------------


def test_highlight_escapes_the_content_and_marks_only_the_terms():
    html = snippets.highlight('<script>alert("EHCP")</script> your EHC plans', [("ehc", "plan")])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>EHC plans</mark>" in html


@pytest.mark.parametrize(
    ("raw", "options", "cleaned"),
    [
        ("  EHCP\tplan \n", {}, "EHCP plan"),
        ("oak\x00wood\u200b\x1b", {}, "oak wood"),
        ("Szkoła  ŁÓDŹ", {"lower": True}, "szkoła łódź"),
        ("one two three four five six seven", {"max_words": 6}, "one two three four five six"),
        ("a" * 99 + " b", {}, "a" * 99),
        ("x" * 5_000, {}, "x" * 100),
        ("e\u0301cole", {}, "\u00e9cole"),  # one form of each accented letter (NFC)
        (None, {}, ""),
    ],
)
def test_clean_query_is_the_one_cleaning_for_search_suggestions_and_the_log(raw, options, cleaned):
    assert clean_query(raw, **options) == cleaned


def test_window_cuts_around_the_first_match():
    text = "Lorem ipsum " * 40 + "dyslexia help here " + "dolor sit " * 40
    window = snippets.window(text, [("dyslexia",)])
    assert "dyslexia" in window and window.startswith("…") and window.endswith("…")
    assert len(window) <= snippets.WINDOW + 2


# --- The page ------------------------------------------------------------------------------------


def page_search_input(html: str) -> str:
    """The results page's own search box (the header has one too, with another id)."""
    found = re.search(r'<input [^>]*id="search-page-q"[^>]*>', html)
    assert found, "the results page has its own search box"
    return found.group()


def test_with_no_query_only_the_box_is_shown_and_search_engines_are_told_to_stay_away(client):
    response = client.get("/search/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in html
    # The page's own form and box, not the header's (which every page has).
    assert re.search(
        r'<form class="hub-search-form" role="search" action="/search/" method="get"[^>]*>\s*'
        r'<div class="govuk-form-group hub-search-form__group">\s*'
        r'<label class="govuk-label" for="search-page-q">',
        html,
    )
    assert 'name="q"' in page_search_input(html)
    assert "results-heading" not in html
    assert "govuk-error-summary" not in html and "govuk-error-message" not in html


def test_the_results_page_box_has_a_hint_the_header_box_does_not(client):
    html = client.get("/search/", {"q": "ehcp"}).content.decode()
    hint = (
        '<div id="search-page-q-hint" class="govuk-hint">'
        "For example, EHCP, speech therapy or a school name.</div>"
    )
    assert hint in html
    assert 'aria-describedby="search-page-q-hint"' in page_search_input(html)
    header_box = re.search(r'<input [^>]*id="site-search-q"[^>]*>', html).group()
    assert "aria-describedby" not in header_box
    assert html.count("For example, EHCP, speech therapy or a school name.") == 1


@pytest.mark.parametrize("query", ["", "   ", "?!", "😀", "\x00", "- ' ..."])
def test_a_search_without_a_word_is_an_error_on_the_box(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    message = "Enter a word or name to search for"
    assert re.search(r"<title>\s*Error: ", html)
    summary = html[html.index('class="govuk-error-summary"') : html.index("<h1")]
    assert "There is a problem" in summary
    assert f'<a href="#search-page-q">{message}</a>' in summary
    assert (
        '<p id="search-page-q-error" class="govuk-error-message">'
        f'<span class="govuk-visually-hidden">Error:</span> {message}</p>'
    ) in html
    assert "govuk-form-group--error" in html
    box = page_search_input(html)
    assert "govuk-input--error" in box
    assert 'aria-describedby="search-page-q-hint search-page-q-error"' in box
    assert "results-heading" not in html
    assert not SearchLog.objects.exists()


def test_a_search_with_a_word_is_not_an_error(client):
    html = client.get("/search/", {"q": "?? ehcp !!"}).content.decode()
    assert "govuk-error-summary" not in html and "govuk-input--error" not in html
    assert "results-heading" in html


def test_the_autocomplete_texts_are_all_given_translated(client):
    for path in ("/search/", "/pl/search/", "/ur/search/"):
        html = client.get(path).content.decode()
        for box_id in ("site-search-q", "search-page-q"):
            box = re.search(rf'<input [^>]*id="{box_id}"[^>]*>', html).group()
            for name in ("one", "many", "none", "list-label", "instructions"):
                assert re.search(rf'data-text-{name}="[^"]+"', box), (path, box_id, name)
    english = client.get("/search/").content.decode()
    assert 'data-text-many="{count} suggestions.' in english
    # The list label is translated already; the others follow when the translators have them.
    polish = client.get("/pl/search/").content.decode()
    assert 'data-text-list-label="Proponowane szkoły i usługi"' in polish


def test_results_show_types_counts_and_filters(client):
    html = client.get("/search/", {"q": "canterbury"}).content.decode()
    assert re.search(r"\d+ results for “canterbury”", html)
    assert "Schools (" in html and "Services (" in html and "Communities of Schools (" in html
    assert "govuk-tag" in html and ">School<" in html and ">Service<" in html
    assert "<mark>Canterbury</mark>" in html


def test_type_filter_shows_only_that_type(client):
    html = client.get("/search/", {"q": "canterbury", "type": "school"}).content.decode()
    tags = re.findall(r'govuk-tag govuk-tag--grey">([^<]+)<', html)
    assert tags and set(tags) == {"School"}
    assert '<strong aria-current="true">Schools (' in html


def test_pagination_keeps_the_query_and_pages_differ(client):
    first = client.get("/search/", {"q": "support"}).content.decode()
    assert 'class="govuk-pagination"' in first
    assert "?q=support&amp;page=2" in first
    second = client.get("/search/", {"q": "support", "page": "2"}).content.decode()
    assert result_titles(first) and result_titles(second)
    assert not set(result_titles(first)) & set(result_titles(second))


@pytest.mark.parametrize(
    "params",
    [
        {"q": "ehcp\x00"},
        {"q": "\x00"},
        {"q": "a" * 10_000},
        {"q": "speech " * 2_000},
        {"q": "<script>alert(1)</script>"},
        {"q": "' OR 1=1 --"},
        {"q": '"unbalanced quote ( AND OR NOT *'},
        {"q": "NEAR(a b) ^ : -"},
        {"q": "ehcp", "page": "-1"},
        {"q": "ehcp", "page": "999999999999"},
        {"q": "ehcp", "page": "abc"},
        {"q": "ehcp", "type": "<b>"},
        {"q": "مدرسة"},
        {"q": "😀"},
    ],
)
def test_hostile_or_odd_input_gives_a_page(client, params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_snippets_are_escaped_and_highlighted(client):
    home = Site.objects.get(is_default_site=True).root_page
    InformationPageFactory(
        parent=home,
        title="Zebrafish guide",
        slug="zebrafish-guide",
        summary='<script>alert("zebrafish")</script> Help with zebrafish & more',
    )
    html = client.get("/search/", {"q": "zebrafish"}).content.decode()
    assert '<script>alert("zebrafish")</script>' not in html
    assert "&lt;script&gt;alert(&quot;<mark>zebrafish</mark>&quot;)&lt;/script&gt;" in html
    assert "Help with <mark>zebrafish</mark> &amp; more" in html


def test_no_results_page_offers_other_ways(client):
    settings = CouncilSettings.for_site(Site.objects.get(is_default_site=True))
    settings.phone = "03000 41 23 45"
    settings.save()
    SearchLog.objects.create(
        query="short breaks",
        language="en-gb",
        date=datetime.date.today(),
        searches=POPULAR_MIN_SEARCHES + 5,
    )
    cache.clear()
    html = client.get("/search/", {"q": "qwxzvbn"}).content.decode()
    assert "0 results for “qwxzvbn”" in html
    assert 'href="/find-support/"' in html
    assert "03000 41 23 45" in html
    assert "?q=short%20breaks" in html
    # No filter was chosen, so there is none to remove.
    assert "checking your spelling" in html
    assert "removing a filter" not in html


def test_no_results_of_the_chosen_type_suggest_removing_the_filter(client):
    html = client.get("/search/", {"q": "wheelchair", "type": "consultation"}).content.decode()
    assert "0 results for “wheelchair”" in html
    assert "<li>removing a filter</li>" in html
    assert "Services (" in html  # the other kinds are still offered


def test_when_no_result_has_every_word_the_page_says_so(client):
    message = "No results contain all your words. These results contain some of them."
    html = client.get("/search/", {"q": "st johns"}).content.decode()
    assert result_titles(html)
    assert message in html
    assert "Did you mean" not in html
    assert message not in client.get("/search/", {"q": "canterbury"}).content.decode()


def test_did_you_mean_links_to_the_corrected_search(client):
    html = client.get("/search/", {"q": "dyslexcia"}).content.decode()
    assert 'Did you mean <a class="govuk-link" href="?q=dyslexia">dyslexia</a>' in html
    assert 'Did you mean <a class="govuk-link" href="?q=dyslexia">dyslexia</a>?</p>' in html


def test_promoted_results_come_first(client):
    contact = page_at("/contact/")
    SearchPromotion.objects.create(
        query=Query.get("transport"), page=contact, sort_order=0, description="Ask us first."
    )
    html = client.get("/search/", {"q": "Transport"}).content.decode()
    titles = result_titles(html)
    assert titles[0] == "Contact us"
    assert titles.count("Contact us") == 1
    assert "Recommended" in html and "Ask us first." in html
    assert "SEND home to school transport" in titles


def test_polish_results_prefer_polish_content(client):
    english = page_at("/guides-for-families/ehc-needs-assessment/")
    polish = english.get_translation(Locale.objects.get(language_code="pl")).specific
    # Turn the synchronised (alias) copy into a real Polish translation.
    polish.alias_of = None
    polish.title = "Wniosek o ocenę potrzeb EHC"
    polish.summary = "Kto może poprosić o ocenę potrzeb edukacyjnych, zdrowotnych i opiekuńczych."
    polish.save_revision().publish()

    html = client.get("/pl/search/", {"q": "EHC"}).content.decode()
    titles = result_titles(html)
    assert "Wniosek o ocenę potrzeb EHC" in titles
    assert "Asking for an EHC needs assessment" not in titles
    assert 'href="/pl/guides-for-families/ehc-needs-assessment/"' in html
    # Words only in the Polish text find it too.
    assert "Wniosek o ocenę potrzeb EHC" in result_titles(
        client.get("/pl/search/", {"q": "opiekuńczych"}).content.decode()
    )
    # In English the English page is found, not the Polish one.
    english_titles = result_titles(client.get("/search/", {"q": "EHC"}).content.decode())
    assert "Asking for an EHC needs assessment" in english_titles
    assert "Wniosek o ocenę potrzeb EHC" not in english_titles


def test_header_search_box_goes_to_the_search_page_in_the_active_language(client):
    english = client.get("/").content.decode()
    polish = client.get("/pl/").content.decode()
    assert re.search(
        r'<form class="hub-search-form" role="search" action="/search/" method="get"', english
    )
    assert 'action="/pl/search/"' in polish


def test_synonym_edits_apply_to_the_next_search():
    assert [c.alternatives for c in concepts(words("zebrafish"))] == [[("zebrafish",)]]
    SynonymSet.objects.create(terms="zebrafish\nstripy fish")
    assert concepts(words("zebrafish"))[0].alternatives == [("zebrafish",), ("stripy", "fish")]


def test_query_count_does_not_grow_with_content(client, count_queries):
    assert count_queries("/search/") == QUERY_BUDGET["empty"]
    small = count_queries("/search/?q=support")
    assert small == QUERY_BUDGET["results"]
    for number in range(30):
        ServiceFactory(name=f"Support group {number}")
    community = CommunityOfSchools.objects.first()
    for number in range(30):
        SchoolFactory(name=f"Support Demo School {number}", community=community)
    InformationPageFactory(
        parent=Site.objects.get(is_default_site=True).root_page,
        title="More support",
        slug="more-support",
    )
    assert count_queries("/search/?q=support") == small
