"""The "Search terms" report in the Wagtail admin (Reports menu): what people searched for over
the last 7, 30 or 90 days, the most searched first, and the searches that found nothing. Content
and comms staff use it to spot missing pages, services and synonyms. CSV downloads of both lists.

Open to superusers and to groups given "Can view search log" (`search.view_searchlog`).
"""

from __future__ import annotations

import csv

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hub.spreadsheets import safe_cell

from .insights import search_term_rows, searches_total

PERMISSION = "search.view_searchlog"
PERIODS = {
    7: gettext_lazy("Last 7 days"),
    30: gettext_lazy("Last 30 days"),
    90: gettext_lazy("Last 90 days"),
}
DEFAULT_DAYS = 30
ROWS_SHOWN = 100
ROWS_DOWNLOADED = 5_000


def can_view(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def _days(request: HttpRequest) -> int:
    raw = request.GET.get("days", "")
    return int(raw) if raw in {str(days) for days in PERIODS} else DEFAULT_DAYS


def search_terms_report(request: HttpRequest) -> HttpResponse:
    """The report page, or one of its lists as CSV (`?download=popular` or `zero-results`)."""
    if not can_view(request.user):
        # A real 403 (in the admin's frame), not Wagtail's redirect to the dashboard: a CSV link
        # followed without permission should fail plainly, and a 403 is what it is.
        return render(request, "search/admin/forbidden.html", status=403)
    days = _days(request)
    download = request.GET.get("download")
    if download in ("popular", "zero-results"):
        return _csv(days, zero_only=download == "zero-results")
    totals = searches_total(days)
    return render(
        request,
        "search/admin/search_terms.html",
        {
            "days": days,
            "periods": list(PERIODS.items()),
            "popular": search_term_rows(days, limit=ROWS_SHOWN),
            "zero_results": search_term_rows(days, zero_only=True, limit=ROWS_SHOWN),
            "totals": totals,
            "rows_shown": ROWS_SHOWN,
        },
    )


def _csv(days: int, *, zero_only: bool) -> HttpResponse:
    rows = search_term_rows(days, zero_only=zero_only, limit=ROWS_DOWNLOADED)
    name = "zero-result-searches" if zero_only else "popular-searches"
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{days}-days-{stamp}.csv"'
    response.write("\ufeff")  # so Excel reads UTF-8 (Polish, Urdu, Arabic queries) correctly
    writer = csv.writer(response)
    if zero_only:
        writer.writerow([_("Search"), _("Times it found nothing"), _("Searches")])
        for row in rows:
            writer.writerow([safe_cell(row.query), row.zero_results, row.searches])
    else:
        writer.writerow([_("Search"), _("Searches"), _("Share with no results (%)")])
        for row in rows:
            writer.writerow([safe_cell(row.query), row.searches, round(row.zero_share * 100)])
    return response
