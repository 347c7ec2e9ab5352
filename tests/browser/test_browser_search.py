"""The site search in a real browser: results and "no results" pages with axe-core in English and
Urdu, the search working without JavaScript, and the header's autocomplete used by keyboard."""

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
