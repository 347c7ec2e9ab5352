"""The one-field forms of the two-factor screens: a security code, checked as the form is
cleaned, so a wrong code comes back as an ordinary field error on the page."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hub.sign_in.devices import check_code, confirm_authenticator, wait_seconds


def _code_field(label, help_text, autofocus: bool) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=32,
        error_messages={"required": _("Enter the security code")},
        widget=forms.TextInput(
            attrs={
                # Lets phones and password managers offer the code; never saved by the browser.
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                **({"autofocus": True} if autofocus else {}),
            }
        ),
    )


WRONG_CODE = _("The security code is not right. Check the code and try again.")


def too_many_wrong_codes(seconds: int) -> ValidationError:
    return ValidationError(
        ngettext(
            "You have entered too many wrong codes. Wait %(seconds)d second, then try again.",
            "You have entered too many wrong codes. Wait %(seconds)d seconds, then try again.",
            seconds,
        )
        % {"seconds": seconds},
        code="throttled",
    )


class SecurityCodeForm(forms.Form):
    """A code from the authenticator app or a backup code, for signing in or turning
    two-factor authentication off. `device` is the one that accepted it."""

    code = _code_field(
        _("Security code"),
        _("The 6-digit code your authenticator app shows now, or one of your backup codes."),
        autofocus=True,
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        self.device = None
        super().__init__(*args, **kwargs)

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        result = check_code(self.user, code)
        if result.wait_seconds:
            raise too_many_wrong_codes(result.wait_seconds)
        if result.device is None:
            raise ValidationError(WRONG_CODE, code="wrong_code")
        self.device = result.device
        return code


class ConfirmAuthenticatorForm(forms.Form):
    """The first code from a newly added app: right, and the app is switched on."""

    code = _code_field(
        _("Code from your app"),
        _("After adding the account to your app, type the 6-digit code it shows."),
        # Not focused: the instructions above it come first, for screen reader users too.
        autofocus=False,
    )

    def __init__(self, device, *args, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        self.device.refresh_from_db()
        wait = wait_seconds(self.device)
        if wait:
            raise too_many_wrong_codes(wait)
        if not confirm_authenticator(self.device, code):
            raise ValidationError(WRONG_CODE, code="wrong_code")
        return code
