"""Production: secure by default. Refuses to start without SECRET_KEY."""

from .base import *

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production needs a long random secret key in the SECRET_KEY "
        "environment variable; see docs/env-vars.md."
    )

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Production runs behind the platform's router (trusted for the scheme just above), which adds
# the visitor's address to X-Forwarded-For; set 0 if nothing sits in front of gunicorn.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
# HTTPS only from here on: browsers remember it for a year, for every subdomain, and the
# address may be submitted to the browsers' preload list. (Headers that are right over plain
# HTTP too, the Content Security Policy among them, are in base.py.)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# Anonymous pages are cached for five minutes unless PAGE_CACHE_SECONDS says otherwise.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Costly counts likewise (the ambition dashboards may lag new responses by this much).
COUNTS_CACHE_SECONDS = env_int("COUNTS_CACHE_SECONDS", 300)
# One JSON object per line, for the platform's log search (LOG_FORMAT=line to read by eye).
LOGGING = logging_config(LOG_FORMAT or "json", LOG_LEVEL)
