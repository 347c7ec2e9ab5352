"""Filtering and counting for the directory page, kept apart from the page so the rules are
easy to test and the query count stays fixed: one query for the filter options, one per filter
for its counts, one for the number of results and one (plus prefetches) for the page of results.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from .models import LISTED_STATUSES, ReferralRoute, Service, Taxonomy, TaxonomyTerm

MAX_KEYWORDS = 10

# The filters that have counts, each with how it narrows the services.
FACETS = ("area", "need", "district", "delivery", "referral", "free")


@dataclass
class FilterOptions:
    """The terms offered in the filters, loaded in one query."""

    areas: list[TaxonomyTerm]
    needs: list[TaxonomyTerm]
    districts: list[TaxonomyTerm]
    delivery_modes: list[TaxonomyTerm]

    @classmethod
    def load(cls) -> FilterOptions:
        terms = TaxonomyTerm.objects.filter(
            taxonomy__in=[Taxonomy.SEND_NEED, Taxonomy.DISTRICT, Taxonomy.DELIVERY_MODE]
        ).order_by("sort_order", "name")
        options = cls([], [], [], [])
        for term in terms:
            if term.taxonomy == Taxonomy.SEND_NEED:
                (options.needs if term.parent_id else options.areas).append(term)
            elif term.taxonomy == Taxonomy.DISTRICT:
                options.districts.append(term)
            else:
                options.delivery_modes.append(term)
        return options


def listed_services() -> QuerySet[Service]:
    """Services parents can find: published, in the default language, open or briefly closed."""
    return Service.objects.published().filter(status__in=LISTED_STATUSES)


def _has_term(relation: str, **lookup) -> Exists:
    # Exists() rather than a join, so a service never appears twice in the results.
    through = getattr(Service, relation).through
    return Exists(through.objects.filter(service_id=OuterRef("pk"), **lookup))


def apply_filters(queryset: QuerySet, values: dict, exclude: str | None = None) -> QuerySet:
    """Narrow `queryset` by every chosen filter (AND) except `exclude`.

    `values` holds cleaned form values: term objects for area, need, district and delivery; a
    ReferralRoute value; booleans and integers for the rest.
    """
    keywords = (values.get("q") or "").split()[:MAX_KEYWORDS]
    for word in keywords:
        queryset = queryset.filter(
            Q(name__icontains=word)
            | Q(description__icontains=word)
            | Q(who_it_is_for__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    age = values.get("age")
    if age is not None:
        queryset = queryset.filter(minimum_age__lte=age, maximum_age__gte=age)
    if values.get("area") and exclude != "area":
        queryset = queryset.filter(
            _has_term("need_types", taxonomyterm__parent_id=values["area"].pk)
        )
    if values.get("need") and exclude != "need":
        queryset = queryset.filter(_has_term("need_types", taxonomyterm_id=values["need"].pk))
    if values.get("district") and exclude != "district":
        queryset = queryset.filter(_has_term("districts", taxonomyterm_id=values["district"].pk))
    if values.get("delivery") and exclude != "delivery":
        queryset = queryset.filter(
            _has_term("delivery_modes", taxonomyterm_id=values["delivery"].pk)
        )
    if values.get("referral") and exclude != "referral":
        queryset = queryset.filter(referral_route__in=[values["referral"], ReferralRoute.BOTH])
    if values.get("free") and exclude != "free":
        queryset = queryset.filter(is_free=True)
    return queryset


def filters_key(values: dict) -> str:
    """The chosen filters as a short stable text (terms by id), to keep their counts under."""
    parts = [f"{name}={getattr(value, 'pk', value)}" for name, value in sorted(values.items())]
    return hashlib.sha256("&".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _term_counts(base: QuerySet, relation: str, group_by: str) -> dict[int, int]:
    through = getattr(Service, relation).through
    rows = (
        through.objects.filter(service_id__in=base.values("pk"))
        .values(group_by)
        .annotate(n=Count("service_id", distinct=True))
        .order_by()
    )
    return {row[group_by]: row["n"] for row in rows}


def facet_counts(base: QuerySet, values: dict) -> dict[str, dict]:
    """For each filter, how many results each of its options would give with the other filters
    as they are: the number shown beside the option. One aggregate query per filter."""
    referral_rows = (
        apply_filters(base, values, exclude="referral")
        .values("referral_route")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_route = {row["referral_route"]: row["n"] for row in referral_rows}
    both = by_route.get(ReferralRoute.BOTH, 0)
    return {
        "area": _term_counts(
            apply_filters(base, values, exclude="area"), "need_types", "taxonomyterm__parent_id"
        ),
        "need": _term_counts(
            apply_filters(base, values, exclude="need"), "need_types", "taxonomyterm_id"
        ),
        "district": _term_counts(
            apply_filters(base, values, exclude="district"), "districts", "taxonomyterm_id"
        ),
        "delivery": _term_counts(
            apply_filters(base, values, exclude="delivery"), "delivery_modes", "taxonomyterm_id"
        ),
        "referral": {
            ReferralRoute.SELF: by_route.get(ReferralRoute.SELF, 0) + both,
            ReferralRoute.PROFESSIONAL: by_route.get(ReferralRoute.PROFESSIONAL, 0) + both,
        },
        "free": {True: apply_filters(base, values, exclude="free").filter(is_free=True).count()},
    }
