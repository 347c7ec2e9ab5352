"""Search in the Wagtail admin."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from hub.admin_access import GuardedSnippetViewSet

from .models import SynonymSet
from .reports import can_view, search_terms_report

# --- Synonym sets (issue 7: synonyms and acronyms) -----------------------------------------------


class SynonymSetViewSet(GuardedSnippetViewSet):
    """Staff keep the words families use for the same thing ("SENCo", "SENDCo" ...) together.
    Changes apply to the next search (search.synonyms caches them until a set is saved)."""

    model = SynonymSet
    icon = "search"
    menu_label = _("Synonym sets")
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]
    search_backend_name = None  # plain database search: synonym sets are not in the index
    add_to_admin_menu = False


register_snippet(SynonymSetViewSet)

# --- Search terms report (issue 7: insight) ------------------------------------------------------


@hooks.register("register_admin_urls")
def register_search_terms_report_url():
    return [path("reports/search-terms/", search_terms_report, name="search_terms_report")]


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchTermsMenuItem(
        _("Search terms"),
        reverse("search_terms_report"),
        name="search-terms",
        icon_name="search",
        order=950,
    )


@hooks.register("construct_reports_menu")
def hide_wagtails_search_terms_report(request, menu_items):
    """wagtail.contrib.search_promotions (kept for promoted results) adds a "Search terms"
    report of its own, read from search hits that nothing on this site records: superusers saw
    two "Search terms" items, one always empty. Only ours stays."""
    wagtails = reverse("wagtailsearchpromotions:search_terms")
    menu_items[:] = [item for item in menu_items if item.url != wagtails]


@hooks.register("register_permissions")
def register_search_log_permission():
    # So the group editor offers "Can view search log" and a group can be given the report.
    return Permission.objects.filter(content_type__app_label="search", codename="view_searchlog")
