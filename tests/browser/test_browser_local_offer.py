"""The Local Offer in a real browser: filters without JavaScript keep their state in the
address, service pages pass axe in English and Urdu, and the report-a-problem error summary
passes axe."""

import pytest
from pages import PAGE_TYPES, RTL_LANGUAGE

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def service_path(demo_pages, django_db_blocker):
    """The path of a demo service below the directory page (the IASK entry)."""
    from local_offer.models import Service

    with django_db_blocker.unblock():
        service = Service.objects.published().get(
            name__startswith="Information, Advice and Support Kent"
        )
        key = service.translation_key
    return f"{demo_pages.english['local_offer'].url}service/{key}/"


def test_local_offer_is_a_listed_page_type():
    assert "local_offer" in PAGE_TYPES


def test_filters_work_without_javascript_and_keep_state_in_the_url(page_without_js, demo_pages):
    directory = demo_pages.english["local_offer"].url
    page = page_without_js
    page.goto(directory)
    page.get_by_label("Sensory and/or physical needs", exact=False).check()
    page.get_by_label("Child or young person's age").fill("8")
    page.get_by_label("District").select_option("dover")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state("load")
    assert "area=sensory-physical" in page.url
    assert "age=8" in page.url and "district=dover" in page.url
    # The state is in the address: reloading it shows the same choices and results.
    heading = page.locator("#results-heading").inner_text()
    page.goto(page.url)
    assert page.get_by_label("Child or young person's age").input_value() == "8"
    assert page.locator("input[name=area][value=sensory-physical]").is_checked()
    assert page.locator("#results-heading").inner_text() == heading
    assert page.locator(".hub-local-offer-result").count() > 0


def test_directory_passes_axe_with_filters_and_errors(page, demo_pages, axe):
    page.goto(demo_pages.english["local_offer"].url + "?age=99&area=communication")
    assert page.locator(".govuk-error-summary").is_visible()
    axe.assert_no_violations(page)


@pytest.mark.parametrize("prefix", ["", f"/{RTL_LANGUAGE}"])
def test_service_page_passes_axe(page, service_path, axe, prefix):
    response = page.goto(prefix + service_path)
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert "Last reviewed" in page.locator(".hub-last-reviewed").inner_text()
    if prefix:
        assert page.evaluate("document.documentElement.dir") == "rtl"
    axe.assert_no_violations(page)


def test_report_a_problem_error_summary_passes_axe(page, service_path, axe):
    page.goto(service_path)
    page.get_by_role("link", name="Report a problem with this page").click()
    page.get_by_role("button", name="Send report").click()
    page.wait_for_load_state("load")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "Select what the problem is" in summary.inner_text()
    axe.assert_no_violations(page)
