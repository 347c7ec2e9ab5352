"""Every page type of the demo site in a real browser: structure, accessibility (axe-core, WCAG
2.2 AA), without JavaScript, the skip link, right-to-left languages, the sitemap and the 404 page.

Named test_browser_page_types.py because tests/unit/home/test_page_types.py exists and the tests
directory has no __init__.py files (module names must be unique).
"""

from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest
from pages import PAGE_TYPES, RTL_LANGUAGE

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

page_types = pytest.mark.parametrize("page_type", list(PAGE_TYPES))
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NO_URDU = "the demo has no Urdu copy of this page type: load_demo_content keeps every language's tree in step"


def open_page(page, url: str, status: int = 200):
    response = page.goto(url, wait_until="load")
    assert response is not None, f"No response for {url}"
    assert response.status == status, f"{url} returned {response.status}, expected {status}"
    return response


def watch_for_problems(page) -> list[str]:
    """Collects JavaScript errors, console errors and failed requests from now on."""
    problems: list[str] = []

    def on_response(response):
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url}")

    def on_console(message):
        if message.type == "error":
            problems.append(f"console error: {message.text}")

    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url}"))
    page.on("response", on_response)
    page.on("console", on_console)
    return problems


def html_attributes(page) -> dict:
    return page.evaluate(
        "() => ({lang: document.documentElement.getAttribute('lang'),"
        " dir: document.documentElement.getAttribute('dir')})"
    )


def urdu_page(demo_pages, page_type: str):
    if page_type not in demo_pages.urdu:
        pytest.fail(NO_URDU)
    return demo_pages.urdu[page_type]


# --- Every page type ----------------------------------------------------------------------------


@page_types
def test_page_loads_with_one_h1_and_language(page, demo_pages, screenshot, page_type):
    demo_page = demo_pages.english[page_type]
    problems = watch_for_problems(page)
    open_page(page, demo_page.url)
    page.wait_for_load_state("networkidle")
    assert not problems, f"{demo_page}:\n" + "\n".join(problems)

    headings = page.locator("h1")
    assert headings.count() == 1, (
        f"{demo_page} has {headings.count()} h1 elements: {headings.all_inner_texts()}"
    )
    assert headings.first.is_visible()
    assert html_attributes(page) == {"lang": demo_page.language, "dir": "ltr"}
    assert demo_page.title in page.title()
    screenshot(page, f"{demo_page.language}-{page_type}")


@page_types
def test_page_has_no_axe_violations(page, demo_pages, axe, page_type):
    open_page(page, demo_pages.english[page_type].url)
    axe.assert_no_violations(page)


@page_types
def test_page_works_without_javascript(page_without_js, demo_pages, page_type):
    page = page_without_js
    demo_page = demo_pages.english[page_type]
    open_page(page, demo_page.url)

    assert "js-enabled" not in (page.locator("body").get_attribute("class") or "")
    assert page.locator("h1").first.is_visible()
    assert page.locator("#main-content").inner_text().strip(), "The main content is empty"
    assert page.locator("header").first.is_visible(), "The site header is hidden"
    assert page.locator("footer").first.is_visible(), "The footer is hidden"

    navigation = page.locator(".govuk-service-navigation__link")
    assert navigation.count() > 0, "No service navigation links"
    # Without JavaScript the navigation must be a plain visible list at every width: there is no
    # script to open a collapsed menu on a phone.
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        hidden = [link.inner_text() for link in navigation.all() if not link.is_visible()]
        assert not hidden, f"Navigation links hidden at {width}px without JavaScript: {hidden}"


@page_types
def test_skip_link_moves_focus_to_main_content(page, demo_pages, page_type):
    open_page(page, demo_pages.english[page_type].url)

    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => ({text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href')})"
    )
    assert focused == {"text": "Skip to main content", "href": "#main-content"}, (
        f"The first Tab stop is {focused}, not the skip link"
    )
    assert page.locator(".govuk-skip-link").is_visible(), "The focused skip link is not visible"

    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'main-content'", timeout=2_000)


# --- Accordions ---------------------------------------------------------------------------------


def test_accordion_sections_are_all_readable_without_javascript(page_without_js, demo_pages):
    page = page_without_js
    if demo_pages.accordion is None:
        pytest.fail("No demo information page has an accordion; the no-JavaScript check needs one")
    open_page(page, demo_pages.accordion.url)

    sections = page.locator(".govuk-accordion__section-content")
    assert sections.count() > 0
    for index, section in enumerate(sections.all(), start=1):
        assert section.is_visible(), f"Accordion section {index} is hidden without JavaScript"
        assert section.inner_text().strip(), f"Accordion section {index} is empty"
    assert page.locator(".govuk-accordion__show-all").count() == 0


def test_accordion_opens_and_closes_with_javascript(page, demo_pages, screenshot):
    if demo_pages.accordion is None:
        pytest.fail("No demo information page has an accordion")
    open_page(page, demo_pages.accordion.url)

    first_content = page.locator(".govuk-accordion__section-content").first
    first_button = page.locator("button.govuk-accordion__section-button").first
    first_button.wait_for()
    assert first_content.is_hidden(), "Accordion sections should start closed with JavaScript"
    assert first_button.get_attribute("aria-expanded") == "false"

    first_button.click()
    assert first_content.is_visible()
    assert first_button.get_attribute("aria-expanded") == "true"

    page.locator(".govuk-accordion__show-all").first.click()
    for section in page.locator(".govuk-accordion__section-content").all():
        assert section.is_visible()
    screenshot(page.locator(".govuk-accordion").first, "en-gb-accordion-open")


# --- Right-to-left: Urdu ------------------------------------------------------------------------


@page_types
def test_urdu_page_is_right_to_left(page, demo_pages, screenshot, page_type):
    demo_page = urdu_page(demo_pages, page_type)
    open_page(page, demo_page.url)

    assert html_attributes(page) == {"lang": RTL_LANGUAGE, "dir": "rtl"}
    assert page.locator("h1").count() == 1
    screenshot(page, f"{RTL_LANGUAGE}-{page_type}")


@page_types
def test_urdu_page_has_no_axe_violations(page, demo_pages, axe, page_type):
    demo_page = urdu_page(demo_pages, page_type)
    open_page(page, demo_page.url)
    axe.assert_no_violations(page)


def test_urdu_phone_numbers_read_left_to_right(page, demo_pages):
    open_page(page, urdu_page(demo_pages, "home").url)
    links = page.locator("a[href^='tel:']")
    assert links.count() > 0, "No phone number links on the page"
    wrong = [
        link.inner_text()
        for link in links.all()
        if link.evaluate("element => getComputedStyle(element).direction") != "ltr"
    ]
    assert not wrong, f"Phone numbers laid out right to left (digit groups reversed): {wrong}"


def test_urdu_site_links_stay_in_urdu(page, demo_pages):
    """The header, navigation, breadcrumbs and footer keep a reader in their chosen language."""
    open_page(page, urdu_page(demo_pages, "information").url)
    hrefs = page.eval_on_selector_all(
        "header a, .govuk-service-navigation a, .govuk-breadcrumbs a, footer a",
        "links => links.map(link => link.getAttribute('href'))",
    )
    local = [href for href in hrefs if href.startswith("/")]
    assert local, "No site links found"
    elsewhere = [href for href in local if not href.startswith(f"/{RTL_LANGUAGE}/")]
    assert not elsewhere, f"Links on an Urdu page that leave Urdu: {elsewhere}"


# --- Site-wide: sitemap, robots.txt, 404 --------------------------------------------------------


def test_sitemap_lists_the_demo_pages(page, demo_pages):
    response = page.request.get("/sitemap.xml")
    assert response.status == 200
    assert "xml" in response.headers["content-type"]

    root = ElementTree.fromstring(response.body())
    listed = {urlparse(loc.text).path for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)}
    missing = [url for url in demo_pages.all_english_urls if url not in listed]
    assert not missing, f"The sitemap leaves out {missing}"
    for demo_page in demo_pages.english.values():
        assert demo_page.url in listed


def test_robots_txt_points_to_the_sitemap(page):
    response = page.request.get("/robots.txt")
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/plain")
    sitemap_lines = [
        line for line in response.text().splitlines() if line.lower().startswith("sitemap:")
    ]
    assert len(sitemap_lines) == 1, response.text()
    sitemap_url = sitemap_lines[0].split(":", 1)[1].strip()
    assert urlparse(sitemap_url).path == "/sitemap.xml"
    assert urlparse(sitemap_url).scheme in ("http", "https")


def test_not_found_page_is_branded_and_accessible(page, demo_pages, axe, screenshot):
    open_page(page, demo_pages.not_found_url, status=404)

    header = page.locator("header").first
    assert header.is_visible(), "The 404 page has no visible site header"
    council = demo_pages.council_name
    assert council in header.inner_text() or header.get_by_role("img", name=council).count(), (
        f"The 404 page's header does not name the council ({council})"
    )
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text() == "Page not found"
    attributes = html_attributes(page)
    assert attributes["lang"] and attributes["dir"] == "ltr"
    screenshot(page, "en-gb-404")
    axe.assert_no_violations(page)
