"""The directory page: filters combine with AND, options show counts, results are paged, state
lives in the address, bad input never breaks it, and the query count does not grow."""

import pytest
from bs4 import BeautifulSoup

from local_offer.factories import ServiceFactory
from local_offer.models import ReferralRoute, ServiceStatus
from local_offer.views import PER_PAGE

pytestmark = pytest.mark.django_db

# Queries for the directory page, pinned: furniture (site, menu, breadcrumbs, settings, locale),
# the filter options (1), one count query per filter (6), the result count (1) and the page of
# results with two prefetches (3). A change needs a reason in the commit that makes it.
DIRECTORY_QUERIES = 28
SERVICE_PAGE_QUERIES = 24


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def names(response) -> list[str]:
    return [a.get_text(strip=True) for a in soup(response).select(".hub-local-offer-result h3 a")]


@pytest.fixture
def services(directory):
    return {
        "speech": ServiceFactory(
            name="Speech drop-in",
            need_codes=["SLCN"],
            district_codes=["ashford"],
            minimum_age=0,
            maximum_age=5,
            delivery_codes=["in-person"],
            referral_route=ReferralRoute.SELF,
        ),
        "autism": ServiceFactory(
            name="Autism outreach",
            need_codes=["ASD"],
            district_codes=["ashford", "dover"],
            minimum_age=4,
            maximum_age=11,
            delivery_codes=["online"],
            referral_route=ReferralRoute.PROFESSIONAL,
        ),
        "wellbeing": ServiceFactory(
            name="Wellbeing group",
            need_codes=["SEMH"],
            district_codes=["dover"],
            minimum_age=11,
            maximum_age=25,
            is_free=False,
            referral_route=ReferralRoute.BOTH,
            description="Group sessions about anxiety.",
        ),
    }


def test_lists_every_listed_service_with_a_count(client, directory, services):
    response = client.get(directory.url)
    assert response.status_code == 200
    assert names(response) == ["Autism outreach", "Speech drop-in", "Wellbeing group"]
    assert "3 services found" in soup(response).select_one("#results-heading").get_text()


def test_drafts_other_languages_and_closed_services_are_not_listed(client, directory, services):
    ServiceFactory(name="Draft", live=False)
    ServiceFactory(name="Gone", status=ServiceStatus.DEFUNCT)
    ServiceFactory(name="Paused", status=ServiceStatus.TEMPORARILY_CLOSED)
    listed = names(client.get(directory.url))
    assert "Draft" not in listed and "Gone" not in listed
    assert "Paused" in listed


def test_filters_combine_with_and(client, directory, services):
    url = directory.url
    assert names(client.get(url, {"area": "communication"})) == [
        "Autism outreach",
        "Speech drop-in",
    ]
    assert names(client.get(url, {"area": "communication", "district": "dover"})) == [
        "Autism outreach"
    ]
    assert names(client.get(url, {"need": "SLCN"})) == ["Speech drop-in"]
    assert names(client.get(url, {"age": "11"})) == ["Autism outreach", "Wellbeing group"]
    assert names(client.get(url, {"free": "on"})) == ["Autism outreach", "Speech drop-in"]
    assert names(client.get(url, {"delivery": "online"})) == ["Autism outreach"]
    # "Both" services accept self-referrals and professional referrals.
    assert names(client.get(url, {"referral": "self"})) == ["Speech drop-in", "Wellbeing group"]
    assert names(client.get(url, {"referral": "professional"})) == [
        "Autism outreach",
        "Wellbeing group",
    ]
    assert names(client.get(url, {"q": "anxiety"})) == ["Wellbeing group"]
    assert names(client.get(url, {"q": "autism Ashford", "age": "3"})) == []


def test_each_option_shows_how_many_services_it_would_give(client, directory, services):
    html = soup(client.get(directory.url, {"district": "dover"}))
    labels = {label["for"]: label.get_text(strip=True) for label in html.select("label[for]")}
    area_labels = [t for t in labels.values() if t.startswith("Communication and interaction")]
    assert area_labels == ["Communication and interaction (1 service)"]
    district_options = {o.get_text(strip=True) for o in html.select("#id_district option")}
    # A filter's own counts ignore its current choice, so other districts still show theirs.
    assert "Ashford (2 services)" in district_options
    assert "Dover (2 services)" in district_options
    assert "Only show free services (1 service)" in labels.values()


def test_filter_state_is_kept_in_the_form(client, directory, services):
    html = soup(client.get(directory.url, {"area": "communication", "age": "7", "free": "on"}))
    form = html.select_one("form.hub-local-offer-filters")
    assert form["method"] == "get"
    assert html.select_one("#id_age")["value"] == "7"
    assert html.select_one("input[name=area][value=communication]").has_attr("checked")
    assert html.select_one("input[name=free]").has_attr("checked")


def test_results_are_paged_with_govuk_pagination_keeping_the_filters(client, directory):
    for number in range(PER_PAGE + 5):
        ServiceFactory(name=f"Service {number:03}", need_codes=["HI"])
    first = client.get(directory.url, {"need": "HI"})
    assert len(names(first)) == PER_PAGE
    next_link = soup(first).select_one(".govuk-pagination__next a")["href"]
    assert "need=HI" in next_link and "page=2" in next_link
    second = client.get(directory.url + next_link)
    assert len(names(second)) == 5
    assert soup(second).select_one("[aria-current=page]").get_text() == "2"


@pytest.mark.parametrize(
    "query",
    [
        {"page": "0"},
        {"page": "999"},
        {"page": "abc"},
        {"page": "1\x00"},
        {"page": "9" * 40},
    ],
)
def test_bad_page_numbers_are_not_found(client, directory, services, query):
    assert client.get(directory.url, query).status_code == 404


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"age": "999"}, "Enter an age from 0 to 25"),
        ({"age": "-1"}, "0 or more"),
        ({"age": "seven"}, "whole number"),
        ({"age": "9" * 400}, "from 0 to 25"),
        ({"area": "nonsense"}, "Choose one of the options"),
        ({"district": "\x00"}, "Choose one of the options"),
        ({"q": "speech\x00"}, "There is a hidden character in your answer"),
        ({"q": "x" * 500}, "at most 100 characters"),
    ],
)
def test_bad_filter_values_get_a_message_not_an_error(client, directory, services, query, message):
    response = client.get(directory.url, query)
    assert response.status_code == 200
    summary = soup(response).select_one(".govuk-error-summary")
    assert summary is not None and message in summary.get_text()
    # The rest of the search still works.
    assert len(names(response)) == 3


def test_query_count_is_pinned_and_flat(client, directory, count_queries):
    ServiceFactory(need_codes=["ASD"])
    url = directory.url + "?area=communication&age=6&district=ashford&free=on"
    small = count_queries(url)
    for number in range(40):
        ServiceFactory(
            name=f"More {number}", need_codes=["ASD", "SLCN"], district_codes=["ashford", "dover"]
        )
    large = count_queries(url)
    assert small == large == DIRECTORY_QUERIES


def test_service_page_shows_what_a_parent_needs(client, directory):
    import datetime

    from local_offer.factories import (
        CostOptionFactory,
        RegularScheduleFactory,
        ServiceAtLocationFactory,
        ServiceContactFactory,
    )

    service = ServiceFactory(
        name="Portage",
        need_codes=["SLD", "PD"],
        is_free=False,
        phone="01632 960123",
        last_reviewed=datetime.date(2026, 3, 3),
        accessibility_codes=["step-free"],
        languages="English, Polish",
    )
    ServiceAtLocationFactory(service=service, location__name="Ashford Family Hub")
    RegularScheduleFactory(service=service, weekday="TU")
    CostOptionFactory(service=service, option="Per visit", amount=4)
    ServiceContactFactory(service=service, name="Portage team")
    response = client.get(f"{directory.url}service/{service.translation_key}/")
    assert response.status_code == 200
    text = soup(response).get_text(" ", strip=True)
    for fact in (
        "What it is",
        "Who it is for",
        "How to get it",
        "Where and when",
        "Cost",
        "Contact",
        "Accessibility",
        "Cognition and learning",
        "Severe learning difficulty",
        "Ashford Family Hub",
        "Tuesday",
        "Per visit: £4.00",
        "01632 960123",
        "Portage team",
        "Step-free access",
        "English, Polish",
        "Last reviewed: 3 March 2026",
        "Report a problem with this page",
    ):
        assert fact in text, fact
    assert soup(response).title.get_text().startswith("Portage")
    assert len(soup(response).select("h1")) == 1


def test_service_page_warns_when_not_reviewed_for_a_year(client, directory):
    import datetime

    from django.utils import timezone

    fresh = ServiceFactory(last_reviewed=timezone.localdate())
    stale = ServiceFactory(last_reviewed=timezone.localdate() - datetime.timedelta(days=400))
    assert not soup(client.get(f"{directory.url}service/{fresh.translation_key}/")).select_one(
        ".hub-review-warning"
    )
    warning = soup(client.get(f"{directory.url}service/{stale.translation_key}/")).select_one(
        ".govuk-warning-text"
    )
    assert "over 12 months" in warning.get_text()


@pytest.mark.parametrize(
    "suffix",
    ["service/not-a-uuid/", "service/00000000-0000-0000-0000-000000000000/", "service/%00/"],
)
def test_unknown_services_are_not_found(client, directory, suffix):
    assert client.get(directory.url + suffix).status_code == 404


def test_draft_service_is_not_shown(client, directory):
    draft = ServiceFactory(live=False)
    assert client.get(f"{directory.url}service/{draft.translation_key}/").status_code == 404


def test_service_page_query_count_is_pinned(client, directory, count_queries):
    service = ServiceFactory(need_codes=["ASD", "SLCN", "SEMH"])
    assert (
        count_queries(f"{directory.url}service/{service.translation_key}/") == SERVICE_PAGE_QUERIES
    )


# --- Counts kept (COUNTS_CACHE_SECONDS) ---------------------------------------------------------


@pytest.fixture
def counts_kept(settings):
    settings.COUNTS_CACHE_SECONDS = 300


def test_kept_counts_cost_none_of_the_count_queries(client, directory, services, counts_kept):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = directory.url + "?district=dover"
    client.get(url)  # counts and keeps them
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    # The six count queries (need areas, needs, districts, delivery, referral, free) are gone;
    # the result count and the page of results are still read.
    assert len(captured) == DIRECTORY_QUERIES - 6
    assert "Dover (2 services)" in {
        o.get_text(strip=True) for o in soup(response).select("#id_district option")
    }


def test_other_filters_have_their_own_kept_counts(client, directory, services, counts_kept):
    client.get(directory.url, {"district": "dover"})
    html = soup(client.get(directory.url, {"district": "ashford"}))
    labels = {label.get_text(strip=True) for label in html.select("label[for]")}
    assert "Only show free services (2 services)" in labels


def test_a_published_service_is_counted_at_once(
    client, directory, services, counts_kept, django_capture_on_commit_callbacks
):
    client.get(directory.url, {"district": "dover"})
    with django_capture_on_commit_callbacks(execute=True):
        ServiceFactory(name="New in Dover", district_codes=["dover"], need_codes=["ASD"])
    html = soup(client.get(directory.url, {"district": "dover"}))
    assert "Dover (3 services)" in {
        o.get_text(strip=True) for o in html.select("#id_district option")
    }
