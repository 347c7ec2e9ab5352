"""The site-wide snippets in the Wagtail admin; the guard on wagtail-localize's snippet lookup."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .localize_lookup import localize_lookup_urls
from .models import CouncilText


class CouncilTextViewSet(SnippetViewSet):
    """The council's name, service name and opening hours, one copy per language. Beside the
    council settings in the Settings menu, where the web team looks for them; translated with
    wagtail-localize's "Translate" action like any other snippet."""

    model = CouncilText
    icon = "site"
    menu_label = _("Council text")
    add_to_settings_menu = True
    list_display = ["council_name", "service_name", "locale"]
    search_backend_name = None  # a handful of rows: plain database search


register_snippet(CouncilTextViewSet)

# wagtail-localize's snippet lookup, answered first with the snippet's chooser rules.
hooks.register("register_admin_urls", localize_lookup_urls, order=-1)
