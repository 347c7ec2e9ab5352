"""Values worked out from many rows, kept in the cache until content changes or they expire.

For figures that are costly to count and fine a few minutes old (the ambition dashboards count
up to every rating answer), on pages the page cache does not serve: signed-in visitors, visitors
with a session, and every visitor while the page cache is off. A value carries the generation
it was made in, like a cached page (store.py), so publishing anything makes it be counted again;
visitors' own submissions do not move the generation (invalidation.IGNORED_MODELS), which is why
`seconds` must stay short.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from . import store

T = TypeVar("T")


def remember(key: str, compute: Callable[[], T], seconds: int) -> T:
    """What `compute()` gives, from the cache when it was kept for `key` in this generation and
    less than `seconds` ago. `seconds` 0 computes every time; so does a cache that is down."""
    if seconds <= 0:
        return compute()
    cache = store._cache()
    full_key = "remember:" + key
    try:
        found = cache.get_many([store.GENERATION_KEY, full_key])
        generation = found.get(store.GENERATION_KEY)
        if generation is None:
            generation = store.current_generation()
        entry = found.get(full_key)
    except Exception:
        store.log_cache_error("read")
        return compute()
    if entry is not None and entry["generation"] == generation:
        return entry["value"]
    value = compute()
    try:
        cache.set(full_key, {"generation": generation, "value": value}, seconds)
    except Exception:
        store.log_cache_error("write")
    return value
