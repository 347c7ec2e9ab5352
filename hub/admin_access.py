"""Who may reach a snippet's admin screens: checked once, in front of every screen.

Wagtail checks permissions view by view, and a few of its snippet views check none at all (the
workflow cancellation dialog), or only model-wide ones (usage, revision comparison), and every
chooser lists every record to anyone who can sign in. Fine for ambitions or taxonomy terms; not
for subscribers' email addresses, or for one provider's services seen by another. A snippet
viewset built on `GuardedSnippetViewSet` gets, on every one of its screens and its chooser:

- staff with none of the model's permissions are refused (its chooser too, for records marked
  `chooser_needs_permission`: those holding personal data);
- records the user may not see (`visible_records`) are "not found", whatever the screen.

The roles this serves are described in docs/decisions/0014-roles-and-permissions.md and pinned
by tests/unit/hub/test_permissions.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet

# Any one of these on the model lets a user reach its screens; each screen then checks its own.
MODEL_ACTIONS = ("add", "change", "delete", "view", "publish", "lock", "unlock")


def _guard(view: Callable, check: Callable) -> Callable:
    @wraps(view)
    def guarded(request, *args, **kwargs):
        check(request, kwargs)
        return view(request, *args, **kwargs)

    return guarded


class VisibleRecordsMixin:
    """For the chooser's listing views: only the records the user may see are offered."""

    def get_object_list(self):
        objects = super().get_object_list()
        visible = self.model_class.snippet_viewset.visible_records(self.request.user, objects)
        return objects if visible is None else visible


class GuardedChooseView(VisibleRecordsMixin, chooser.ChooseView):
    pass


class GuardedChooseResultsView(VisibleRecordsMixin, chooser.ChooseResultsView):
    pass


class GuardedChooserCreateView(chooser.SnippetCreateView):
    """A snippet chooser offers no form to create a record, yet Wagtail still serves its
    "create" address (and fails on a POST to it): refused instead."""

    def dispatch(self, request, *args, **kwargs):
        if self.get_creation_form_class() is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GuardedChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = GuardedChooseView
    choose_results_view_class = GuardedChooseResultsView
    create_view_class = GuardedChooserCreateView

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        return _guard(view, self.model.snippet_viewset.check_chooser)


class GuardedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose screens and chooser are refused to staff without any of the
    model's permissions, and whose records outside `visible_records` are not found."""

    chooser_viewset_class = GuardedChooserViewSet
    #: True for records holding personal data: their chooser (and wagtail-localize's lookup,
    #: see hub/localize_lookup.py) needs the model's permissions too.
    chooser_needs_permission = False

    def visible_records(self, user, queryset: QuerySet) -> QuerySet | None:
        """The records `user` may see, or None when they may see every one."""
        return None

    def may_use_screens(self, user) -> bool:
        return self.permission_policy.user_has_any_permission(user, MODEL_ACTIONS)

    def check_screen(self, request, kwargs) -> None:
        if not self.may_use_screens(request.user):
            raise PermissionDenied
        if "pk" in kwargs:
            self.check_records(request.user, [kwargs["pk"]])

    def check_chooser(self, request, kwargs) -> None:
        if self.chooser_needs_permission and not self.may_use_screens(request.user):
            raise PermissionDenied
        self.check_records(request.user, [kwargs["pk"]] if "pk" in kwargs else [])
        self.check_records(request.user, request.GET.getlist("id"))

    def check_records(self, user, pks: Iterable[str]) -> None:
        """Not found, as if it did not exist, when any of `pks` is a record the user may not
        see. Unknown or malformed keys are left to the screen itself to turn down."""
        pks = list(pks)
        if not pks:
            return
        try:
            asked = self.model._default_manager.filter(pk__in=pks)
            visible = self.visible_records(user, asked)
            if visible is not None and visible.count() != asked.count():
                raise Http404
        except (ValueError, ValidationError):
            return

    def construct_view(self, view_class, **kwargs):
        return _guard(super().construct_view(view_class, **kwargs), self.check_screen)
