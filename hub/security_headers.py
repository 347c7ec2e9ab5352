"""Security headers that depend on where a request goes: the public site or the CMS.

The public site runs under a strict Content Security Policy (no inline code, nothing from other
sites) and may never be framed. Wagtail's admin cannot live under that policy yet: its own
templates still write inline scripts and its editors insert inline styles (see
docs/decisions/0012-security-headers.md), and its preview panel frames pages from /admin/ itself.
So the two admin areas get their own, wider policy, and only they do. Previews keep the public
policy, except that the admin may frame them.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse


@cache
def admin_path_prefixes() -> tuple[str, ...]:
    """The addresses of Wagtail's admin and Django's admin, found from the URL configuration so
    that moving either (to hide it from scanners, say) keeps its policy."""
    return (reverse("wagtailadmin_home"), reverse("admin:index"))


def is_admin_request(request: HttpRequest) -> bool:
    # request.path, like reverse(), includes the prefix of a site served under a sub-path.
    return request.path.startswith(admin_path_prefixes())


def is_preview_request(request: HttpRequest) -> bool:
    """Wagtail previews a page (in the editor's preview panel, a workflow review, a translation)
    by running a made-up request for the page's public address through the middleware, marked
    with is_dummy. Its answer is shown inside the admin, never to the public."""
    return getattr(request, "is_dummy", False)


@cache
def media_origin() -> str | None:
    """Where uploaded images are served from when that is another site (object storage, a
    CDN), else None. Asked of the storage itself, so the policy cannot drift from the storage
    settings; building an address costs the storage no network request."""
    address = urlsplit(default_storage.url("content-security-policy"))
    if not address.netloc:
        return None
    return f"{address.scheme}://{address.netloc}" if address.scheme else f"https://{address.netloc}"


@receiver(setting_changed)
def _forget_cached_addresses(*, setting: str, **kwargs) -> None:
    if setting in {"STORAGES", "MEDIA_URL"}:
        media_origin.cache_clear()
    if setting == "ROOT_URLCONF":
        admin_path_prefixes.cache_clear()


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, sending ADMIN_CONTENT_SECURITY_POLICY on the admin's paths and
    CONTENT_SECURITY_POLICY everywhere else. A view decorated with django-csp's @csp(...) still
    chooses its own policy."""

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin_request(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        elif is_preview_request(request):
            # A preview keeps the public policy, so editors see what the public will (content
            # that needs inline code breaks here first), but the admin must be able to frame it.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        origin = media_origin()
        if origin:
            # Images are the only media the site shows inline; documents are downloaded, which
            # no fetch directive governs. An update adds to a directive, never replaces it.
            update = dict(parts.update or {})
            update["img-src"] = [*update.get("img-src", []), origin]
            parts.update = update
        return parts


class AdminFrameOptionsMiddleware:
    """X-Frame-Options SAMEORIGIN for the admin, whose preview panel and translation editor frame
    its own pages. Listed just after Django's XFrameOptionsMiddleware, so it sees the response
    first; Django's then leaves the header alone and sends X_FRAME_OPTIONS (DENY) everywhere
    else. Browsers that read CSP's frame-ancestors (all current ones) follow that instead; this
    is for older ones."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if "X-Frame-Options" not in response and (
            is_admin_request(request) or is_preview_request(request)
        ):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response
