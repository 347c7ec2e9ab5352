"""The school finder page and its routes: search without JavaScript, pagination, suggestions,
school and community pages, no 500s for odd input, and flat pinned query counts."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from schools.factories import (
    CommunityOfSchoolsFactory,
    SchoolFactory,
    SchoolFinderPageFactory,
)
from schools.models import LinkStatus

pytestmark = pytest.mark.django_db

# Pinned: a change to one of these needs a reason in the commit that makes it.
QUERY_BUDGET = {
    "finder": 16,
    "results": 18,
    "school": 15,
    "community": 16,
    "communities": 15,
    "suggest": 8,
}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def finder(home):
    return SchoolFinderPageFactory(parent=home)


def test_finder_page_has_a_plain_get_search_form(client, finder):
    html = soup(client.get(finder.url))
    form = html.select_one("form.hub-school-search")
    assert form["method"] == "get"
    assert form["action"] == finder.url
    assert html.select_one("label[for=id_q]").get_text() == "School name, town or postcode"
    assert html.select_one("script[src$='school-autocomplete.mjs']")
    assert len(html.select("h1")) == 1


def test_search_by_name_town_and_postcode(client, finder):
    SchoolFactory(
        name="St Æthelberht's Catholic Primary School", town="Canterbury", postcode="CT1 2BP"
    )
    SchoolFactory(name="Oakwood Primary School", town="Ashford", postcode="TN23 4QX")
    SchoolFactory(name="Closed Primary School", town="Ashford", closed=True)

    def names(query):
        html = soup(client.get(finder.url, {"q": query}))
        return [a.get_text() for a in html.select(".hub-school-results h3 a")]

    assert names("aethelberhts") == ["St Æthelberht's Catholic Primary School"]
    assert names("st æthelberht's") == ["St Æthelberht's Catholic Primary School"]
    assert names("ashford") == ["Oakwood Primary School"], "closed schools are not listed"
    assert names("ct12bp") == names("CT1 2BP") == ["St Æthelberht's Catholic Primary School"]
    assert names("oakwood ashford") == ["Oakwood Primary School"]
    html = soup(client.get(finder.url, {"q": "nowhere"}))
    assert "0 schools match" in html.select_one("#results").get_text()


def test_results_are_paginated_with_govuk_pagination(client, finder):
    for number in range(45):
        SchoolFactory(name=f"Ashford School {number:02d}")
    html = soup(client.get(finder.url, {"q": "ashford", "page": 2}))
    assert len(html.select(".hub-school-results li")) == 20
    pagination = html.select_one("nav.govuk-pagination")
    assert pagination.select_one("[aria-current=page]").get_text() == "2"
    assert pagination.select_one("a[rel=prev]")["href"] == "?q=ashford&page=1"
    assert pagination.select_one("a[rel=next]")["href"] == "?q=ashford&page=3"


@pytest.mark.parametrize(
    "params",
    [
        {"q": "ashford", "page": "abc"},
        {"q": "ashford", "page": "-1"},
        {"q": "ashford", "page": "99999999999999999999999"},
        {"q": "a" * 5000},
        {"q": "ash\x00ford"},
        {"q": "%_'\"<script>"},
        {"q": ""},
        {"page": "2"},
    ],
    ids=[
        "text-page",
        "negative-page",
        "huge-page",
        "huge-query",
        "nul",
        "specials",
        "empty",
        "no-q",
    ],
)
def test_odd_input_never_causes_an_error(client, finder, params):
    SchoolFactory(name="Ashford School")
    response = client.get(finder.url, params)
    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"</head>")[1].replace(
        b"<script src", b""
    ).replace(b"<script type", b"")


def test_too_long_query_shows_an_error_summary(client, finder):
    html = soup(client.get(finder.url, {"q": "a" * 101}))
    assert html.select_one(".govuk-error-summary a")["href"] == "#id_q"
    assert html.title.get_text().startswith("Error:")


def test_nul_in_the_query_string_is_an_error_message_not_a_500(client, finder):
    response = client.get(finder.url + "?q=a%00b")
    assert response.status_code == 200
    assert soup(response).select_one(".govuk-error-summary")


def test_suggest_returns_json_for_the_autocomplete(client, finder):
    school = SchoolFactory(name="Oakwood Primary School", town="Ashford", postcode="TN23 4QX")
    for number in range(12):
        SchoolFactory(name=f"Oak Tree School {number}")
    data = client.get(f"{finder.url}suggest/", {"q": "oakw"}).json()
    assert data == {
        "results": [
            {
                "urn": school.urn,
                "name": "Oakwood Primary School",
                "town": "Ashford",
                "postcode": "TN23 4QX",
                "url": f"{finder.url}school/{school.urn}/",
            }
        ]
    }
    assert len(client.get(f"{finder.url}suggest/", {"q": "oak"}).json()["results"]) == 8
    assert client.get(f"{finder.url}suggest/", {"q": "o"}).json() == {"results": []}
    assert client.get(f"{finder.url}suggest/?q=%00%00").json() == {"results": []}


def test_school_page_shows_report_senco_and_community(client, finder):
    community = CommunityOfSchoolsFactory(name="Ashford North", primary_care_network="Ashford PCN")
    school = SchoolFactory(
        name="Oakwood Primary School",
        report_url="https://oakwood.example.org/send",
        senco_name="Ms Demo",
        senco_email="senco@oakwood.example.org",
        senco_consent=True,
        community=community,
        last_check_status=LinkStatus.WORKING,
        last_checked_at=datetime(2026, 3, 3, 23, 30, tzinfo=ZoneInfo("UTC")),
    )
    html = soup(client.get(f"{finder.url}school/{school.urn}/"))
    assert html.h1.get_text() == "Oakwood Primary School"
    assert html.select_one("main a[href='https://oakwood.example.org/send']")
    # 23:30 UTC on 3 March is 23:30 in London (GMT): still 3 March.
    assert "last checked it, on 3 March 2026" in html.get_text()
    assert "Ms Demo" in html.get_text()
    assert html.select_one("a[href='mailto:senco@oakwood.example.org']")
    assert html.select_one(f"a[href='{finder.url}communities/{community.slug}/']")
    assert "Ashford PCN" in html.get_text()
    crumbs = [a.get_text() for a in html.select(".govuk-breadcrumbs a")]
    assert crumbs == ["SEND support", finder.title]


def test_senco_is_hidden_without_consent(client, finder):
    school = SchoolFactory(senco_name="Mr Private", senco_email="private@example.org")
    text = soup(client.get(f"{finder.url}school/{school.urn}/")).get_text()
    assert "Mr Private" not in text
    assert "private@example.org" not in text
    assert "ask to speak to the SENCo" in text


def test_broken_link_is_shown_with_a_warning(client, finder):
    school = SchoolFactory(
        report_url="https://gone.example.org/",
        last_check_status=LinkStatus.BROKEN,
        last_checked_at=datetime(2026, 3, 3, 12, tzinfo=ZoneInfo("Europe/London")),
    )
    text = soup(client.get(f"{finder.url}school/{school.urn}/")).get_text()
    assert "did not open when we last checked it, on 3 March 2026" in text


def test_closed_school_page_says_so(client, finder):
    school = SchoolFactory(closed=True, closed_on=datetime(2024, 8, 31).date())
    text = soup(client.get(f"{finder.url}school/{school.urn}/")).get_text()
    assert "This school closed on 31 August 2024." in text


@pytest.mark.parametrize(
    "path",
    [
        "school/123/",
        "school/99999999999999999999999/",
        "school/abc/",
        "communities/nope/",
        "elsewhere/",
    ],
)
def test_unknown_schools_and_communities_are_404(client, finder, path):
    assert client.get(f"{finder.url}{path}").status_code == 404


def test_community_page_lists_its_open_schools_and_explains_communities(client, finder):
    community = CommunityOfSchoolsFactory(name="Canterbury Coastal")
    SchoolFactory(name="Beta School", community=community)
    SchoolFactory(name="Alpha School", community=community)
    SchoolFactory(name="Closed School", community=community, closed=True)
    html = soup(client.get(f"{finder.url}communities/{community.slug}/"))
    assert html.h1.get_text() == "Canterbury Coastal"
    schools = [a.get_text() for a in html.select("main ul.govuk-list a[href*='/school/']")]
    assert schools == ["Alpha School", "Beta School"]
    assert "53 Communities of Schools" in html.get_text()

    listing = soup(client.get(f"{finder.url}communities/"))
    link = listing.select_one(f"a[href='{finder.url}communities/{community.slug}/']")
    assert link.get_text() == "Canterbury Coastal"
    assert "(2 schools)" in link.parent.get_text()


def test_urdu_school_page_is_right_to_left_and_marks_english_data(client, finder):
    from hub.locales import synchronise_locale_trees

    synchronise_locale_trees()
    school = SchoolFactory(name="Oakwood Primary School")
    response = client.get(f"/ur{finder.url}school/{school.urn}/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["dir"] == "rtl"
    assert html.select_one(".govuk-breadcrumbs a")["href"].startswith("/ur/")


def _grow(count):
    community = CommunityOfSchoolsFactory(name=f"Grow {count}")
    for number in range(count):
        SchoolFactory(
            name=f"Ashford Grow School {count}-{number}",
            community=community,
            report_url="https://example.org/r",
        )
        CommunityOfSchoolsFactory(name=f"Other {count}-{number}")
    return community


@pytest.mark.parametrize("kind", list(QUERY_BUDGET))
def test_query_count_is_within_budget_and_flat(client, finder, count_queries, kind):
    """Ten times the schools must cost the same number of queries."""
    main = CommunityOfSchoolsFactory(name="Main community")
    school = SchoolFactory(name="Ashford Main School", community=main)
    urls = {
        "finder": finder.url,
        "results": f"{finder.url}?q=ashford",
        "school": f"{finder.url}school/{school.urn}/",
        "community": f"{finder.url}communities/{main.slug}/",
        "communities": f"{finder.url}communities/",
    }

    def measure():
        if kind == "suggest":
            client.get(f"{finder.url}suggest/?q=ashford")
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as captured:
                assert client.get(f"{finder.url}suggest/?q=ashford").status_code == 200
            return len(captured)
        return count_queries(urls[kind])

    _grow(3)
    SchoolFactory.create_batch(3, community=main)
    small = measure()
    _grow(30)
    SchoolFactory.create_batch(30, community=main)
    large = measure()
    assert large == small, f"{kind}: {small} queries with few schools, {large} with more"
    assert small == QUERY_BUDGET[kind], f"{kind} makes {small} queries"
