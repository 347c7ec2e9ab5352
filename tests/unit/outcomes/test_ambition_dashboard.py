"""The ambition dashboard: its numbers match the data, in every language, on the page and in the
downloads, and the page's cost in queries does not grow with the data."""

from __future__ import annotations

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup
from dashboard_world import at, consultation, rating, respond
from django.utils import translation
from wagtail.models import Locale

from consultations.dashboard import top_values
from outcomes.dashboard import HOOK, Chart, charts_for, csv_text
from outcomes.factories import AmbitionFactory, AmbitionPageFactory
from outcomes.models import AmbitionPage

pytestmark = pytest.mark.django_db

# Queries for an ambition page with its dashboard and latest updates, whatever the data (26: the
# updates' ambitions are fetched in one more query, for the shared update summary).
QUERY_BUDGET = 26


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def numbers(charts: list[Chart]) -> dict[str, list[tuple[str, float]]]:
    return {chart.slug: [(str(label), value) for label, value in chart.rows] for chart in charts}


def urdu_page(world, ambition):
    """The ambition page translated into Urdu (under an Urdu home page), pointing at `ambition`."""
    urdu = Locale.objects.get(language_code="ur")
    world.home.copy_for_translation(urdu).save_revision().publish()
    page = world.page.copy_for_translation(urdu)
    page.ambition = ambition
    page.save_revision().publish()
    return AmbitionPage.objects.get(pk=page.pk)


# --- The numbers ----------------------------------------------------------------------------------


def test_each_chart_matches_the_data(world):
    charts = charts_for(world.ambition)
    assert [chart.slug for chart in charts] == list(world.expected)
    assert numbers(charts) == world.expected
    kinds = {chart.slug: (chart.kind, chart.unit) for chart in charts}
    assert kinds["satisfaction"] == ("line", "%")
    assert kinds["consultations-held"] == ("bar", "")


def test_other_ambitions_have_their_own_numbers(world):
    charts = numbers(charts_for(world.other))
    assert charts["consultations-held"] == [("2026", 1)]
    assert charts["responses-by-respondent"][0] == ("A young person", 2)
    assert charts["satisfaction"] == [("March 2026 (2 answers)", 0.0)]
    assert charts["actions-by-status"] == [("Planned", 0), ("In progress", 0), ("Done", 1)]


def test_an_ambition_with_no_data_has_empty_charts_but_every_status(home):
    charts = numbers(charts_for(AmbitionFactory(number=3)))
    assert charts["consultations-held"] == []
    assert charts["responses-by-respondent"] == []
    assert charts["satisfaction"] == []
    assert charts["actions-by-status"] == [("Planned", 0), ("In progress", 0), ("Done", 0)]


def test_publishing_the_draft_consultation_adds_its_numbers(world):
    draft = world.consultations[2]
    draft.save_revision().publish()
    charts = numbers(charts_for(world.ambition))
    assert charts["consultations-held"][-1] == ("2026", 2)
    assert ("A parent or carer", 6) in charts["responses-by-respondent"]
    # March gains three fives: 6 of 7.
    assert charts["satisfaction"][0] == ("March 2026 (7 answers)", 85.7)


def test_unmarking_a_satisfaction_question_takes_its_answers_out(world):
    early = world.consultations[0]
    early.questionnaire = [
        {
            "type": "step",
            "value": {
                "title": "Your views",
                "questions": [
                    rating("sat5", 5, satisfaction=False, ambitions=[world.ambition]),
                    rating("plain5", 5, satisfaction=False, ambitions=[world.ambition]),
                ],
            },
        }
    ]
    early.save_revision().publish()
    charts = numbers(charts_for(world.ambition))
    # Only the three-point question is left: 3 in March and 3 in April, both satisfied.
    assert charts["satisfaction"] == [
        ("March 2026 (1 answer)", 100.0),
        ("April 2026 (1 answer)", 100.0),
    ]


def test_satisfied_means_the_top_two_of_five_or_the_top_of_three():
    assert top_values(5) == {"4", "5"}
    assert top_values(3) == {"3"}


@pytest.mark.parametrize("points_to", ["urdu", "english"])
def test_a_translated_page_shows_the_same_numbers(client, world, points_to):
    ambition = world.urdu_ambition if points_to == "urdu" else world.ambition
    page = urdu_page(world, ambition)
    assert page.locale.language_code == "ur"
    assert page.default_ambition == world.ambition
    with translation.override("en-gb"):
        assert numbers(charts_for(page.default_ambition)) == world.expected

    data = json.loads(client.get(f"{page.url}dashboard/json/").content)
    assert [row["value"] for row in data["charts"][0]["rows"]] == [1, 0, 1]
    assert [row["value"] for row in data["charts"][2]["rows"]] == [75.0, 50.0]
    assert data["ambition"]["number"] == 1

    html = soup(client.get(page.url))
    assert html.find("html")["dir"] == "rtl"
    svg = html.select_one("#chart-consultations-held svg")
    assert svg["direction"] == "rtl"
    cells = [td.get_text(strip=True) for td in html.select("#chart-satisfaction td")]
    assert cells == ["75%", "50%"]


# --- Downloads ------------------------------------------------------------------------------------


def test_csv_download_matches_the_charts(client, world):
    response = client.get(f"{world.page.url}dashboard/csv/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="ambition-1-dashboard.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0]) == ["chart", "label", "value", "unit"]
    got: dict[str, list[tuple[str, float]]] = {}
    for row in rows:
        got.setdefault(row["chart"], []).append((row["label"], float(row["value"])))
        assert row["unit"] == ("%" if row["chart"] == "satisfaction" else "")
    assert got == world.expected


def test_json_download_matches_the_charts(client, world):
    response = client.get(f"{world.page.url}dashboard/json/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["ambition"] == {
        "number": 1,
        "title": "Families are heard",
        "summary": world.ambition.summary,
    }
    assert data["generated_at"]
    got = {
        chart["slug"]: [(row["label"], row["value"]) for row in chart["rows"]]
        for chart in data["charts"]
    }
    assert got == world.expected
    first = data["charts"][0]
    assert set(first) == {
        "slug",
        "title",
        "description",
        "kind",
        "unit",
        "label_heading",
        "value_heading",
        "rows",
    }


def test_the_download_links_are_on_the_page(client, world):
    html = soup(client.get(world.page.url))
    links = {a.get_text(strip=True): a["href"] for a in html.select(".hub-dashboard a")}
    assert links["Download the numbers as a spreadsheet (CSV)"] == f"{world.page.url}dashboard/csv/"
    assert links["Download the numbers for developers (JSON)"] == f"{world.page.url}dashboard/json/"
    assert world.page.reverse_subpage("dashboard_csv") == "dashboard/csv/"
    assert world.page.reverse_subpage("dashboard_json") == "dashboard/json/"


@pytest.fixture
def formula_chart():
    def contribute(ambition):
        return [
            Chart(
                slug="tricky",
                title="Tricky",
                description="Labels a spreadsheet could run.",
                kind="bar",
                label_heading="Label",
                value_heading="Count",
                rows=[
                    ('=HYPERLINK("http://evil")', 1),
                    ("+1", 2),
                    ("-1", 3),
                    ("@SUM(A1)", 4),
                    ("\tTab", 5),
                    ("Plain", 6),
                ],
            )
        ]

    from wagtail import hooks

    with hooks.register_temporarily(HOOK, contribute):
        yield


def test_formula_like_labels_are_neutralised_in_csv(client, world, formula_chart):
    rows = list(csv.reader(io.StringIO(client.get(f"{world.page.url}dashboard/csv/").text)))
    tricky = [row for row in rows if row[0] == "tricky"]
    assert [row[1] for row in tricky] == [
        '\'=HYPERLINK("http://evil")',
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "'\tTab",
        "Plain",
    ]
    assert [row[2] for row in tricky] == ["1", "2", "3", "4", "5", "6"]
    # The JSON keeps the label as it is: it is data, not a spreadsheet.
    data = json.loads(client.get(f"{world.page.url}dashboard/json/").content)
    tricky_json = next(chart for chart in data["charts"] if chart["slug"] == "tricky")
    assert tricky_json["rows"][0]["label"] == '=HYPERLINK("http://evil")'


def test_csv_text_writes_a_header_even_with_no_charts():
    assert csv_text([]).splitlines() == ["chart,label,value,unit"]


# --- The page -------------------------------------------------------------------------------------


def test_every_chart_is_a_figure_with_an_svg_and_a_table(client, world):
    html = soup(client.get(world.page.url))
    section = html.select_one("section.hub-dashboard")
    assert section.select_one("h2").get_text(strip=True) == "How we are doing"
    figures = section.select("figure.hub-chart")
    assert [f["id"] for f in figures] == [f"chart-{slug}" for slug in world.expected]
    for figure in figures:
        slug = figure["id"].removeprefix("chart-")
        caption = figure.select_one("figcaption")
        assert caption.select_one("h3").get_text(strip=True)
        svg = figure.select_one("svg")
        assert svg["role"] == "img"
        assert svg["viewbox"].startswith("0 0 ")
        labelled_by = svg["aria-labelledby"].split()
        title, desc = (svg.find(id=name) for name in labelled_by)
        assert title.name == "title" and desc.name == "desc"
        assert desc.get_text(strip=True)
        # The table comes right after the picture.
        table = svg.find_next_sibling()
        assert table.name == "table" and "govuk-table" in table["class"]
        assert table.select_one("caption.govuk-table__caption")
        assert [th["scope"] for th in table.select("thead th")] == ["col", "col"]
        body_rows = table.select("tbody tr")
        assert len(body_rows) == len(world.expected[slug])
        for row, (label, _value) in zip(body_rows, world.expected[slug], strict=True):
            assert row.select_one("th")["scope"] == "row"
            assert row.select_one("th").get_text(strip=True) == label
            assert "govuk-table__cell--numeric" in row.select_one("td")["class"]
        # Every label is real text in the drawing too.
        svg_text = " ".join(t.get_text(" ", strip=True) for t in svg.select("text"))
        if slug != "satisfaction":
            for label, _value in world.expected[slug]:
                assert label in svg_text


def test_charts_are_drawn_with_bars_and_points(client, world):
    html = soup(client.get(world.page.url))
    assert len(html.select("#chart-responses-by-respondent rect.hub-chart__bar")) == 4
    assert len(html.select("#chart-satisfaction circle.hub-chart__point")) == 2
    assert html.select_one("#chart-satisfaction polyline")
    assert "75%" in html.select_one("#chart-satisfaction desc").get_text()
    values = [td.get_text(strip=True) for td in html.select("#chart-satisfaction td")]
    assert values == ["75%", "50%"]


def test_empty_charts_say_no_data_yet(client, home):
    page = AmbitionPageFactory(parent=home)
    html = soup(client.get(page.url))
    for slug in ("consultations-held", "responses-by-respondent", "satisfaction"):
        figure = html.select_one(f"#chart-{slug}")
        assert figure.select_one("figcaption")
        assert figure.select_one(".hub-chart__empty").get_text(strip=True) == "No data yet"
        assert not figure.select("svg") and not figure.select("table")
    # Every status is 0, so there is nothing to draw there either; the download still lists them.
    assert html.select_one("#chart-actions-by-status .hub-chart__empty")


def test_the_page_needs_no_javascript_for_the_dashboard(client, world):
    html = soup(client.get(world.page.url))
    assert not html.select(".hub-dashboard script")
    assert not html.select(".hub-dashboard [data-module]")


# --- Latest updates -------------------------------------------------------------------------------


def test_the_page_lists_only_live_updates_for_its_ambition(client, world):
    html = soup(client.get(world.page.url))
    section = html.select_one("section.hub-ambition-updates")
    titles = [a.get_text(strip=True) for a in section.select("li h3 a")]
    assert sorted(titles) == ["Also started", "Planned work", "Started work"]
    tags = [tag.get_text(strip=True) for tag in section.select("li .govuk-tag")]
    assert sorted(tags) == ["In progress", "In progress", "Planned"]
    assert "40% complete" in section.get_text()
    # The same summary as on the updates index (the shared template), with each one's ambitions.
    assert len(section.select("li.hub-update-summary")) == 3
    assert "Ambitions:" in section.select_one("li.hub-update-summary").get_text()
    link = section.select_one("p a[href*='?ambition=']")
    assert link["href"] == f"{world.index.url}?ambition=1"


def test_the_updates_list_is_newest_first_and_at_most_five(client, world):
    from you_said_we_did.factories import UpdatePageFactory
    from you_said_we_did.models import UpdatePage

    for n in range(6):
        UpdatePageFactory(parent=world.index, title=f"Newer {n}", ambitions=[world.ambition])
    for n, update in enumerate(UpdatePage.objects.order_by("pk")):
        UpdatePage.objects.filter(pk=update.pk).update(first_published_at=at(2026, 1, 1 + n))
    html = soup(client.get(world.page.url))
    titles = [a.get_text(strip=True) for a in html.select(".hub-ambition-updates li h3 a")]
    assert titles == ["Newer 5", "Newer 4", "Newer 3", "Newer 2", "Newer 1"]


def test_an_ambition_page_without_an_updates_index_has_no_link(client, home):
    page = AmbitionPageFactory(parent=home)
    html = soup(client.get(page.url))
    section = html.select_one("section.hub-ambition-updates")
    assert "not published any updates" in section.get_text()
    assert not section.select("a")


# --- Queries --------------------------------------------------------------------------------------


def grow(world):
    """Ten times the data: more consultations, responses, answers and updates."""
    for n in range(8):
        page = consultation(
            world.home,
            f"More {n}",
            at(2020 + n % 6, 6, 1, 9),
            [rating("sat5", 5, ambitions=[world.ambition])],
            [world.ambition],
        )
        for m in range(6):
            respond(
                page,
                at(2025, 1 + m, 10, 12),
                "parent-carer",
                [("sat5", str(1 + m % 5), [world.ambition])],
            )
    from you_said_we_did.factories import UpdatePageFactory

    for n in range(10):
        UpdatePageFactory(
            parent=world.index,
            title=f"More work {n}",
            status="done",
            progress=100,
            ambitions=[world.ambition],
        )


def test_query_count_does_not_grow_with_the_data(world, count_queries):
    small = count_queries(world.page.url)
    grow(world)
    large = count_queries(world.page.url)
    assert large == small, f"{small} queries with little data, {large} with more"
    assert small == QUERY_BUDGET, f"the ambition page makes {small} queries"


def test_the_charts_cost_a_fixed_number_of_queries(world, django_assert_num_queries):
    with django_assert_num_queries(5):
        charts_for(world.ambition)
    grow(world)
    with django_assert_num_queries(5):
        charts_for(world.ambition)


# --- Kept for a while (COUNTS_CACHE_SECONDS) -----------------------------------------------


@pytest.fixture
def dashboard_cache(settings):
    settings.COUNTS_CACHE_SECONDS = 300


def test_kept_figures_are_not_counted_again_on_the_next_view(
    client, world, dashboard_cache, count_queries
):
    # count_queries views the page once first, which counts and keeps the figures.
    assert count_queries(world.page.url) == QUERY_BUDGET - 5, "the 5 chart queries were made"


def test_kept_figures_are_counted_again_after_publishing(
    world, dashboard_cache, django_capture_on_commit_callbacks
):
    from outcomes.dashboard import AmbitionDashboard

    before = numbers(AmbitionDashboard(world.ambition).charts)
    draft = world.consultations[2]
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    after = numbers(AmbitionDashboard(world.ambition).charts)
    assert after != before
    assert after == numbers(charts_for(world.ambition))


def test_each_language_keeps_its_own_figures(world, dashboard_cache):
    from outcomes.dashboard import AmbitionDashboard

    english = AmbitionDashboard(world.ambition).charts
    with translation.override("pl"):
        polish = AmbitionDashboard(world.ambition).charts
    assert [chart.title for chart in polish] != [chart.title for chart in english]
