"""What people search for: a daily tally per query and language (`SearchLog`), and the lists
staff read in the "Search terms" report and the no-results page shows as "popular searches".

Nothing about who searched is kept: only the query text, its language, the day, how many times
it was searched and how many of those found nothing.

Who calls what:
- the results view calls `record_search` once per new search (the first page of results);
- the no-results page calls `popular_searches` for suggestions parents can follow;
- search/reports.py (staff) reads `search_term_rows` for both tables and the CSV downloads.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from .models import SearchLog
from .query import clean_query

logger = logging.getLogger(__name__)

QUERY_MAX_LENGTH = SearchLog._meta.get_field("query").max_length
LANGUAGE_MAX_LENGTH = SearchLog._meta.get_field("language").max_length

# A query must have been searched at least this often in the window before the public
# no-results page suggests it. Something typed once or twice may be a child's name or other
# personal detail; repeated queries are what families in general look for.
POPULAR_MIN_SEARCHES = 3
POPULAR_CACHE_SECONDS = 10 * 60


def normalise(query: str) -> str:
    """The form a query is counted under: the cleaned query (search.query.clean_query) in lower
    case ("  EHCP\tPlan " -> "ehcp plan")."""
    return clean_query(query, lower=True)[:QUERY_MAX_LENGTH].strip()


def _increment(query: str, language: str, date: datetime.date, zero: int) -> int:
    return SearchLog.objects.filter(query=query, language=language, date=date).update(
        searches=F("searches") + 1, zero_results=F("zero_results") + zero
    )


def record_search(query: str, result_count: int, language: str) -> None:
    """Count one search for today. Never raises: logging is not worth a broken results page.

    The usual case (the query was already searched today) is one UPDATE with F() increments,
    so concurrent searches never lose a count. The first search of the day creates the row in
    a savepoint; if another request created it a moment earlier the unique constraint raises
    IntegrityError and the increment is applied to their row instead.
    """
    normalised = normalise(query)
    if not normalised:
        return
    language = (language or "")[:LANGUAGE_MAX_LENGTH]
    zero = 1 if not result_count else 0
    today = timezone.localdate()
    try:
        # The savepoint keeps a failure here from spoiling a transaction the caller is in.
        with transaction.atomic():
            if _increment(normalised, language, today, zero):
                return
            try:
                with transaction.atomic():
                    SearchLog.objects.create(
                        query=normalised,
                        language=language,
                        date=today,
                        searches=1,
                        zero_results=zero,
                    )
            except IntegrityError:
                _increment(normalised, language, today, zero)
    except Exception:  # noqa: BLE001 - the search itself matters more than its tally
        logger.exception("Could not record a search")


def _since(days: int) -> datetime.date:
    """The first day of a window of `days` days ending today (today counts as one)."""
    return timezone.localdate() - datetime.timedelta(days=max(days, 1) - 1)


def popular_searches(limit: int = 5, language: str | None = None, days: int = 30) -> list[str]:
    """The most searched queries of the last `days` days that found something, for the public
    no-results page. A query qualifies when it was searched at least POPULAR_MIN_SEARCHES times
    (see above: privacy) and more than half of those searches found results (so a word that
    only sometimes matches, or stopped matching, is not offered as a way forward). Cached for
    ten minutes; the tally changes slowly."""
    key = f"search:popular:{language or '*'}:{days}:{limit}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    logs = SearchLog.objects.filter(date__gte=_since(days))
    if language:
        logs = logs.filter(language=language)
    queries = list(
        logs.values("query")
        .annotate(total=Sum("searches"), empty=Sum("zero_results"))
        .filter(total__gte=POPULAR_MIN_SEARCHES, total__gt=2 * F("empty"))
        .order_by("-total", "query")
        .values_list("query", flat=True)[:limit]
    )
    cache.set(key, queries, POPULAR_CACHE_SECONDS)
    return queries


@dataclass
class SearchTermRow:
    """One line of the staff report: a query's totals over the chosen window."""

    query: str
    searches: int
    zero_results: int

    @property
    def zero_share(self) -> float:
        """The share of searches that found nothing, from 0 to 1."""
        return self.zero_results / self.searches if self.searches else 0.0


def search_term_rows(days: int = 30, *, zero_only: bool = False, limit: int = 100):
    """Queries of the last `days` days (every language together), most searched first; with
    `zero_only`, only those that found nothing at least once, ordered by how often they did."""
    rows = (
        SearchLog.objects.filter(date__gte=_since(days))
        .values("query")
        .annotate(total=Sum("searches"), empty=Sum("zero_results"))
    )
    if zero_only:
        rows = rows.filter(empty__gt=0).order_by("-empty", "-total", "query")
    else:
        rows = rows.order_by("-total", "query")
    return [
        SearchTermRow(query=row["query"], searches=row["total"], zero_results=row["empty"])
        for row in rows[:limit]
    ]


def searches_total(days: int = 30) -> dict[str, int]:
    """All searches and those that found nothing in the window, for the report's summary."""
    totals = SearchLog.objects.filter(date__gte=_since(days)).aggregate(
        searches=Sum("searches"), zero_results=Sum("zero_results", filter=Q(zero_results__gt=0))
    )
    return {key: value or 0 for key, value in totals.items()}
