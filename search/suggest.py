"""Suggestions for the site search box's autocomplete: school and service names as JSON.

Used by static_src/js/site-search-autocomplete.mjs while someone types in a search box; without
JavaScript the box is a plain search form and this view is never called.

GET /search/suggest/?q=<text>[&lang=<code>] ->
    {"results": [{"label": ..., "url": ..., "type": "school" | "service", "type_label": ...}]}

Open schools and listed (active or temporarily closed) live services, in the active language
(or `lang`, which the script sends from <html lang>) with the default language as fallback.
Names starting with what was typed come first, then names containing every word typed; at most
eight. Two queries, whatever the amount of data: one for schools, one for services. The
addresses of the school finder and Local Offer pages are cached for a few minutes.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from local_offer.models import LISTED_STATUSES, LocalOfferPage, Service
from schools.models import School, SchoolFinderPage
from schools.text import fold
from search.query import clean_query

MAX_RESULTS = 8
MIN_CHARACTERS = 2
MAX_WORDS = 6
TARGETS_CACHE_SECONDS = 5 * 60


def _language(request: HttpRequest) -> str:
    requested = request.GET.get("lang", "")
    known = {code for code, _name in settings.LANGUAGES}
    return requested if requested in known else (translation.get_language() or "")


def _targets(request: HttpRequest, language: str) -> dict:
    """The locale ids to search (active first) and where schools and services live."""
    key = f"search:suggest:targets:{language}:{request.get_host()}"
    targets = cache.get(key)
    if targets is not None:
        return targets
    default = Locale.get_default()
    try:
        active = Locale.objects.get_for_language(language)
    except Locale.DoesNotExist:
        active = default
    locale_ids = [active.pk] if active.pk == default.pk else [active.pk, default.pk]
    targets = {"locale_ids": locale_ids}
    for name, model in (("schools", SchoolFinderPage), ("services", LocalOfferPage)):
        pages = {
            page.locale_id: page for page in model.objects.live().filter(locale_id__in=locale_ids)
        }
        page = pages.get(active.pk) or pages.get(default.pk)
        targets[name] = page.get_url(request) if page else None
    cache.set(key, targets, TARGETS_CACHE_SECONDS)
    return targets


def _schools(query: str, base_url: str) -> list[tuple[int, str, dict]]:
    words = fold(query).split()
    if not words:
        return []
    folded = " ".join(words)
    schools = (
        School.objects.open()
        .matching(words)
        .annotate(
            rank=Case(
                # search_text begins with the folded name, so this is "the name starts with".
                When(search_text__startswith=folded, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "name", "urn")
        .only("urn", "name", "town")[:MAX_RESULTS]
    )
    label = _("School")
    return [
        (
            school.rank,
            school.name,
            {
                "label": ", ".join(part for part in (school.name, school.town) if part),
                "url": f"{base_url}school/{school.urn}/",
                "type": "school",
                "type_label": label,
            },
        )
        for school in schools
    ]


def _services(query: str, base_url: str, locale_ids: list[int]) -> list[tuple[int, str, dict]]:
    words = query.split()
    condition = Q()
    for word in words:
        condition &= Q(name__icontains=word)
    services = Service.objects.filter(condition, live=True, status__in=LISTED_STATUSES).filter(
        locale_id__in=locale_ids
    )
    if len(locale_ids) > 1:
        # A default-language record whose translation is live is shown by its translation only
        # (matched or not: its English name would be out of place among Polish ones).
        translated = Service.objects.filter(
            translation_key=OuterRef("translation_key"), locale_id=locale_ids[0], live=True
        )
        services = services.exclude(Q(locale_id=locale_ids[1]) & Exists(translated))
    services = (
        services.annotate(
            rank=Case(
                When(name__istartswith=query, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "name", "pk")
        .only("name", "translation_key", "locale_id")[:MAX_RESULTS]
    )
    label = _("Service")
    return [
        (
            service.rank,
            service.name,
            {
                "label": service.name,
                "url": f"{base_url}service/{service.translation_key}/",
                "type": "service",
                "type_label": label,
            },
        )
        for service in services
    ]


@require_GET
def suggest(request: HttpRequest) -> JsonResponse:
    """Up to eight school and service names for the autocomplete (see the module docstring)."""
    query = clean_query(request.GET.get("q", ""), max_words=MAX_WORDS)
    results: list[dict] = []
    if len(query) >= MIN_CHARACTERS:
        language = _language(request)
        with translation.override(language):
            targets = _targets(request, language)
            found = []
            if targets["schools"]:
                found += _schools(query, targets["schools"])
            if targets["services"]:
                found += _services(query, targets["services"], targets["locale_ids"])
        found.sort(key=lambda item: (item[0], item[1].casefold()))
        results = [item[2] for item in found[:MAX_RESULTS]]
    response = JsonResponse({"results": results})
    response["Cache-Control"] = "max-age=300"
    return response
