"""A small fixed-window rate limit on the cache (Redis in production), per visitor address.

Limits are generous on purpose: a school or a council event may put many families behind one
address. They stop floods and guessing, not people.
"""

from django.core.cache import cache
from django.http import HttpRequest

from hub.client_address import address_group, client_address


def over_limit(request: HttpRequest, scope: str, limit: int, window_seconds: int) -> bool:
    """Counts this request against `scope` and says whether the visitor has gone over `limit`
    requests in the current window."""
    # By IPv6 network (/64), as the sign-in lockout counts: a script can change address within it.
    address = address_group(client_address(request))
    return over_limit_for(f"{scope}:{address}", limit, window_seconds)


def over_limit_for(name: str, limit: int, window_seconds: int) -> bool:
    """The same count for anything else that needs limiting, such as emails to one address
    (`name` must not be personal data itself: hash it first)."""
    key = f"ratelimit:{name}"
    cache.add(key, 0, window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(key, 1, window_seconds)
        count = 1
    return count > limit


def reset_limit_for(name: str) -> None:
    """Starts the count for `name` again, as after a successful sign-in."""
    cache.delete(f"ratelimit:{name}")
