"""CMS set-up for updates: the dashboard chart of actions by status, subscriptions for staff."""

from . import dashboard  # noqa: F401  (registers the ambition dashboard chart)
