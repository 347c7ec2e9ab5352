"""Which requests may use the page cache, and which responses may be kept in it.

The cache is only for people the site knows nothing about. It is looked up before sessions and
authentication run, so it goes by cookies: anyone with a session cookie (signed-in staff, and
anyone with questionnaire progress) or a flash-message cookie is never served a cached page and
never fills the cache. A response is kept only when nothing in it can belong to one visitor: see
reason_not_to_store().
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse
from django.utils.cache import cc_delim_re, get_max_age

# Cache-Control directives that mean "not for a shared cache". A view opts out with Django's
# @cache_control(private=True) or @never_cache, as it would for a CDN.
PRIVATE_DIRECTIVES = {"private", "no-store", "no-cache"}


@cache
def never_cached_prefixes() -> tuple[str, ...]:
    """Addresses that are never looked up or stored, whatever their responses say: the two admins
    (previews live there too), documents (privacy is per collection), media files, the language
    switch, mail programs' one-click unsubscribe and the health check. Everything else that must
    not be stored is caught by reason_not_to_store(); this list is a second lock."""
    return (
        reverse("wagtailadmin_home"),
        reverse("admin:index"),
        "/documents/",
        settings.MEDIA_URL,
        reverse("set_language"),
        "/updates.unsubscribe/",
        "/healthz",
    )


def may_use_cache(request: HttpRequest) -> bool:
    """Whether this request may be answered from the cache (and its response offered to it)."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    return not request.path.startswith(never_cached_prefixes())


def _cache_control(response: HttpResponseBase) -> set[str]:
    header = response.get("Cache-Control", "")
    return {part.split("=", 1)[0].strip().lower() for part in cc_delim_re.split(header) if part}


def reason_not_to_store(request: HttpRequest, response: HttpResponseBase) -> str | None:
    """Why this response must not be kept for other visitors, or None when it may be."""
    if request.method != "GET":
        return "method"
    if response.status_code != 200 or response.streaming:
        return "status"
    # Django flags the request whenever a page asks for the CSRF token (any POST form): the
    # token in the page belongs to this visitor's cookie.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return "csrf token"
    # A cookie being set (session, CSRF, messages, language) means the page started something
    # for this visitor alone.
    if response.cookies:
        return "sets a cookie"
    if getattr(request, "is_preview", False):
        return "preview"
    # A flash message shown on this page ("Your answers were saved") is for this visitor only.
    if len(get_messages(request)):
        return "flash message"
    if _cache_control(response) & PRIVATE_DIRECTIVES or get_max_age(response) == 0:
        return "cache-control"
    # django-csp's @csp decorators leave their policy on the response object, which a cached
    # copy does not carry: a hit would get the site-wide policy instead of the view's own.
    if any(name.startswith("_csp") for name in vars(response)):
        return "own security policy"
    return None


def seconds_to_keep(response: HttpResponseBase) -> int:
    """PAGE_CACHE_SECONDS, or less when the view asked for a shorter max-age."""
    seconds = settings.PAGE_CACHE_SECONDS
    max_age = get_max_age(response)
    return min(seconds, max_age) if max_age is not None else seconds
