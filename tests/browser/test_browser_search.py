"""The site search in a real browser: results, "no results" and error pages with axe-core in
English and Urdu, the search working without JavaScript, the header's autocomplete used by
keyboard, and the search boxes mirrored right to left."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("prefix", ["", "/ur"])
def test_results_and_no_results_pages_are_accessible(page, axe, prefix):
    page.goto(f"{prefix}/search/?q=ehcp")
    assert page.locator(".hub-search-result").count() >= 1
    assert page.locator("main mark").count() >= 1, "matched words are highlighted"
    axe.assert_no_violations(page)
    page.goto(f"{prefix}/search/?q=zzqxv+wobblefrump")
    assert page.locator("main").get_by_role("link").count() >= 1
    axe.assert_no_violations(page)
    if prefix:
        assert page.evaluate("document.documentElement.dir") == "rtl"


@pytest.mark.parametrize("prefix", ["", "/ur"])
def test_a_search_without_words_shows_an_accessible_error(page, axe, prefix):
    page.goto(f"{prefix}/search/?q=%3F%21")
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    link = summary.get_by_role("link")
    assert link.get_attribute("href") == "#search-page-q"
    assert page.locator("#search-page-q-error").is_visible()
    if not prefix:
        assert page.title().startswith("Error: ")
    axe.assert_no_violations(page)
    link.click()
    assert page.evaluate("document.activeElement.id") == "search-page-q"


def test_search_from_the_header_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/")
    box = page.get_by_role("searchbox", name="Search this website")
    box.fill("sendco")
    box.press("Enter")
    page.wait_for_url("**/search/?q=sendco**")
    assert (
        "SENCo" in page.locator("main").inner_text()
        or "SENCO" in page.locator("main").inner_text().upper()
    )


def test_header_autocomplete_by_keyboard(page, axe):
    page.goto("/")
    # The combobox is progressive enhancement: wait until the script has taken the box over.
    box = page.locator("#site-search-q[data-combobox-ready]")
    box.wait_for()
    box.focus()
    page.keyboard.type("oakwood", delay=30)
    listbox = page.locator("#site-search-q-listbox")
    listbox.wait_for(state="visible")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "true"
    assert "Oakwood Demo Primary School" in listbox.inner_text()
    axe.assert_no_violations(page)
    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url("**/school/**")
    assert page.locator("h1").inner_text() == "Oakwood Demo Primary School"


@pytest.mark.parametrize("prefix", ["", "/ur"])
def test_the_search_boxes_are_mirrored_right_to_left(page, prefix, screenshot):
    """Logical properties (static_src/scss/_search.scss): in Urdu the header's box sits at the
    end of the line (the left), and each button comes after its input (to its left)."""
    page.goto(f"{prefix}/search/?q=ehcp")
    screenshot(page, f"search-results{prefix.replace('/', '-')}")
    rtl = bool(prefix)
    header_box = page.locator(".hub-header__search").bounding_box()
    logo = page.locator(".govuk-generic-header__logo").bounding_box()
    assert (header_box["x"] < logo["x"]) == rtl
    for box_id in ("site-search-q", "search-page-q"):
        field = page.locator(f"#{box_id}").bounding_box()
        button = page.locator(f"form:has(#{box_id}) button").bounding_box()
        assert (button["x"] < field["x"]) == rtl, box_id
        gap = (
            field["x"] - (button["x"] + button["width"])
            if rtl
            else button["x"] - (field["x"] + field["width"])
        )
        assert gap > 0, box_id
