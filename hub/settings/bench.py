"""The load benchmark's settings (tests/perf/load/, `make bench`): production, served over plain
HTTP on 127.0.0.1.

Everything is production's (DEBUG off, whitenoise with collected static files, the same
middleware and security headers) except the two cookie flags that need HTTPS: with them, a
load generator talking plain HTTP would never send the session and CSRF cookies back, so no
questionnaire step could be posted. The machine has no TLS in front of gunicorn, as a PaaS
router would provide.
"""

from .production import *

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
