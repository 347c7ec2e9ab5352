"""The staff dashboard of SEND Information Report link health (Wagtail admin: Schools →
Report link health), its CSV export and the "check all links now" button. Used by SEND and
school-improvement staff who chase schools whose report link is missing or broken."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from hub.spreadsheets import safe_cell
from schools.models import LinkCheck, LinkStatus, School

HEALTH_COLUMNS = [
    ("working", gettext_lazy("Working")),
    ("broken", gettext_lazy("Broken")),
    ("timed_out", gettext_lazy("Timed out")),
    ("not_checked", gettext_lazy("Not checked yet")),
    ("no_link", gettext_lazy("No report link")),
]


def can_see_dashboard(user) -> bool:
    return user.has_perm("schools.view_school") or user.has_perm("schools.change_school")


def health_by(group_field: str) -> list[dict]:
    """Open schools' report-link health counted per value of `group_field`, in one query."""
    has_link = ~Q(report_url="")
    return list(
        School.objects.open()
        .values(group=F(group_field))
        .annotate(
            total=Count("pk"),
            working=Count("pk", filter=has_link & Q(last_check_status=LinkStatus.WORKING)),
            broken=Count("pk", filter=has_link & Q(last_check_status=LinkStatus.BROKEN)),
            timed_out=Count("pk", filter=has_link & Q(last_check_status=LinkStatus.TIMED_OUT)),
            not_checked=Count("pk", filter=has_link & Q(last_check_status=LinkStatus.NOT_CHECKED)),
            no_link=Count("pk", filter=~has_link),
        )
        .order_by("group")
    )


class LinkHealthView(WagtailAdminTemplateMixin, TemplateView):
    """Report-link health by Community of Schools and by district, with the latest checks."""

    template_name = "schools/admin/link_health.html"
    page_title = gettext_lazy("Report link health")
    header_icon = "link"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_dashboard(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return export_csv()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        """Queue a check of every open school's link for the background worker."""
        if not request.user.has_perm("schools.change_school"):
            raise PermissionDenied
        from schools.tasks import check_report_links

        check_report_links.enqueue()
        messages.success(
            request, _("The link check has been queued. Results appear here when it finishes.")
        )
        return redirect(reverse("schools_link_health"))

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "columns": HEALTH_COLUMNS,
                "by_community": health_by("community__name"),
                "by_district": health_by("district"),
                "problems": School.objects.open()
                .filter(last_check_status__in=[LinkStatus.BROKEN, LinkStatus.TIMED_OUT])
                .exclude(report_url="")
                .select_related("community")
                .order_by("community__name", "name")[:200],
                "latest_check": LinkCheck.objects.order_by("-checked_at")
                .values_list("checked_at", flat=True)
                .first(),
                "can_check": self.request.user.has_perm("schools.change_school"),
            }
        )
        return context


def export_csv() -> HttpResponse:
    """Every open school's report link and its last check, one row per school."""
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="report-link-health-{stamp}.csv"'
    response.write("\ufeff")  # so Excel reads the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [
            _("URN"),
            _("School"),
            _("District"),
            _("Community of Schools"),
            _("SEND Information Report"),
            _("Result"),
            _("HTTP status"),
            _("Last checked"),
        ]
    )
    labels = dict(LinkStatus.choices)
    schools = School.objects.open().select_related("community").order_by("district", "name")
    for school in schools.iterator(chunk_size=500):
        status = school.last_check_status if school.report_url else LinkStatus.MISSING
        checked = (
            timezone.localtime(school.last_checked_at).strftime("%Y-%m-%d %H:%M")
            if school.last_checked_at
            else ""
        )
        writer.writerow(
            [
                safe_cell(value)
                for value in (
                    school.urn,
                    school.name,
                    school.district,
                    school.community.name if school.community else "",
                    school.report_url,
                    labels[status],
                    school.last_check_status_code or "",
                    checked,
                )
            ]
        )
    return response
