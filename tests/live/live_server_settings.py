"""Settings for the gunicorn the live tests start (tests/live/gunicorn_server.py).

The test settings (fast hashing, in-memory email, tasks run at once, DEBUG off), served for real:
the database comes from DATABASE_URL (the pytest-django test database, perhaps through the
outage proxy) and the server answers to the one host it listens on.
"""

from hub.settings.test import *  # noqa: F403

ALLOWED_HOSTS = ["127.0.0.1"]
