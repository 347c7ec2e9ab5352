"""CMS set-up for updates: the dashboard chart of updates by status, subscriptions for staff."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet

from hub.admin_access import GuardedSnippetViewSet

from . import dashboard  # noqa: F401  (registers the ambition dashboard chart)
from .models import Subscription


def _ambition_list(subscription: Subscription) -> str:
    titles = [str(ambition) for ambition in subscription.ambitions.all()]
    return "; ".join(titles) if titles else str(gettext_lazy("Every update"))


class FindAndDeleteOnly(ModelPermissionPolicy):
    """Staff may find and delete a subscription but never add or change one: that would sign
    someone up without their own confirmation."""

    def user_has_permission(self, user, action):
        if action in {"add", "change"}:
            return False
        return super().user_has_permission(user, action)


class SubscriptionViewSet(GuardedSnippetViewSet):
    """Confirmed email subscriptions to updates, for staff answering a request to find or
    delete someone's address. Subscribers manage their own through the links in every email.
    Only people with the model's permissions see these, chooser included: a subscription's name
    is its email address."""

    model = Subscription
    chooser_needs_permission = True
    icon = "mail"
    menu_label = gettext_lazy("Update subscriptions")
    add_to_admin_menu = False
    list_display = [
        "email",
        Column("ambitions", label=gettext_lazy("Ambitions"), accessor=_ambition_list),
        "language",
        "easy_read",
        "confirmed_at",
    ]
    search_fields = ["email"]
    inspect_view_enabled = True

    @cached_property
    def permission_policy(self):
        return FindAndDeleteOnly(self.model)

    def get_queryset(self, request):
        return Subscription.objects.prefetch_related("ambitions")


register_snippet(SubscriptionViewSet)
