"""Search insight (search/insights.py, search/reports.py): the daily tally, popular searches and
the staff "Search terms" report with its CSV downloads."""

import csv
import datetime
import io
from unittest import mock

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from hub.spreadsheets import safe_cell
from search import insights
from search.insights import (
    normalise,
    popular_searches,
    record_search,
    search_term_rows,
)
from search.models import SearchLog

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def log(query, searches, zero=0, language="en-gb", days_ago=0):
    return SearchLog.objects.create(
        query=query,
        language=language,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        searches=searches,
        zero_results=zero,
    )


# --- Normalising and counting -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "counted"),
    [
        ("  EHCP\tPlan \n", "ehcp plan"),
        ("SENCo", "senco"),
        ("dyslexia   CANTERBURY", "dyslexia canterbury"),
        ("oak\x00wood\x1b", "oak wood"),
        ("Szkoła  Łódź", "szkoła łódź"),
        ("x" * 300, "x" * 100),
        (" " * 5, ""),
        (None, ""),
    ],
)
def test_normalise(typed, counted):
    assert normalise(typed) == counted


def test_normalise_never_ends_in_a_space_after_cutting():
    assert normalise("a" * 99 + " b") == "a" * 99


def test_record_search_counts_searches_and_zero_results_per_day_and_language():
    record_search("EHCP", 12, "en-gb")
    record_search("  ehcp ", 3, "en-gb")
    record_search("ehcp", 0, "en-gb")
    record_search("ehcp", 0, "pl")
    english = SearchLog.objects.get(query="ehcp", language="en-gb")
    assert (english.searches, english.zero_results, english.date) == (3, 1, timezone.localdate())
    polish = SearchLog.objects.get(query="ehcp", language="pl")
    assert (polish.searches, polish.zero_results) == (1, 1)


def test_yesterdays_row_is_left_alone():
    yesterday = log("salt", 4, days_ago=1)
    record_search("salt", 1, "en-gb")
    yesterday.refresh_from_db()
    assert yesterday.searches == 4
    assert SearchLog.objects.filter(query="salt").count() == 2


def test_empty_queries_are_not_recorded():
    for blank in ("", "   ", "\x00\t"):
        record_search(blank, 0, "en-gb")
    assert not SearchLog.objects.exists()


def test_a_row_created_by_another_request_meanwhile_is_incremented(monkeypatch):
    """The race: the UPDATE finds no row, another request creates it, our INSERT then breaks the
    unique constraint; the IntegrityError branch adds our search to their row."""
    real_increment = insights._increment
    calls = []

    def racing_increment(*args):
        calls.append(args)
        if len(calls) == 1:
            log("autism", 1)  # the other request's row appears just after our UPDATE
            return 0
        return real_increment(*args)

    monkeypatch.setattr(insights, "_increment", racing_increment)
    record_search("Autism", 0, "en-gb")
    row = SearchLog.objects.get(query="autism")
    assert (row.searches, row.zero_results) == (2, 1)
    assert len(calls) == 2


def test_a_database_failure_is_logged_not_raised(caplog):
    with mock.patch.object(
        insights.SearchLog.objects, "filter", side_effect=RuntimeError("database gone")
    ):
        record_search("senco", 1, "en-gb")
    assert "Could not record a search" in caplog.text


def test_a_failure_does_not_break_the_callers_transaction():
    with transaction.atomic():
        with mock.patch.object(
            insights.SearchLog.objects, "create", side_effect=insights.IntegrityError("boom")
        ):
            record_search("portage", 1, "en-gb")
        log("still usable", 1)
    assert SearchLog.objects.filter(query="still usable").exists()


# --- Popular and zero-result searches -----------------------------------------------------------


def test_popular_searches_only_offers_frequent_queries_that_found_something():
    log("ehcp", 10)
    log("ehcp", 5, days_ago=3)
    log("senco", 12, zero=1)
    log("portage", 3)
    log("a childs name", 2)  # too rare to show the public
    log("sendco", 20, zero=20)  # finds nothing
    log("half", 4, zero=2)  # found nothing half the time
    log("old", 50, days_ago=30)  # outside the 30 days
    assert popular_searches() == ["ehcp", "senco", "portage"]
    assert popular_searches(limit=2) == ["ehcp", "senco"]


def test_popular_searches_by_language_and_period():
    log("ehcp", 10)
    log("szkoła", 4, language="pl")
    log("logopeda", 9, language="pl", days_ago=8)
    assert popular_searches(language="pl") == ["logopeda", "szkoła"]
    assert popular_searches(language="pl", days=7) == ["szkoła"]
    assert popular_searches() == ["ehcp", "logopeda", "szkoła"]


def test_popular_searches_are_cached():
    log("ehcp", 10)
    assert popular_searches() == ["ehcp"]
    log("salt", 20)
    assert popular_searches() == ["ehcp"]
    cache.clear()
    assert popular_searches() == ["salt", "ehcp"]


def zero_result_searches(**kwargs) -> list[tuple[str, int]]:
    """The report's zero-results list as (query, times it found nothing)."""
    return [(row.query, row.zero_results) for row in search_term_rows(zero_only=True, **kwargs)]


def test_zero_result_searches():
    log("sendco", 7, zero=7)
    log("sendco", 2, zero=2, language="pl")
    log("dyslexia", 10, zero=3)
    log("ehcp", 10)
    log("ancient", 9, zero=9, days_ago=40)
    assert zero_result_searches() == [("sendco", 9), ("dyslexia", 3)]
    assert zero_result_searches(days=90)[0] == ("ancient", 9)
    assert zero_result_searches(limit=1) == [("sendco", 9)]


def test_rows_give_the_share_with_no_results():
    log("dyslexia", 10, zero=3)
    (row,) = search_term_rows(7)
    assert (row.query, row.searches, row.zero_results, row.zero_share) == ("dyslexia", 10, 3, 0.3)


# --- The staff report ---------------------------------------------------------------------------

REPORT = "/admin/reports/search-terms/"


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "a@example.org", "pw")


def editor(django_user_model, *codenames):
    user = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *(Permission.objects.get(codename=codename) for codename in codenames),
    )
    return user


def test_report_url():
    assert reverse("search_terms_report") == REPORT


def test_the_reports_menu_has_one_search_terms_item_ours(rf, superuser):
    """wagtail.contrib.search_promotions adds an empty "Search terms" report of its own; it is
    hidden (search/wagtail_hooks.py), so superusers see one item, leading to this report."""
    from wagtail.admin.menu import reports_menu

    request = rf.get("/admin/")
    request.user = superuser
    items = reports_menu.menu_items_for_request(request)
    with translation.override("en-gb"):  # an earlier request may have left another active
        search_terms = [item for item in items if str(item.label) == "Search terms"]
    assert [item.url for item in search_terms] == [REPORT]
    wagtails = reverse("wagtailsearchpromotions:search_terms")
    assert wagtails not in [item.url for item in items]


def test_superusers_see_one_search_terms_item_in_the_admin(client, superuser):
    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    assert html.count("Search terms") == 1
    assert REPORT in html
    assert reverse("wagtailsearchpromotions:search_terms") not in html


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_editors_without_the_permission_are_refused(client, django_user_model):
    client.force_login(editor(django_user_model))
    refused = client.get(REPORT)
    assert refused.status_code == 403
    assert b"Can view search log" in refused.content
    assert client.get(REPORT + "?download=popular").status_code == 403
    assert b"search-terms" not in client.get("/admin/").content


def test_editors_with_the_permission_see_it_and_the_menu_item(client, django_user_model):
    client.force_login(editor(django_user_model, "view_searchlog"))
    assert client.get(REPORT).status_code == 200
    assert REPORT.encode() in client.get("/admin/").content


def test_the_permission_is_offered_in_the_group_editor(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/groups/new/")
    assert response.status_code == 200
    permission = Permission.objects.get(codename="view_searchlog")
    assert f'value="{permission.pk}"'.encode() in response.content


def test_superusers_see_both_lists_for_the_chosen_period(client, superuser):
    log("ehcp", 10, zero=1)
    log("sendco", 4, zero=4)
    log("last month", 6, zero=6, days_ago=20)
    client.force_login(superuser)
    page = client.get(REPORT, {"days": "7"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "ehcp" in text and "sendco" in text and "last month" not in text
    assert "10%" in text  # ehcp's share with no results
    assert [row.query for row in page.context["popular"]] == ["ehcp", "sendco"]
    assert [row.query for row in page.context["zero_results"]] == ["sendco", "ehcp"]
    month = client.get(REPORT, {"days": "30"})
    assert "last month" in month.content.decode()


@pytest.mark.parametrize("days", ["", "8", "abc", "-1", "999999999999"])
def test_an_unknown_period_shows_the_last_30_days(client, superuser, days):
    client.force_login(superuser)
    response = client.get(REPORT, {"days": days})
    assert response.status_code == 200
    assert response.context["days"] == 30


def test_queries_are_escaped_on_the_page(client, superuser):
    log("<script>alert(1)</script>", 3, zero=3)
    client.force_login(superuser)
    content = client.get(REPORT).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_downloads(client, superuser):
    log("ehcp", 10, zero=1)
    log("sendco", 4, zero=4)
    client.force_login(superuser)
    popular = read_csv(client.get(REPORT, {"days": "7", "download": "popular"}))
    assert popular == [
        ["Search", "Searches", "Share with no results (%)"],
        ["ehcp", "10", "10"],
        ["sendco", "4", "100"],
    ]
    zero = read_csv(client.get(REPORT, {"days": "7", "download": "zero-results"}))
    assert zero == [
        ["Search", "Times it found nothing", "Searches"],
        ["sendco", "4", "4"],
        ["ehcp", "1", "10"],
    ]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("ehcp", "ehcp"),
        ("a=1", "a=1"),
        ("", ""),
    ],
)
def test_safe_cell(value, written):
    assert safe_cell(value) == written


def test_csv_neutralises_formulas(client, superuser):
    # normalise() keeps these characters, so queries can arrive in the log looking like this.
    record_search("=cmd|' /C calc'!A0", 0, "en-gb")
    record_search("@SUM(1+1)", 0, "en-gb")
    record_search("-1+1", 2, "en-gb")
    client.force_login(superuser)
    rows = read_csv(client.get(REPORT, {"download": "popular"}))
    assert sorted(row[0] for row in rows[1:]) == ["'-1+1", "'=cmd|' /c calc'!a0", "'@sum(1+1)"]
    rows = read_csv(client.get(REPORT, {"download": "zero-results"}))
    assert all(row[0].startswith("'") for row in rows[1:])
