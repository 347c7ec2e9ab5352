"""Where results come from: one function per kind of result, each making exactly one search
query (plus nothing per result), returning candidates in the backend's order of relevance.

Filters used here are all declared as FilterFields on the models, so the same code runs on the
database backend and on Elasticsearch, and every filter is applied by the backend before the
MAX_PER_TYPE cut (never in Python afterwards, where it would drop results from the counts).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import SearchQuery

from hub.models import BasePage
from search.query import Hit

# Candidates fetched per kind of result. Families do not page past a few pages; the counts shown
# are exact up to this number.
MAX_PER_TYPE = 200


@dataclass
class Scope:
    """The languages a search runs in: the visitor's first, then the default for anything not
    translated yet."""

    language: str
    default_language: str
    active_locale_id: int
    default_locale_id: int

    @property
    def locale_ids(self) -> list[int]:
        return list(dict.fromkeys([self.active_locale_id, self.default_locale_id]))


def _search(query: SearchQuery, queryset, limit: int = MAX_PER_TYPE):
    """One search query on the configured backend: the best `limit` matches, best first."""
    return get_search_backend().search(query, queryset)[:limit]


@dataclass
class Candidate:
    """A hit plus what merging needs: a key shared by the translations of the same thing, and
    whether it is in the visitor's language.

    Working out a URL costs more than everything else about a result, so `locate` is kept and
    called only for the results on the page being shown (see `resolve_url`)."""

    hit: Hit
    key: str
    in_active_language: bool
    position: int  # 0 for the backend's best match of this kind
    locate: Callable[[], str] | None = None
    # In the visitor's language tree, even if its text is still the original (an alias): when
    # no copy is translated, this one keeps the visitor at addresses in their language.
    at_visitor_address: bool = False

    def resolve_url(self) -> Hit:
        if self.locate is not None:
            self.hit.url = self.locate() or ""
            self.locate = None
        return self.hit


def _summary_annotation():
    """Every page type keeps its summary in its own table; one Coalesce of per-type subqueries
    reads it for any page in the same query that finds the page."""
    models = [
        model
        for model in apps.get_models()
        if issubclass(model, BasePage) and not model._meta.abstract and not model._meta.proxy
    ]
    subqueries = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values("summary")[:1]) for model in models
    ]
    return Coalesce(*subqueries, Value(""), output_field=CharField())


def _special_page_types() -> dict[str, type[Page]]:
    from consultations.models import ConsultationPage
    from you_said_we_did.models import UpdatePage

    return {"consultation": ConsultationPage, "update": UpdatePage}


def page_queryset(scope: Scope, model: type[Page] = Page, include_special: bool = False):
    """Live, public pages of `model` in the visitor's language or the default, with summaries.
    Plain `Page` means every page except consultations and updates, unless `include_special`."""
    queryset = (
        model.objects.live()
        .public()
        .filter(depth__gt=1, locale_id__in=scope.locale_ids)
        .annotate(search_summary=_summary_annotation())
    )
    if model is Page and not include_special:
        special = ContentType.objects.get_for_models(*_special_page_types().values()).values()
        queryset = queryset.exclude(content_type__in=[ct.pk for ct in special])
    return queryset


PAGE_RESULT_TYPES = ("page", "consultation", "update")


def page_type_of(page: Page) -> str:
    """The result type of any page: consultations and updates are their own kinds."""
    for result_type, model in _special_page_types().items():
        if page.content_type_id == ContentType.objects.get_for_model(model).pk:
            return result_type
    return "page"


def page_candidate(page: Page, scope: Scope, result_type: str, position: int) -> Candidate:
    in_active = page.locale_id == scope.active_locale_id
    # A copy that is still an alias of the default-language page shows default-language content.
    content_in_default = not in_active or (
        page.alias_of_id is not None and scope.active_locale_id != scope.default_locale_id
    )
    return Candidate(
        hit=Hit(
            type=result_type,
            title=page.title,
            url="",  # see Candidate.locate
            snippet=getattr(page, "search_summary", "") or "",
            language=scope.default_language if content_in_default else "",
        ),
        key=f"page:{page.translation_key}",
        in_active_language=in_active and page.alias_of_id is None,
        position=position,
        locate=page.get_url,
        at_visitor_address=in_active,
    )


def search_pages(query: SearchQuery, scope: Scope, routes: dict) -> dict[str, list[Candidate]]:
    """Information pages, guides, ambitions, the directory and finder pages themselves, and
    consultations and updates, which are results of their own kinds: one search for all of them
    (each search costs a query and its compilation), split by kind afterwards."""
    limit = MAX_PER_TYPE * len(PAGE_RESULT_TYPES)
    results = _search(query, page_queryset(scope, include_special=True), limit)
    found: dict[str, list[Candidate]] = {kind: [] for kind in PAGE_RESULT_TYPES}
    for page in results:
        kind = page_type_of(page)
        if len(found[kind]) < MAX_PER_TYPE:
            found[kind].append(page_candidate(page, scope, kind, len(found[kind])))
    return found


SERVICE_FIELDS = (
    "translation_key",
    "locale_id",
    "name",
    "description",
    "organisation__name",
)


def search_services(query: SearchQuery, scope: Scope, routes: dict) -> dict[str, list[Candidate]]:
    """Local Offer services that parents can see: live, open or briefly closed."""
    from local_offer.models import LISTED_STATUSES, Service

    directory = routes.get("service")
    if directory is None:
        return {"service": []}
    # Only what a result shows: services are wide rows, and 200 of them are read per search.
    results = (
        Service.objects.filter(
            live=True, status__in=LISTED_STATUSES, locale_id__in=scope.locale_ids
        )
        .select_related("organisation")
        .only(*SERVICE_FIELDS)
    )
    results = _search(query, results)
    candidates = []
    for position, service in enumerate(results):
        in_active = service.locale_id == scope.active_locale_id
        candidates.append(
            Candidate(
                hit=Hit(
                    type="service",
                    title=service.name,
                    url="",  # see Candidate.locate
                    snippet=service.description,
                    language="" if in_active else scope.default_language,
                    meta=service.organisation.name,
                ),
                key=f"service:{service.translation_key}",
                in_active_language=in_active,
                position=position,
                locate=_route(directory, "service", service.translation_key),
            )
        )
    return {"service": candidates}


def search_schools(query: SearchQuery, scope: Scope, routes: dict) -> dict[str, list[Candidate]]:
    """Open schools (closed ones stay in the data for history but are never found)."""
    from schools.models import School

    finder = routes.get("school")
    if finder is None:
        return {"school": []}
    results = School.objects.filter(closed=False).select_related("community")
    results = _search(query, results)
    candidates = []
    for position, school in enumerate(results):
        details = [school.phase if school.phase != "Not applicable" else "", school.town]
        summary = ", ".join(
            part
            for part in (
                school.establishment_type,
                school.town,
                school.postcode,
                school.community.name if school.community else "",
            )
            if part
        )
        candidates.append(
            Candidate(
                hit=Hit(
                    type="school",
                    title=school.name,
                    url="",  # see Candidate.locate
                    snippet=summary,
                    meta=", ".join(part for part in details if part),
                ),
                key=f"school:{school.urn}",
                in_active_language=True,
                position=position,
                locate=_route(finder, "school", school.urn),
            )
        )
    return {"school": candidates}


def search_communities(
    query: SearchQuery, scope: Scope, routes: dict
) -> dict[str, list[Candidate]]:
    from schools.models import CommunityOfSchools

    finder = routes.get("school")
    if finder is None:
        return {"community": []}
    results = _search(query, CommunityOfSchools.objects.all())
    candidates = [
        Candidate(
            hit=Hit(
                type="community",
                title=community.name,
                url="",  # see Candidate.locate
                snippet=community.description,
                meta=", ".join(p for p in (community.area, community.primary_care_network) if p),
            ),
            key=f"community:{community.pk}",
            in_active_language=True,
            position=position,
            locate=_route(finder, "community", community.slug),
        )
        for position, community in enumerate(results)
    ]
    return {"community": candidates}


# Each source makes one search and returns its candidates by kind of result.
SOURCES = [search_pages, search_services, search_schools, search_communities]


def route_pages(scope: Scope) -> dict[str, Page]:
    """The addresses services and schools hang off: the Local Offer page and the school finder
    in the visitor's language (or the default). Two queries, whatever the results."""
    from local_offer.models import LocalOfferPage
    from schools.models import SchoolFinderPage

    bases = {}
    for result_type, model in (("service", LocalOfferPage), ("school", SchoolFinderPage)):
        pages = sorted(
            model.objects.live().filter(locale_id__in=scope.locale_ids),
            key=lambda page: page.locale_id != scope.active_locale_id,
        )
        if pages:
            bases[result_type] = pages[0]
    return bases


def _route(page, route: str, argument) -> Callable[[], str]:
    """The URL of one of `page`'s routes (a service, a school), worked out when asked for."""
    return lambda: (page.get_url() or "") + page.reverse_subpage(route, args=[argument])
