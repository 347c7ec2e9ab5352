"""Save and come back later: answers so far, kept against a hashed return code for 30 days."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone

VALID_FOR = datetime.timedelta(days=30)


def default_expiry() -> datetime.datetime:
    return timezone.now() + VALID_FOR


class SavedProgressQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(expires_at__gt=timezone.now())


class SavedProgress(models.Model):
    """Someone's unfinished questionnaire. Only the code's hash is stored; the code itself is
    shown once, to the person who saved."""

    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="saved_progress"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    wizard_data = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=default_expiry)

    objects = SavedProgressQuerySet.as_manager()

    class Meta:
        verbose_name = "saved progress"
        verbose_name_plural = "saved progress"

    def __str__(self) -> str:
        return f"Saved answers for {self.consultation_id}, until {self.expires_at:%Y-%m-%d}"
