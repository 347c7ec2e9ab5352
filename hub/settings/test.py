"""Test settings: fast hashing, in-memory email, tasks run immediately."""

from .base import *

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off whatever the environment says; the tests that need it turn it on with override_settings.
PAGE_CACHE_SECONDS = 0
COUNTS_CACHE_SECONDS = 0
MEDIA_ROOT = BASE_DIR / ".test-media"
ALLOWED_HOSTS = ["*"]
LOGGING["root"]["level"] = "WARNING"
