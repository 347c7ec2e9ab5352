"""PageCacheMiddleware: answers anonymous visitors from the page cache, and fills it.

It sits right after SecurityMiddleware and WhiteNoise in MIDDLEWARE, so a hit skips sessions,
authentication, languages and every database query, and passes back out through the outer
middleware (request id and access log, HSTS and the other security headers) like any response.
Headers set by the middleware below it (the Content Security Policy, X-Frame-Options, Vary,
Content-Language) are stored with the page, so a hit carries exactly the headers of the miss that
stored it.

Every response it sees gets an X-Cache header: HIT (from the cache), MISS (made afresh, and
stored if reason_not_to_store() allows) or BYPASS (not for the cache at all: a POST, a signed-in
visitor, someone with a session). PAGE_CACHE_SECONDS = 0 switches all of this off.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from . import rules, store

HEADER = "X-Cache"


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if settings.PAGE_CACHE_SECONDS <= 0:
            return self.get_response(request)
        if not rules.may_use_cache(request):
            response = self.get_response(request)
            response.headers[HEADER] = "BYPASS"
            return response

        address = store.address_of(request)
        generation = None
        try:
            generation, cached = store.lookup(address)
        except Exception:
            store.log_cache_error("reading")
            cached = None
        if cached is not None:
            cached.headers[HEADER] = "HIT"
            return cached

        response = self.get_response(request)
        if generation is not None and rules.reason_not_to_store(request, response) is None:
            try:
                store.save(address, generation, response, rules.seconds_to_keep(response))
            except Exception:
                store.log_cache_error("writing")
        response.headers[HEADER] = "MISS"
        return response
