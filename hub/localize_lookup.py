"""wagtail-localize's snippet lookup, behind the same door as the snippet's own chooser.

wagtail-localize 1.14 serves /admin/localize/api/snippets/<app>/<model>/[<pk>/] to anyone who can
sign in to the admin, listing each record's name. Its translation editor only uses it to show
the name of a snippet chosen in a page. For most snippets that is harmless, but a subscription's
name is its email address, and a provider should not read another organisation's records.

These addresses are registered ahead of wagtail-localize's own (hub/wagtail_hooks.py, order -1),
so they answer first: they apply the snippet's chooser rules (hub/admin_access.py), then hand
over to wagtail-localize's view unchanged. Remove this module, and its hook, once
wagtail-localize checks permissions itself.
"""

from __future__ import annotations

from django.http import Http404
from django.urls import path
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.views.snippets_api import SnippetViewSet

_listing = SnippetViewSet.as_view({"get": "list"})
_detail = SnippetViewSet.as_view({"get": "retrieve"})


def _checked(view):
    def checked(request, app_label: str, model_name: str, **kwargs):
        try:
            model = get_snippet_model_from_url_params(app_label, model_name)
        except Http404:
            model = None
        check = getattr(getattr(model, "snippet_viewset", None), "check_chooser", None)
        if check is not None:
            check(request, kwargs)
        return view(request, app_label=app_label, model_name=model_name, **kwargs)

    return checked


def localize_lookup_urls() -> list:
    return [
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/",
            _checked(_listing),
            name="localize_snippet_lookup_listing",
        ),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
            _checked(_detail),
            name="localize_snippet_lookup_detail",
        ),
    ]
