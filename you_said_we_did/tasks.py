"""Background work for updates: the 'closing the loop' emails."""

from __future__ import annotations

from django_tasks import task

from .notifications import notify


@task()
def notify_update(page_id: int) -> dict[str, int]:
    """Email the people who asked to hear about an update (see notifications.py). Queued when an
    update is published in any language; safe to run again, as it never emails anyone twice about
    the same status, and a second run retries sends that failed."""
    return notify(page_id)
