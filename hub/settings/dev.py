"""Local development: DEBUG on, console email, a throwaway secret key."""

import contextlib

from .base import *

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"
# No collectstatic step locally: serve files straight from static_compiled/.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

with contextlib.suppress(ImportError):
    from .local import *  # noqa: F401  (untracked per-developer overrides)
