from django.core.paginator import Paginator
from django.test import RequestFactory

from hub.pagination import govuk_pagination


def links(path: str, page_number: int, pages: int = 10):
    request = RequestFactory().get(path)
    return govuk_pagination(request, Paginator(range(pages * 10), 10).page(page_number))


def test_one_page_needs_no_pagination():
    assert links("/", 1, pages=1) is None


def test_links_keep_the_search_and_filters_and_elide_long_runs():
    result = links("/find-support/?q=autism&district=thanet&page=5", 5)
    numbers = [item.get("number", "…") for item in result["items"]]
    assert numbers == [1, "…", 4, 5, 6, "…", 10]
    assert result["previous"] == "?q=autism&district=thanet&page=4"
    assert result["next"] == "?q=autism&district=thanet&page=6"
    assert [item["current"] for item in result["items"] if "number" in item] == [
        False, False, True, False, False,
    ]  # fmt: skip


def test_first_and_last_pages_have_no_previous_or_next():
    assert links("/?page=1", 1)["previous"] is None
    assert links("/?page=10", 10)["next"] is None
