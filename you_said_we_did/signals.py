"""Queue the 'closing the loop' emails when an update is published (connected in apps.py)."""

from __future__ import annotations

from django.db import transaction
from wagtail.signals import page_published

from .models import UpdatePage


def queue_update_emails(sender, instance, **kwargs) -> None:
    """After the publishing transaction commits, so the worker sees the live page. Aliases
    (untranslated copies in other locales) are updated when their original is published, which
    has already queued the emails."""
    from .tasks import notify_update

    if kwargs.get("alias"):
        return

    page_id = instance.pk
    transaction.on_commit(lambda: notify_update.enqueue(page_id))


page_published.connect(
    queue_update_emails, sender=UpdatePage, dispatch_uid="you_said_we_did.queue_update_emails"
)
