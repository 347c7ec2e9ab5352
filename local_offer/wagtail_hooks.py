"""The Local Offer in the CMS: one menu for services, organisations, locations, taxonomy terms,
provider memberships and problem reports, plus the review-age report."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from hub.admin_access import GuardedSnippetViewSet

from .admin_forms import ServiceAdminForm
from .admin_views import review_report
from .models import (
    Location,
    Organisation,
    OrganisationMembership,
    ProblemReport,
    Service,
    TaxonomyTerm,
)
from .permissions import ServicePermissionPolicy, restrict_to_provider


class ServiceViewSet(GuardedSnippetViewSet):
    """Services. Providers see only their organisations' services (see permissions.py): on
    every screen and in the chooser, another organisation's service is not found."""

    model = Service
    icon = "list-ul"
    menu_label = _("Services")
    list_display = ["name", "organisation", "status", "last_reviewed", "live"]
    list_filter = ["status", "organisation", "referral_route", "is_free", "live"]
    search_fields = ["name", "description", "who_it_is_for"]
    ordering = ["name"]
    list_per_page = 50
    edit_handler = ObjectList(Service.panels, base_form_class=ServiceAdminForm)

    @cached_property
    def permission_policy(self):
        return ServicePermissionPolicy(self.model)

    def get_queryset(self, request):
        return restrict_to_provider(
            request.user, Service.objects.select_related("organisation", "locale")
        )

    def visible_records(self, user, queryset):
        return restrict_to_provider(user, queryset)


class OrganisationViewSet(GuardedSnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "email", "live"]
    search_fields = ["name", "description"]


class LocationViewSet(GuardedSnippetViewSet):
    model = Location
    icon = "site"
    menu_label = _("Locations")
    list_display = ["name", "city", "postcode", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name", "city", "postcode"]


class TaxonomyTermViewSet(GuardedSnippetViewSet):
    model = TaxonomyTerm
    icon = "tag"
    menu_label = _("Taxonomy terms")
    list_display = ["name", "code", "taxonomy", "parent"]
    list_filter = ["taxonomy"]
    search_fields = ["name", "code"]


class MembershipViewSet(GuardedSnippetViewSet):
    """Which provider accounts act for which organisation: the Local Offer team decides."""

    model = OrganisationMembership
    chooser_needs_permission = True
    icon = "user"
    menu_label = _("Provider accounts")
    list_display = ["user", "organisation"]
    list_filter = ["organisation"]


class ProblemReportViewSet(GuardedSnippetViewSet):
    """Problems visitors reported. Staff read them here and tick "dealt with". A report can
    carry the reporter's email address, so even its chooser needs the model's permissions."""

    model = ProblemReport
    chooser_needs_permission = True
    icon = "warning"
    menu_label = _("Problem reports")
    list_display = ["service_name", "kind", "created_at", "resolved"]
    list_filter = ["kind", "resolved"]
    search_fields = ["service_name", "details"]
    panels = ["resolved"]
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return ProblemReport.objects.all()


class LocalOfferGroup(SnippetViewSetGroup):
    menu_label = _("Local Offer")
    menu_icon = "list-ul"
    menu_order = 250
    items = (
        ServiceViewSet,
        OrganisationViewSet,
        LocationViewSet,
        TaxonomyTermViewSet,
        MembershipViewSet,
        ProblemReportViewSet,
    )


register_snippet(LocalOfferGroup)


@hooks.register("register_admin_urls")
def register_review_report_url():
    return [path("reports/local-offer-reviews/", review_report, name="local_offer_review_report")]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("local_offer.change_service")


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Local Offer review dates"),
        reverse("local_offer_review_report"),
        name="local-offer-reviews",
        icon_name="date",
        order=900,
    )
