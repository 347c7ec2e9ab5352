"""Every editorial page type can be created, is routed, renders, and has a flat query budget."""

import pytest
from bs4 import BeautifulSoup

from home.factories import (
    EasyReadPageFactory,
    IndexPageFactory,
    InformationPageFactory,
    paragraph_body,
)
from home.models import EasyReadPage, HomePage, IndexPage, InformationPage
from hub.models import CouncilSettings
from outcomes.factories import AmbitionPageFactory

pytestmark = pytest.mark.django_db

# The queries each page type makes, pinned, whatever the amount of content. A change to one of
# these numbers needs a reason in the commit that makes it.
QUERY_BUDGET = {
    "home": 19,  # + open consultations and latest updates (each a list and a restriction check)
    "information": 24,
    "index": 22,
    "easy_read": 22,
    # + the dashboard's charts and the ambition's updates; with no rating answers to count,
    # the satisfaction chart reads no questionnaires (one query fewer than with data).
    "ambition": 28,
}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_renders_routes_and_furniture(client, home):
    home.routes = [
        {
            "type": "route",
            "value": {
                "heading": "Parents and carers",
                "description": "Find support for your child.",
                "links": [
                    {"text": "Our SEND strategy", "page": None, "url": "https://example.org/"}
                ],
            },
        }
    ]
    home.save_revision().publish()
    response = client.get("/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "en-gb"
    assert html.html["dir"] == "ltr"
    assert html.select_one("a.govuk-skip-link")["href"] == "#main-content"
    assert html.select_one("main#main-content")
    assert html.select_one(".hub-route h2").get_text(strip=True) == "Parents and carers"
    assert html.select_one(".govuk-phase-banner")
    assert "Kent County Council" in html.select_one("footer").get_text()
    assert len(html.select("h1")) == 1


def test_information_page_renders_every_block(client, home):
    page = InformationPageFactory(
        parent=home,
        title="Asking for an assessment",
        body=[
            {"type": "heading", "value": {"text": "Who can ask", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Parents can ask.</p>"},
            {"type": "heading", "value": {"text": "What happens next", "level": "h2"}},
            {"type": "inset_text", "value": {"text": "<p>You do not need a plan.</p>"}},
            {"type": "warning_text", "value": {"text": "The whole process takes 20 weeks."}},
            {"type": "details", "value": {"summary": "What is IASK?", "text": "<p>Advice.</p>"}},
            {
                "type": "accordion",
                "value": {
                    "sections": [{"heading": "Area 1", "summary": "", "content": "<p>A</p>"}]
                },
            },
            {
                "type": "summary_list",
                "value": {"rows": [{"key": "Decision", "value": "<p>6 weeks</p>"}]},
            },
            {
                "type": "step_by_step",
                "value": {
                    "title": "The steps",
                    "steps": [
                        {"title": "Ask", "timing": "Week 0", "content": "<p>Write to us.</p>"},
                        {
                            "title": "Decide",
                            "timing": "Within 6 weeks",
                            "content": "<p>We decide.</p>",
                        },
                    ],
                },
            },
            {
                "type": "call_to_action",
                "value": {
                    "link": {"text": "Contact IASK", "page": None, "url": "https://example.org/"},
                    "start": True,
                },
            },
        ],
    )
    html = soup(client.get(page.url))
    assert [a["href"] for a in html.select(".hub-contents-list a")] == [
        "#who-can-ask",
        "#what-happens-next",
    ]
    assert html.select_one("#who-can-ask").name == "h2"
    assert html.select_one(".govuk-inset-text")
    assert "20 weeks" in html.select_one(".govuk-warning-text").get_text()
    assert html.select_one("details.govuk-details summary").get_text(strip=True) == "What is IASK?"
    assert html.select_one(".govuk-accordion[data-module=govuk-accordion]")
    assert html.select_one(".govuk-summary-list__key").get_text(strip=True) == "Decision"
    steps = html.select(".hub-step-by-step__step")
    assert len(steps) == 2
    assert steps[1].select_one(".hub-step-by-step__timing").get_text() == "Within 6 weeks"
    assert html.select_one("a.govuk-button--start")["href"] == "https://example.org/"
    breadcrumbs = [a.get_text() for a in html.select(".govuk-breadcrumbs a")]
    assert breadcrumbs == ["SEND support"]


def test_easy_read_page_and_standard_page_link_both_ways(client, home):
    standard = InformationPageFactory(parent=home, title="Communities of Schools")
    easy = EasyReadPageFactory(
        parent=standard, title="Communities of Schools: easy read", standard_page=standard
    )
    standard_html = soup(client.get(standard.url))
    assert standard_html.select_one("a.hub-easy-read-link")["href"] == easy.url
    easy_html = soup(client.get(easy.url))
    assert easy_html.select_one("a.hub-easy-read-link")["href"] == standard.url
    assert easy_html.select_one(".hub-easy-read .hub-easy-read__row")


def test_unpublished_easy_read_version_is_not_linked(client, home):
    standard = InformationPageFactory(parent=home, title="Guide")
    draft = EasyReadPageFactory(parent=standard, standard_page=standard)
    draft.unpublish()
    assert not soup(client.get(standard.url)).select_one("a.hub-easy-read-link")


def test_index_page_lists_its_children_with_summaries(client, home):
    index = IndexPageFactory(parent=home, title="Guides for families")
    InformationPageFactory(parent=index, title="Transport", summary="Getting to school.")
    html = soup(client.get(index.url))
    assert html.select_one(".hub-page-list a").get_text() == "Transport"
    assert "Getting to school." in html.select_one(".hub-page-list").get_text()


def test_ambition_page_shows_all_six_sections(client, home):
    page = AmbitionPageFactory(parent=home)
    html = soup(client.get(page.url))
    headings = [h.get_text(strip=True) for h in html.select("main section > h2")]
    assert headings[:6] == [
        "Our ambition",
        "Why it's important",
        "How we'll achieve it",
        "Impact",
        "How we'll monitor progress",
        "Continuous improvement",
    ]
    assert f"Ambition {page.ambition.number}" in html.select_one(".govuk-caption-l").get_text()


def test_service_navigation_lists_menu_pages_and_marks_the_current_section(client, home):
    section = IndexPageFactory(parent=home, title="Guides", show_in_menus=True)
    IndexPageFactory(parent=home, title="Hidden", show_in_menus=False)
    child = InformationPageFactory(parent=section, title="A guide")
    html = soup(client.get(child.url))
    links = html.select(".govuk-service-navigation__link")
    assert [a.get_text(strip=True) for a in links] == ["Guides"]
    assert links[0]["aria-current"] == "true"


def _grow(parent, factory, count, **kwargs):
    for _ in range(count):
        factory(parent=parent, **kwargs)


@pytest.mark.parametrize("kind", ["home", "information", "index", "easy_read", "ambition"])
def test_query_count_is_within_budget_and_flat(client, home, count_queries, kind):
    """Ten times the content must cost the same number of queries."""
    section = IndexPageFactory(parent=home, title="Section", show_in_menus=True)
    pages = {
        "home": home,
        "information": InformationPageFactory(parent=section, title="Info"),
        "index": section,
        "easy_read": None,
        "ambition": AmbitionPageFactory(parent=section),
    }
    pages["easy_read"] = EasyReadPageFactory(
        parent=pages["information"], standard_page=pages["information"]
    )
    # The footer links to the pages chosen in the council settings, as on a real site.
    brand = CouncilSettings.objects.get()
    for field in ("accessibility_page", "privacy_page", "cookies_page", "contact_page"):
        setattr(brand, field, InformationPageFactory(parent=home))
    brand.save()
    url = pages[kind].url

    _grow(home, IndexPageFactory, 2, show_in_menus=True)
    _grow(section, InformationPageFactory, 2)
    _grow(pages["information"], InformationPageFactory, 2)
    small = count_queries(url)

    _grow(home, IndexPageFactory, 20, show_in_menus=True)
    _grow(section, InformationPageFactory, 20)
    _grow(pages["information"], InformationPageFactory, 20)
    large = count_queries(url)

    assert large == small, f"{kind} page: {small} queries with little content, {large} with more"
    assert small == QUERY_BUDGET[kind], f"{kind} page makes {small} queries"


def test_page_models_are_the_expected_types():
    assert {HomePage, InformationPage, EasyReadPage, IndexPage}
    assert paragraph_body("x")[0]["type"] == "paragraph"


def test_a_page_not_yet_translated_says_so_and_marks_its_real_language(client, home):
    page = InformationPageFactory(parent=home, title="Transport to school")
    response = client.get(f"/ur{page.url}")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "ur"
    assert html.html["dir"] == "rtl"
    notice = html.select_one(".govuk-notification-banner")
    assert notice is not None
    assert notice.select_one("a")["href"] == page.url
    content = html.select_one("main > div[lang]")
    assert content["lang"] == "en-gb"
    assert content["dir"] == "ltr"
    assert content.h1.get_text() == "Transport to school"


def test_a_page_in_the_visitors_language_has_no_notice(client, home):
    page = InformationPageFactory(parent=home, title="Transport to school")
    html = soup(client.get(page.url))
    assert html.select_one(".govuk-notification-banner") is None
    assert html.select_one("main > div[lang]") is None
