from django.apps import AppConfig


class SignInConfig(AppConfig):
    """Staff sign-in hardening for the Wagtail admin and the Django admin."""

    name = "hub.sign_in"
    label = "sign_in"
    verbose_name = "Staff sign-in"

    def ready(self) -> None:
        from django.contrib import admin

        from hub.sign_in.forms import DjangoAdminSignInForm

        # Wagtail takes its form from WAGTAILADMIN_USER_LOGIN_FORM; the Django admin has no
        # setting, only this attribute of its site.
        admin.site.login_form = DjangoAdminSignInForm
