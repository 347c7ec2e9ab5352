"""The sign-in and password reset forms of the Wagtail admin and the Django admin, with the
lockout of hub.sign_in.lockout built in.

The check sits in the form because both admins already show a form's errors on their sign-in
page: a locked-out person sees a plain message there, not a bare error page.
"""

import logging

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm

from hub.sign_in.lockout import SignInAttempt, password_reset_over_limit

logger = logging.getLogger(__name__)


def locked_out_message() -> str:
    from django.conf import settings

    minutes = settings.ADMIN_SIGN_IN_COOL_OFF_MINUTES
    return ngettext(
        "There have been too many attempts to sign in. To keep your account safe, you cannot "
        "sign in for %(minutes)d minute. Try again after that. If you have forgotten your "
        "password, you can reset it.",
        "There have been too many attempts to sign in. To keep your account safe, you cannot "
        "sign in for %(minutes)d minutes. Try again after that. If you have forgotten your "
        "password, you can reset it.",
        minutes,
    ) % {"minutes": minutes}


class SignInLimitMixin:
    """Refuses a locked-out username and address before the password is even checked, and
    counts each failure. For forms built on Django's AuthenticationForm."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username is None or not self.cleaned_data.get("password"):
            return super().clean()  # a missing field: nothing was tried, nothing to count
        attempt = SignInAttempt(self.request, username)
        if attempt.is_locked():
            raise ValidationError(locked_out_message(), code="locked_out")
        try:
            cleaned_data = super().clean()
        except ValidationError:
            attempt.failed()
            raise
        attempt.succeeded()
        return cleaned_data


class WagtailSignInForm(SignInLimitMixin, LoginForm):
    """The Wagtail admin's sign-in form (WAGTAILADMIN_USER_LOGIN_FORM)."""


class DjangoAdminSignInForm(SignInLimitMixin, AdminAuthenticationForm):
    """The Django admin's sign-in form (set on admin.site by hub.sign_in.apps)."""


class LimitedPasswordResetForm(PasswordResetForm):
    """Wagtail's password reset form, sending no more than a few emails an hour for one
    address asking or one email address asked about.

    Over the limit the page looks just the same ("if an account exists, we have emailed
    it"), so the limit tells a guesser nothing about which accounts exist.
    """

    def save(self, *args, request=None, **kwargs):
        email = self.cleaned_data["email"]
        if request is not None and password_reset_over_limit(request, email):
            logger.warning("Password reset email not sent: too many requests in the last hour")
            return None
        return super().save(*args, request=request, **kwargs)
