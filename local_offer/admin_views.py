"""The review-age report: staff see which services have gone longest without a check."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import REVIEW_DUE_MONTHS, REVIEW_OVERDUE_MONTHS, Service, months_before
from .permissions import restrict_to_provider

BANDS = {
    "current": _("Reviewed in the last 6 months"),
    "due": _("6 to 12 months since review"),
    "overdue": _("Over 12 months since review"),
}


def review_report(request):
    """Staff (and providers, for their own services) see services by how long ago they were
    last reviewed, oldest first, with counts for each band."""
    if not request.user.has_perm("local_offer.change_service"):
        raise PermissionDenied
    today = timezone.localdate()
    due_before = months_before(today, REVIEW_DUE_MONTHS)
    overdue_before = months_before(today, REVIEW_OVERDUE_MONTHS)
    services = restrict_to_provider(request.user, Service.objects.published())
    band_filters = {
        "current": Q(last_reviewed__gte=due_before),
        "due": Q(last_reviewed__lt=due_before, last_reviewed__gte=overdue_before),
        "overdue": Q(last_reviewed__lt=overdue_before),
    }
    counts = services.aggregate(
        **{band: Count("pk", filter=condition) for band, condition in band_filters.items()}
    )
    band = request.GET.get("band", "")
    if band and band not in BANDS:
        raise Http404
    listed = services.filter(band_filters[band]) if band else services
    listed = listed.select_related("organisation").order_by("last_reviewed", "name")
    paginator = Paginator(listed, 50)
    page = paginator.get_page(request.GET.get("p"))
    return render(
        request,
        "local_offer/admin/review_report.html",
        {
            "bands": [
                {"key": key, "label": label, "count": counts[key], "current": key == band}
                for key, label in BANDS.items()
            ],
            "page_obj": page,
            "band": band,
            "today": today,
        },
    )
