"""The two-factor authentication screens in the Wagtail admin, for every member of staff:
from Account → More actions, they set up an authenticator app, see their backup codes once,
make new ones and turn two-factor authentication off; after signing in with their password,
they give a code on the code page before anything else in the admin.
"""

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from hub.sign_in import devices
from hub.sign_in.two_factor_forms import ConfirmAuthenticatorForm, SecurityCodeForm

# New backup codes wait here between the POST that makes them and the one page that shows them.
NEW_CODES_SESSION_KEY = "two_factor_new_backup_codes"
NEXT_SESSION_KEY = "two_factor_next"


def safe_next(request, default: str | None = None) -> str:
    """Where to go after the code page: the `next` the request carries, if it is ours."""
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home") if default is None else default


def mark_verified(request, device) -> None:
    """Records in the session that this person has given a code, with a new session key so a
    key seen before the code was given is worth nothing."""
    request.session.cycle_key()
    django_otp.login(request, device)


class TwoFactorScreen(WagtailAdminTemplateMixin):
    """What the account screens share: the admin furniture, breadcrumbs back to Account, and
    never a cached copy (they show secrets)."""

    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]


class OverviewView(TwoFactorScreen, TemplateView):
    """Whether two-factor authentication is on, with the actions that fit."""

    template_name = "sign_in/two_factor/overview.html"
    page_title = gettext_lazy("Two-factor authentication")

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            is_on=devices.has_two_factor(user),
            backup_codes_left=devices.backup_codes_left(user),
            compulsory=settings.ADMIN_REQUIRE_TWO_FACTOR,
            **kwargs,
        )


@method_decorator(sensitive_post_parameters("code"), name="dispatch")
class SetUpView(TwoFactorScreen, FormView):
    """Adds an authenticator app: scan the QR code (or type the key), then give its first code
    to switch it on."""

    template_name = "sign_in/two_factor/set_up.html"
    page_title = gettext_lazy("Set up two-factor authentication")
    form_class = ConfirmAuthenticatorForm

    def dispatch(self, request, *args, **kwargs):
        if devices.has_two_factor(request.user):
            return redirect("two_factor_overview")
        self.device = devices.unconfirmed_authenticator(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            qr_code=devices.qr_code_svg(self.device),
            key=devices.readable_key(self.device),
            compulsory=settings.ADMIN_REQUIRE_TWO_FACTOR,
            next=safe_next(self.request, default=""),
            **kwargs,
        )

    def form_valid(self, form):
        mark_verified(self.request, self.device)
        self.request.session[NEW_CODES_SESSION_KEY] = devices.new_backup_codes(self.request.user)
        self.request.session[NEXT_SESSION_KEY] = safe_next(
            self.request, default=reverse("two_factor_overview")
        )
        messages.success(self.request, _("Two-factor authentication is on."))
        return redirect("two_factor_backup_codes")


class BackupCodesView(TwoFactorScreen, TemplateView):
    """Shows new backup codes once (straight after set-up, or after asking for new ones);
    otherwise says how many are left and offers new ones."""

    template_name = "sign_in/two_factor/backup_codes.html"
    page_title = gettext_lazy("Backup codes")

    def dispatch(self, request, *args, **kwargs):
        if not devices.has_two_factor(request.user):
            return redirect("two_factor_overview")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        session = self.request.session
        return super().get_context_data(
            new_codes=session.pop(NEW_CODES_SESSION_KEY, None),
            continue_to=session.pop(NEXT_SESSION_KEY, "") or reverse("two_factor_overview"),
            backup_codes_left=devices.backup_codes_left(self.request.user),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        # Replaces every earlier code: a printed list that went missing stops working.
        request.session[NEW_CODES_SESSION_KEY] = devices.new_backup_codes(request.user)
        return redirect("two_factor_backup_codes")


@method_decorator(sensitive_post_parameters("code"), name="dispatch")
class TurnOffView(TwoFactorScreen, FormView):
    """Turns two-factor authentication off, once the person proves they still hold the app or
    a backup code (so a session left open on a shared computer cannot do it)."""

    template_name = "sign_in/two_factor/turn_off.html"
    page_title = gettext_lazy("Turn off two-factor authentication")
    form_class = SecurityCodeForm

    def dispatch(self, request, *args, **kwargs):
        if not devices.has_two_factor(request.user):
            return redirect("two_factor_overview")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # Here the field comes after the explanation, which should be read first.
        form.fields["code"].widget.attrs.pop("autofocus", None)
        return form

    def get_context_data(self, **kwargs):
        return super().get_context_data(compulsory=settings.ADMIN_REQUIRE_TWO_FACTOR, **kwargs)

    def form_valid(self, form):
        devices.turn_off(self.request.user)
        self.request.session.pop(DEVICE_ID_SESSION_KEY, None)
        messages.success(self.request, _("Two-factor authentication is off."))
        return redirect("two_factor_overview")


@method_decorator(never_cache, name="dispatch")
@method_decorator(sensitive_post_parameters("code"), name="dispatch")
class VerifyView(FormView):
    """The code page between the password and the admin, in the sign-in page's style."""

    template_name = "sign_in/two_factor/verify.html"
    form_class = SecurityCodeForm
    success_url = reverse_lazy("wagtailadmin_home")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified() or not devices.has_two_factor(request.user):
            return redirect(safe_next(request))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=safe_next(self.request), **kwargs)

    def form_valid(self, form):
        mark_verified(self.request, form.device)
        if isinstance(form.device, StaticDevice):
            left = devices.backup_codes_left(self.request.user)
            messages.warning(
                self.request,
                ngettext(
                    "You used a backup code. You have %(count)d left. You can make new ones "
                    "from Account, Two-factor authentication.",
                    "You used a backup code. You have %(count)d left. You can make new ones "
                    "from Account, Two-factor authentication.",
                    left,
                )
                % {"count": left},
            )
        return redirect(safe_next(self.request))
