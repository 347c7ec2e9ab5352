"""Background work for consultations: erasing personal data once it is no longer needed."""

from __future__ import annotations

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .analysis import PERSONAL_TYPES
from .models import Answer, ConsultationPage, OutcomeSubscription, Response, SavedProgress


@task()
def erase_personal_data() -> dict[str, int]:
    """Erase personal data from consultations that closed more than
    CONSULTATION_RETENTION_MONTHS ago (default 12), and any expired saved progress.

    Email addresses given for updates and answers to email and date questions are deleted; the
    other answers stay, without anything that identifies who gave them.
    """
    now = timezone.now()
    cutoff = now - relativedelta(months=settings.CONSULTATION_RETENTION_MONTHS)
    closed = ConsultationPage.objects.filter(closes_at__lt=cutoff).values("pk")
    with transaction.atomic():
        subscriptions, _ = OutcomeSubscription.objects.filter(
            response__consultation__in=closed
        ).delete()
        answers, _ = Answer.objects.filter(
            response__consultation__in=closed, question_type__in=PERSONAL_TYPES
        ).delete()
        Response.objects.filter(
            consultation__in=closed, personal_data_erased_at__isnull=True
        ).update(personal_data_erased_at=now)
        saved, _ = SavedProgress.objects.filter(expires_at__lte=now).delete()
        saved_closed, _ = SavedProgress.objects.filter(consultation__in=closed).delete()
    return {
        "subscriptions": subscriptions,
        "answers": answers,
        "saved_progress": saved + saved_closed,
    }
