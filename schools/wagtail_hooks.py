"""The CMS side of schools: the schools and Communities of Schools snippets (grouped under a
"Schools" menu) and the report-link health dashboard."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from hub.admin_access import GuardedSnippetViewSet
from schools.admin_views import LinkHealthView, can_see_dashboard
from schools.models import CommunityOfSchools, School


class SchoolViewSet(GuardedSnippetViewSet):
    """Staff find a school, then add its report link, SENCo and community."""

    model = School
    icon = "home"
    menu_label = _("Schools")
    list_display = ["name", "urn", "town", "community", "last_check_status", "last_checked_at"]
    list_filter = ["closed", "phase", "district", "community", "last_check_status"]
    list_per_page = 50
    search_fields = ["name", "town", "postcode"]
    # Staff look schools up by name, town or postcode: a plain database filter, so the admin list
    # includes closed schools (which the site search leaves out) and needs no index rebuild.
    search_backend_name = None
    ordering = ["name"]
    add_to_admin_menu = False

    def get_queryset(self, request):
        return School.objects.select_related("community")


class CommunityOfSchoolsViewSet(GuardedSnippetViewSet):
    model = CommunityOfSchools
    icon = "group"
    menu_label = _("Communities of Schools")
    list_display = ["name", "area", "primary_care_network"]
    list_filter = ["area"]
    search_fields = ["name", "area", "primary_care_network"]
    search_backend_name = None
    add_to_admin_menu = False


class SchoolsGroup(SnippetViewSetGroup):
    items = (SchoolViewSet, CommunityOfSchoolsViewSet)
    menu_icon = "home"
    menu_label = _("Schools")
    menu_name = "schools"
    menu_order = 250


@hooks.register("register_admin_viewset")
def register_viewsets():
    return SchoolsGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("schools/link-health/", LinkHealthView.as_view(), name="schools_link_health")]


class LinkHealthMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_dashboard(request.user)


@hooks.register("register_admin_menu_item")
def register_link_health_menu_item():
    return LinkHealthMenuItem(
        _("Report link health"),
        reverse("schools_link_health"),
        name="schools-link-health",
        icon_name="link",
        order=260,
    )
