"""Who may edit which service in the CMS.

A user linked to one or more organisations (OrganisationMembership) is a provider: they see and
change only those organisations' services. Everyone else with the model permissions (council
staff) sees them all. Publishing is a permission providers' group does not have, so their
changes go through the approval workflow before parents see them.

On the CMS screens, ServiceViewSet (wagtail_hooks.py) turns `restrict_to_provider` into "not
found" for any other organisation's service, through hub.admin_access.
"""

from __future__ import annotations

from wagtail.permission_policies import ModelPermissionPolicy


def provider_organisation_keys(user) -> set:
    """Translation keys of the organisations a user provides for (empty for staff)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    if not hasattr(user, "_local_offer_organisation_keys"):
        from .models import OrganisationMembership

        user._local_offer_organisation_keys = set(
            OrganisationMembership.objects.filter(user=user).values_list(
                "organisation__translation_key", flat=True
            )
        )
    return user._local_offer_organisation_keys


def is_provider(user) -> bool:
    return not user.is_superuser and bool(provider_organisation_keys(user))


class ServicePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to a provider's own organisations."""

    def _allowed(self, user, instance) -> bool:
        if not is_provider(user):
            return True
        return instance.organisation.translation_key in provider_organisation_keys(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self._allowed(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self._allowed(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return restrict_to_provider(
            user, super().instances_user_has_any_permission_for(user, actions)
        )


def restrict_to_provider(user, queryset):
    if is_provider(user):
        return queryset.filter(organisation__translation_key__in=provider_organisation_keys(user))
    return queryset
