"""The views behind LocalOfferPage's routes: the directory, a service's page and "report a
problem". Parents and professionals use them; every one works without JavaScript and turns bad
input into a message or a 404, never an error page."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from wagtail.models import Locale

from hub.page_cache.remember import remember
from hub.pagination import govuk_pagination

from .directory import FilterOptions, apply_filters, facet_counts, filters_key, listed_services
from .forms import DirectoryFilterForm, ProblemReportForm
from .models import ProblemReport, Service, TaxonomyTerm

PER_PAGE = 20
# Page numbers shown either side of the current one before an ellipsis.
PAGINATION_WINDOW = 1


def _page_number(request, num_pages: int) -> int:
    raw = request.GET.get("page", "1")
    if not raw.isascii() or not raw.isdigit() or len(raw) > 6:
        raise Http404("No such page of results.")
    number = int(raw)
    if not 1 <= number <= num_pages:
        raise Http404("No such page of results.")
    return number


def directory(page, request):
    """The directory: keyword and filters (AND), each option with its count, paged results."""
    options = FilterOptions.load()
    filter_data = {k: v for k, v in request.GET.items() if k != "page"}
    form = DirectoryFilterForm(filter_data or None, options=options)
    values = form.filter_values()
    base = listed_services()
    # Kept until a service is published (or COUNTS_CACHE_SECONDS pass): six aggregate
    # queries over every listed service, the same for everyone choosing the same filters.
    form.set_counts(
        remember(
            "directory-counts:" + filters_key(values),
            lambda: facet_counts(base, values),
            settings.COUNTS_CACHE_SECONDS,
        )
    )
    results = (
        apply_filters(base, values)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("districts", queryset=TaxonomyTerm.objects.order_by("sort_order", "name")),
            Prefetch("delivery_modes", queryset=TaxonomyTerm.objects.order_by("sort_order")),
        )
        .order_by("name", "pk")
    )
    paginator = Paginator(results, PER_PAGE)
    results_page = paginator.page(_page_number(request, paginator.num_pages))
    return page.render(
        request,
        context_overrides={
            "form": form,
            "results": results_page,
            "result_count": paginator.count,
            "pagination": govuk_pagination(request, results_page, window=PAGINATION_WINDOW),
            "filtered": bool(filter_data),
        },
    )


def find_service(page, service_id) -> Service:
    """The live service with this ORUK id, in the page's language if it has been translated."""
    default_locale_id = Locale.get_default().pk
    candidates = list(
        Service.objects.filter(
            translation_key=service_id,
            live=True,
            locale_id__in={page.locale_id, default_locale_id},
        )
        .select_related("organisation")
        .prefetch_related(
            Prefetch("need_types", queryset=TaxonomyTerm.objects.select_related("parent")),
            "districts",
            "delivery_modes",
            "accessibility_features",
            "categories",
            "service_at_locations__location",
            "schedules",
            "cost_options",
            "contacts",
        )
    )
    if not candidates:
        raise Http404("No such service.")
    candidates.sort(key=lambda s: s.locale_id != page.locale_id)
    return candidates[0]


def service_detail(page, request, service_id):
    """A service's page: everything a parent needs to decide and to get in touch."""
    service = find_service(page, service_id)
    areas: dict[int, dict] = {}
    for need in service.need_types.all():
        area = areas.setdefault(need.parent_id, {"area": need.parent, "needs": []})
        area["needs"].append(need)
    return page.render(
        request,
        template="local_offer/service_page.html",
        context_overrides={"service": service, "needs_by_area": list(areas.values())},
    )


def report_problem(page, request, service_id):
    """ "Report a problem with this page": stored for staff, honeypot for bots, error summary for
    people."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    service = (
        Service.objects.filter(translation_key=service_id, live=True).only("pk", "name").first()
    )
    if service is None:
        raise Http404("No such service.")
    form = ProblemReportForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        if not form.is_spam():
            ProblemReport.objects.create(
                service=service,
                service_name=service.name,
                kind=form.cleaned_data["kind"],
                details=form.cleaned_data["details"],
                email=form.cleaned_data["email"],
            )
        return HttpResponseRedirect(
            page.get_url(request) + page.reverse_subpage("report_problem_sent", args=[service_id])
        )
    return page.render(
        request,
        template="local_offer/report_problem.html",
        context_overrides={"service": service, "form": form},
    )


def report_problem_sent(page, request, service_id):
    service = (
        Service.objects.filter(translation_key=service_id, live=True).only("pk", "name").first()
    )
    if service is None:
        raise Http404("No such service.")
    return page.render(
        request,
        template="local_offer/report_problem_sent.html",
        context_overrides={"service": service},
    )
