"""The site search results page (/search/, /pl/search/ ...): used by parents and carers, young
people and SENCos from the search box in every page's header. Works without JavaScript; with it,
the box also suggests school and service names (search/suggest.py).

Any input gives a page, never a server error: the query is cleaned and capped in search.query,
the page number and type are checked here. A query without a single word in it (only spaces,
punctuation or emoji) gets a GOV.UK error message on the search box (search.forms). The page is
not for search engines (noindex).
"""

from __future__ import annotations

import logging

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from hub.pagination import govuk_pagination
from search.forms import SiteSearchForm
from search.insights import popular_searches, record_search
from search.query import RESULT_TYPES, SearchOutcome, clean_query, site_search
from search.snippets import highlight
from search.synonyms import words

logger = logging.getLogger(__name__)

PER_PAGE = 10
MAX_PAGE = 1000

TYPE_LABELS = {
    "page": _("Information"),
    "service": _("Service"),
    "school": _("School"),
    "community": _("Community of Schools"),
    "consultation": _("Consultation"),
    "update": _("You said, we did"),
}
TYPE_FILTER_LABELS = {
    "page": _("Information"),
    "service": _("Services"),
    "school": _("Schools"),
    "community": _("Communities of Schools"),
    "consultation": _("Consultations"),
    "update": _("You said, we did"),
}


def _page_number(raw: str | None) -> int:
    if raw and raw.isascii() and raw.isdigit() and len(raw) <= 4:
        return min(max(1, int(raw)), MAX_PAGE)
    return 1


def _filter_links(query: str, outcome: SearchOutcome, result_type: str | None) -> list[dict]:
    links = [
        {
            "label": _("All results"),
            "count": sum(outcome.counts.values()),
            "href": "?" + urlencode({"q": query}),
            "current": result_type is None,
        }
    ]
    for kind in RESULT_TYPES:
        if outcome.counts.get(kind):
            links.append(
                {
                    "label": TYPE_FILTER_LABELS[kind],
                    "count": outcome.counts[kind],
                    "href": "?" + urlencode({"q": query, "type": kind}),
                    "current": result_type == kind,
                }
            )
    return links


def _record(query: str, total: int, language: str) -> None:
    try:
        record_search(query, total, language)
    except Exception:  # logging a search must never break the results page
        logger.exception("Could not record a search")


def _popular(language: str) -> list[str]:
    try:
        return popular_searches(limit=5, language=language)
    except Exception:
        logger.exception("Could not read popular searches")
        return []


def _local_offer_page():
    from wagtail.models import Locale

    from local_offer.models import LocalOfferPage

    pages = sorted(
        LocalOfferPage.objects.live().filter(
            locale_id__in={Locale.get_active().pk, Locale.get_default().pk}
        ),
        key=lambda page: page.locale_id != Locale.get_active().pk,
    )
    return pages[0] if pages else None


# Never from the page cache (or a CDN): each search is counted for the staff's Search terms
# report, which a cached copy would skip.
@cache_control(private=True)
@require_safe
def results(request: HttpRequest) -> HttpResponse:
    """Search box, counts by type with filter links, a page of results with highlighted
    snippets, and, when nothing is found, a spelling suggestion and other ways to find help."""
    query = clean_query(request.GET.get("q", ""))
    result_type = request.GET.get("type")
    if result_type not in RESULT_TYPES:
        result_type = None
    language = translation.get_language() or ""
    # Bound only when a search was asked for, so /search/ on its own shows no error.
    form = SiteSearchForm(request.GET) if "q" in request.GET else None
    context: dict = {
        "query": query,
        "result_type": result_type,
        "searched": False,
        "form": form,
    }

    if form is not None and form.is_valid():
        number = _page_number(request.GET.get("page"))
        outcome = site_search(
            query, language=language, result_type=result_type, page=number, per_page=PER_PAGE
        )
        terms = [tuple(words(term)) for term in outcome.terms]
        total_shown = outcome.total + len(outcome.promoted)
        if number == 1 and result_type is None:
            _record(query, total_shown, language)
        paged = Paginator(range(outcome.total), PER_PAGE).get_page(number)
        context.update(
            searched=True,
            outcome=outcome,
            total=total_shown,
            promoted=[_display(hit, terms) for hit in outcome.promoted],
            hits=[_display(hit, terms) for hit in outcome.hits],
            filters=_filter_links(query, outcome, result_type),
            pagination=govuk_pagination(request, paged),
            first_number=(paged.number - 1) * PER_PAGE + 1,
            suggestion_href="?" + urlencode({"q": outcome.suggestion})
            if outcome.suggestion
            else "",
        )
        if total_shown == 0:
            context.update(popular=_popular(language), local_offer_page=_local_offer_page())
    response = render(request, "search/results.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def _display(hit, terms) -> dict:
    return {
        "hit": hit,
        "type_label": TYPE_LABELS.get(hit.type, ""),
        "snippet": highlight(hit.snippet, terms),
    }
