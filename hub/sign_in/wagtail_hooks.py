"""Where the two-factor screens appear in the Wagtail admin: their addresses, a button in
Account → More actions, and an empty menu while compulsory set-up is still to do."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from hub.sign_in import views
from hub.sign_in.middleware import must_set_up


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", views.OverviewView.as_view(), name="two_factor_overview"),
        path("two-factor/set-up/", views.SetUpView.as_view(), name="two_factor_set_up"),
        path(
            "two-factor/backup-codes/",
            views.BackupCodesView.as_view(),
            name="two_factor_backup_codes",
        ),
        path("two-factor/turn-off/", views.TurnOffView.as_view(), name="two_factor_turn_off"),
        path("two-factor/code/", views.VerifyView.as_view(), name="two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_overview"),
        "label": _("Two-factor authentication"),
        "help_text": _("Ask for a code from your phone as well as your password when you sign in."),
    }


@hooks.register("construct_main_menu")
def hide_menu_until_set_up(request, menu_items):
    # Every menu item would only lead back to the set-up page.
    if must_set_up(request.user):
        menu_items.clear()
