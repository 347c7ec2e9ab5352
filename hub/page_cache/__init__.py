"""The anonymous page cache: whole responses kept in the cache (Redis in production) for visitors
who are not signed in and have nothing in a session, so that a crowd arriving for a consultation
is served without touching the database. See docs/decisions/0011-page-cache.md.

- rules.py says which requests may use the cache and which responses may be kept;
- store.py keeps responses by scheme, host and address, each marked with the generation it was
  made in;
- middleware.py puts the two together, early in MIDDLEWARE;
- invalidation.py moves the generation on whenever content visitors can see changes.

Code that changes content without Django's signals (QuerySet.update, bulk_create) calls
content_changed() itself.
"""

from .invalidation import content_changed

__all__ = ["content_changed"]
