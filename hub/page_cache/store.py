"""Where cached pages live, and how an out-of-date one is told apart.

Every stored page carries the *generation* it was made in: a number kept in the cache that
invalidation.py moves on whenever content changes. A page from an older generation is ignored
(and overwritten by the next miss), so a change needs one cache write, not a search for the pages
it affected. The generation and the page are read together, in one round trip to Redis (MGET).
"""

from __future__ import annotations

import hashlib
import logging
import time

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
# The cache errors we have seen are logged at most this often per process: when Redis is down,
# every request would otherwise write the same warning.
ERROR_LOG_INTERVAL_SECONDS = 60
_last_error_logged = 0.0


def _cache():
    # Looked up on each use, not at import, so tests can point the default cache elsewhere.
    return caches["default"]


def log_cache_error(action: str) -> None:
    """The cache failed: the page is served without it (slower, never wrong)."""
    global _last_error_logged
    now = time.monotonic()
    if now - _last_error_logged >= ERROR_LOG_INTERVAL_SECONDS:
        _last_error_logged = now
        logger.warning(
            "Page cache unavailable (%s); serving pages without it", action, exc_info=True
        )


def _start_generation(cache) -> int:
    # The clock in milliseconds: if the number was lost (Redis restarted or evicted it), the new
    # one is still larger than any the old one reached, so no page stored before can match again.
    cache.add(GENERATION_KEY, time.time_ns() // 1_000_000, timeout=None)
    return cache.get(GENERATION_KEY) or 0


def current_generation() -> int:
    cache = _cache()
    generation = cache.get(GENERATION_KEY)
    return generation if generation is not None else _start_generation(cache)


def next_generation() -> None:
    """Leaves every page cached so far behind."""
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: a new one starts above anything stored
        _start_generation(cache)


def address_of(request: HttpRequest) -> str:
    """What a cached page is filed under: the scheme and host (pages carry absolute links), the
    path (the language is in it: /pl/, /ur/...) and the query string (filters, search words, page
    numbers). Raises DisallowedHost for a host not in ALLOWED_HOSTS, as Django would anyway."""
    return f"{request.scheme}://{request.get_host()}{request.get_full_path()}"


def _key(address: str) -> str:
    # Hashed, to stay short and safe whatever the URL.
    return "page-cache:" + hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()


def lookup(address: str) -> tuple[int, HttpResponse | None]:
    """The current generation, and the page stored for `address` if it was made in it."""
    cache = _cache()
    key = _key(address)
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        return _start_generation(cache), None
    entry = found.get(key)
    if entry is None or entry["generation"] != generation:
        return generation, None
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response.headers[name] = value
    response.headers["Age"] = str(max(0, int(time.time() - entry["stored_at"])))
    return generation, response


def save(address: str, generation: int, response: HttpResponse, seconds: int) -> None:
    """Keeps `response` for `address`, marked with the generation read *before* it was made: if
    content changed meanwhile, the page is already out of date and will not be served."""
    entry = {
        "generation": generation,
        "status": response.status_code,
        "headers": list(response.headers.items()),
        "content": response.content,
        "stored_at": time.time(),
    }
    _cache().set(_key(address), entry, seconds)
