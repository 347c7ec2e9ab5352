"""Holds staff at the two-factor code page until they have given a code.

Runs after django-otp's OTPMiddleware, which gives request.user an is_verified() answer for
this session. Only the two admins' addresses are looked at: on the public site this
middleware does nothing at all, not even read the session, so visitors (and the page cache)
never notice it.
"""

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse

from hub.security_headers import is_admin_request
from hub.sign_in.devices import has_two_factor

# Always reachable: signing in and out, and the files the sign-in style pages need.
ALWAYS_ALLOWED = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "admin:login",
    "admin:logout",
    "admin:jsi18n",
}
# Where someone with an app goes before they have given a code.
CODE_PAGE = "two_factor_verify"
# Where someone goes when two-factor authentication is compulsory and they have no app yet.
SET_UP_PAGE = "two_factor_set_up"


def can_use_admin(user) -> bool:
    return user.is_staff or user.has_perm("wagtailadmin.access_admin")


def must_set_up(user) -> bool:
    """Compulsory two-factor authentication applies to this user, who has no app yet."""
    return (
        settings.ADMIN_REQUIRE_TWO_FACTOR
        and user.is_authenticated
        and not user.is_verified()
        and can_use_admin(user)
        and not has_two_factor(user)
    )


class TwoFactorMiddleware:
    """Sends signed-in staff who have not given a code this session to the code page, and
    (when ADMIN_REQUIRE_TWO_FACTOR is on) staff with no app to the set-up page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.redirect_for(request) or self.get_response(request)

    def redirect_for(self, request):
        # The same test as the admin's security headers: request.path and reverse() both carry
        # the prefix of a site served under a sub-path (path_info does not).
        if not is_admin_request(request):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        try:
            page = resolve(request.path_info).view_name
        except Resolver404:
            page = None  # an unknown admin address is held back like any other
        if page in ALWAYS_ALLOWED:
            return None
        if has_two_factor(user):
            if page == CODE_PAGE:
                return None
            return redirect_to_login(
                request.get_full_path(), reverse(CODE_PAGE), REDIRECT_FIELD_NAME
            )
        compulsory = settings.ADMIN_REQUIRE_TWO_FACTOR and can_use_admin(user)
        if compulsory and page != SET_UP_PAGE:
            return redirect_to_login(
                request.get_full_path(), reverse(SET_UP_PAGE), REDIRECT_FIELD_NAME
            )
        return None
