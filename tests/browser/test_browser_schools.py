"""The school finder's routes in a real browser: axe (WCAG 2.2 AA) on the school and community
pages and on search results, in English and Urdu; the search without JavaScript; and the
autocomplete with the keyboard alone."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="session")
def finder_urls(demo_pages, django_db_blocker):
    from wagtail.models import Locale

    from schools.models import CommunityOfSchools, School, SchoolFinderPage

    with django_db_blocker.unblock():
        finder = SchoolFinderPage.objects.live().filter(locale=Locale.get_default()).first()
        school = (
            School.objects.open()
            .exclude(report_url="")
            .filter(senco_consent=True)
            .order_by("urn")
            .first()
        )
        community = CommunityOfSchools.objects.order_by("name").first()
        base = finder.url
    return {
        "finder": base,
        "results": f"{base}?q=primary",
        "school": f"{base}school/{school.urn}/",
        "communities": f"{base}communities/",
        "community": f"{base}communities/{community.slug}/",
        "school_name": school.name,
    }


ROUTES = ["results", "school", "communities", "community"]


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("prefix", ["", "/ur"], ids=["en", "ur"])
def test_routes_have_no_axe_violations(page, finder_urls, axe, route, prefix):
    response = page.goto(prefix + finder_urls[route], wait_until="load")
    assert response.status == 200
    assert page.locator("h1").count() == 1
    if prefix:
        assert page.evaluate("document.documentElement.dir") == "rtl"
    axe.assert_no_violations(page)


def test_search_works_without_javascript(page_without_js, finder_urls):
    page = page_without_js
    page.goto(finder_urls["finder"])
    page.get_by_label("School name, town or postcode").fill("demo")
    page.locator("form.hub-school-search").get_by_role("button", name="Search").click()
    page.wait_for_url("**?q=demo**")
    results = page.locator(".hub-school-results h3 a")
    assert results.count() == 20, "the first page of results"
    page.locator(".govuk-pagination a[rel=next]").click()
    page.wait_for_url("**page=2**")
    assert page.locator(".hub-school-results h3 a").count() >= 1
    page.locator(".hub-school-results h3 a").first.click()
    assert page.locator("h2", has_text="SEND Information Report").count() == 1


def test_autocomplete_with_the_keyboard(page, finder_urls, axe, screenshot):
    page.goto(finder_urls["finder"])
    # The finder's own box (the site header has a search combobox too).
    finder = page.locator("form.hub-school-search")
    box = finder.get_by_role("combobox", name="School name, town or postcode")
    box.focus()
    page.keyboard.type("oakwood", delay=30)
    listbox = finder.get_by_role("listbox")
    listbox.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    options = finder.get_by_role("option")
    assert options.count() >= 1
    assert "Oakwood Demo Primary School" in options.first.inner_text()
    page.wait_for_function(
        "() => document.querySelector('form.hub-school-search [role=status]')"
        ".textContent.includes('found')"
    )
    axe.assert_no_violations(page)
    screenshot(finder.locator(".hub-autocomplete"), "en-gb-school-autocomplete")

    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/school/**")
    assert page.locator("h1").inner_text() == "Oakwood Demo Primary School"


def test_enter_without_a_choice_submits_the_full_search(page, finder_urls):
    page.goto(finder_urls["finder"])
    box = page.locator("form.hub-school-search").get_by_role("combobox")
    box.fill("ashford")
    box.press("Enter")
    page.wait_for_url("**?q=ashford**")
    assert page.locator(".hub-school-results h3 a").count() >= 1
