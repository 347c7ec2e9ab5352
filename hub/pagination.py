"""The links the GOV.UK pagination component needs, for any paged list on the public site."""

from django.core.paginator import Page as PaginatorPage
from django.http import HttpRequest


def govuk_pagination(request: HttpRequest, page: PaginatorPage, window: int = 1) -> dict | None:
    """Previous, next and numbered links (with ellipses for long runs), or None for one page.

    Every link keeps the request's other parameters, so search terms and filters stay in the URL.
    """
    current, last = page.number, page.paginator.num_pages
    if last <= 1:
        return None

    def href(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return "?" + query.urlencode()

    shown = {1, last, *range(current - window, current + window + 1)}
    items, previous = [], 0
    for number in sorted(n for n in shown if 1 <= n <= last):
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": href(number), "current": number == current})
        previous = number
    return {
        "items": items,
        "previous": href(current - 1) if page.has_previous() else None,
        "next": href(current + 1) if page.has_next() else None,
    }
