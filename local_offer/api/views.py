"""The Open Referral UK 3.0 API: the Local Offer's published services as JSON, for other
councils' and the NHS's directories, the ORUK validator and anyone else. Open (no key), read
only, CORS open; bad parameters get a 400 with a JSON error; only live records appear."""

from __future__ import annotations

import datetime
import math
import uuid
from functools import wraps

from django.db.models import Prefetch, Q
from django.http import JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from local_offer.models import (
    Organisation,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
    taxonomy_id,
)

from . import serializers

VERSION = "HSDS-UK-3.0"
PROFILE = "https://openreferraluk.org/"
OPENAPI_URL = "https://openreferraluk.org/specifications/3.0/openapi.json"
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_SEARCH_WORDS = 10


class BadRequest(Exception):
    pass


class NotFound(Exception):
    pass


def _json(data, status=200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def endpoint(view):
    """GET only; errors as JSON with the CORS header, never an HTML error page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = _json({})
            response["Access-Control-Allow-Methods"] = "GET, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
            return response
        if request.method not in ("GET", "HEAD"):
            response = _json({"error": _("Only GET is supported.")}, status=405)
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        try:
            return _json(view(request, *args, **kwargs))
        except BadRequest as error:
            return _json({"error": str(error)}, status=400)
        except NotFound as error:
            return _json({"error": str(error)}, status=404)

    return wrapper


# --- Parameters ---------------------------------------------------------------------------------


def _text(request, name: str, max_length: int = 200) -> str:
    value = request.GET.get(name, "")
    if "\x00" in value or len(value) > max_length:
        raise BadRequest(_("%(name)s is not valid.") % {"name": name})
    return value.strip()


def _integer(request, name: str, default=None, minimum=0, maximum=1000):
    raw = _text(request, name, max_length=12)
    if raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or not minimum <= int(raw) <= maximum:
        raise BadRequest(
            _("%(name)s must be a whole number from %(min)s to %(max)s.")
            % {"name": name, "min": minimum, "max": maximum}
        )
    return int(raw)


def _uuid(raw: str, name: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw)
    except (ValueError, AttributeError, TypeError) as error:
        raise BadRequest(_("%(name)s must be a UUID.") % {"name": name}) from error


def _uuid_param(request, name: str) -> uuid.UUID | None:
    raw = _text(request, name, max_length=40)
    return _uuid(raw, name) if raw else None


def _path_uuid(raw: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw)
    except ValueError as error:
        raise NotFound(_("No record has that id.")) from error


def _datetime_param(request, name: str) -> datetime.datetime | None:
    raw = _text(request, name, max_length=40)
    if not raw:
        return None
    try:
        value = parse_datetime(raw.replace(" ", "+"))
        if value is None:
            day = parse_date(raw)
            value = datetime.datetime.combine(day, datetime.time()) if day else None
    except ValueError:
        value = None
    message = _("%(name)s must be a date or date and time, like 2026-03-03T09:00:00Z.")
    if value is None:
        raise BadRequest(message % {"name": name})
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    try:
        # Compared in UTC, as stored. A time within hours of the first or last moment Python
        # can hold may have no UTC equivalent (SQLite's adapter would raise OverflowError).
        return value.astimezone(datetime.UTC)
    except OverflowError:
        raise BadRequest(message % {"name": name}) from None


def _check_format(request) -> None:
    if _text(request, "format", 10) not in ("", "json"):
        raise BadRequest(_("Only format=json is supported."))


def _search(queryset, request, fields: list[str]):
    for word in _text(request, "search").split()[:MAX_SEARCH_WORDS]:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def paged(request, queryset, serialize) -> dict:
    """ORUK's Page object around one page of `queryset`. Two queries: the count and the page."""
    _check_format(request)
    page = _integer(request, "page", default=1, minimum=1, maximum=1_000_000)
    per_page = _integer(
        request, "per_page", default=DEFAULT_PER_PAGE, minimum=1, maximum=MAX_PER_PAGE
    )
    total = len(queryset) if isinstance(queryset, list) else queryset.count()
    total_pages = max(1, math.ceil(total / per_page))
    start = (page - 1) * per_page
    contents = (
        [serialize(item) for item in queryset[start : start + per_page]] if start < total else []
    )
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


# --- Endpoints ----------------------------------------------------------------------------------


@endpoint
def api_details(request):
    return {"version": VERSION, "profile": PROFILE, "openapi_url": OPENAPI_URL}


def _services():
    return Service.objects.published().select_related("organisation").order_by("name", "pk")


def _service_prefetches():
    return [
        Prefetch("need_types", queryset=TaxonomyTerm.objects.select_related("parent")),
        "categories",
        "districts",
        "delivery_modes",
        "accessibility_features",
        Prefetch(
            "service_at_locations", queryset=ServiceAtLocation.objects.select_related("location")
        ),
        "schedules",
        "cost_options",
        "contacts",
    ]


def _filter_by_taxonomy(queryset, term_id=None, vocabulary_id=None):
    relations = [
        "need_types",
        "categories",
        "districts",
        "delivery_modes",
        "accessibility_features",
    ]
    if term_id:
        condition = Q()
        for relation in relations:
            condition |= Q(
                pk__in=Service.objects.filter(**{f"{relation}__oruk_id": term_id}).values("pk")
            )
        queryset = queryset.filter(condition)
    if vocabulary_id:
        taxonomy = next((t for t in Taxonomy if taxonomy_id(t) == vocabulary_id), None)
        if taxonomy is None:
            return queryset.none()
        condition = Q()
        for relation in relations:
            condition |= Q(
                pk__in=Service.objects.filter(**{f"{relation}__taxonomy": taxonomy}).values("pk")
            )
        queryset = queryset.filter(condition)
    return queryset


@endpoint
def services(request):
    queryset = _search(_services(), request, ["name", "description", "organisation__name"])
    queryset = _filter_by_taxonomy(
        queryset, _uuid_param(request, "taxonomy_term_id"), _uuid_param(request, "taxonomy_id")
    )
    organisation = _uuid_param(request, "organization_id")
    if organisation:
        queryset = queryset.filter(organisation__translation_key=organisation)
    modified_after = _datetime_param(request, "modified_after")
    if modified_after:
        queryset = queryset.filter(last_modified__gt=modified_after)
    # Ages overlap: a service for 5 to 11 matches minimum_age=10 and maximum_age=6 alike.
    minimum_age = _integer(request, "minimum_age", minimum=0, maximum=150)
    if minimum_age is not None:
        queryset = queryset.filter(maximum_age__gte=minimum_age)
    maximum_age = _integer(request, "maximum_age", minimum=0, maximum=150)
    if maximum_age is not None:
        queryset = queryset.filter(minimum_age__lte=maximum_age)
    return paged(request, queryset, serializers.service_flat)


@endpoint
def service(request, service_id):
    found = (
        _services()
        .filter(translation_key=_path_uuid(service_id))
        .prefetch_related(*_service_prefetches())
        .first()
    )
    if found is None:
        raise NotFound(_("No published service has that id."))
    return serializers.service_full(found)


@endpoint
def taxonomies(request):
    _text(request, "search")
    all_taxonomies = [serializers.taxonomy(key) for key in Taxonomy]
    word = _text(request, "search").lower()
    matching = [t for t in all_taxonomies if word in t["name"].lower()] if word else all_taxonomies
    return paged(request, matching, lambda item: item)


@endpoint
def taxonomy(request, taxonomy_uuid):
    wanted = _path_uuid(taxonomy_uuid)
    for key in Taxonomy:
        if taxonomy_id(key) == wanted:
            data = serializers.taxonomy(key)
            terms = TaxonomyTerm.objects.filter(taxonomy=key).select_related("parent")
            data["taxonomy_terms"] = [serializers.taxonomy_term(term) for term in terms]
            return data
    raise NotFound(_("No taxonomy has that id."))


@endpoint
def taxonomy_terms(request):
    queryset = _search(TaxonomyTerm.objects.select_related("parent"), request, ["name", "code"])
    vocabulary = _uuid_param(request, "taxonomy_id")
    if vocabulary:
        key = next((t for t in Taxonomy if taxonomy_id(t) == vocabulary), None)
        queryset = queryset.filter(taxonomy=key) if key else queryset.none()
    parent = _uuid_param(request, "parent_id")
    if parent:
        queryset = queryset.filter(parent__oruk_id=parent)
    if _text(request, "top_only", 10).lower() in ("true", "1"):
        queryset = queryset.filter(parent__isnull=True)
    return paged(
        request, queryset.order_by("taxonomy", "sort_order", "name"), serializers.taxonomy_term
    )


@endpoint
def taxonomy_term(request, term_id):
    term = TaxonomyTerm.objects.select_related("parent").filter(oruk_id=_path_uuid(term_id)).first()
    if term is None:
        raise NotFound(_("No taxonomy term has that id."))
    return serializers.taxonomy_term(term)


def _organisations():
    from wagtail.models import Locale

    return Organisation.objects.filter(live=True, locale_id=Locale.get_default().pk).order_by(
        "name", "pk"
    )


@endpoint
def organizations(request):
    queryset = _search(_organisations(), request, ["name", "description"])
    return paged(request, queryset, serializers.organization)


@endpoint
def organization(request, organization_id):
    org = _organisations().filter(translation_key=_path_uuid(organization_id)).first()
    if org is None:
        raise NotFound(_("No published organisation has that id."))
    services_run = (
        Service.objects.published()
        .filter(organisation=org)
        .order_by("name")
        .only("translation_key", "name")
    )
    return serializers.organization(org, services=list(services_run))


def _service_at_locations():
    return (
        ServiceAtLocation.objects.filter(service__in=Service.objects.published())
        .select_related("service", "location")
        .order_by("service__name", "pk")
    )


@endpoint
def service_at_locations(request):
    queryset = _search(
        _service_at_locations(), request, ["service__name", "location__name", "location__postcode"]
    )
    term = _uuid_param(request, "taxonomy_term_id")
    vocabulary = _uuid_param(request, "taxonomy_id")
    if term or vocabulary:
        matching = _filter_by_taxonomy(Service.objects.all(), term, vocabulary)
        queryset = queryset.filter(service__in=matching)
    organisation = _uuid_param(request, "organization_id")
    if organisation:
        queryset = queryset.filter(service__organisation__translation_key=organisation)
    modified_after = _datetime_param(request, "modified_after")
    if modified_after:
        queryset = queryset.filter(service__last_modified__gt=modified_after)
    postcode = _text(request, "postcode", 10)
    if postcode:
        outward = postcode.upper().replace(" ", "")[:-3] or postcode.upper()
        queryset = queryset.filter(location__postcode__istartswith=outward)
    return paged(request, queryset, serializers.service_at_location)


@endpoint
def service_at_location(request, sal_id):
    found = _service_at_locations().filter(oruk_id=_path_uuid(sal_id)).first()
    if found is None:
        raise NotFound(_("No published service at location has that id."))
    return serializers.service_at_location(found)
