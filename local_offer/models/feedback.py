"""What keeps records honest: problems parents report, and the review reminders already sent."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProblemKind(models.TextChoices):
    OUT_OF_DATE = "out_of_date", _("Something is out of date or wrong")
    EXTRA_INFORMATION = "extra_information", _("Information that should be added")
    CLOSED = "closed", _("The service has closed")
    OTHER = "other", _("Something else")


class ProblemReport(models.Model):
    """A problem a visitor reported on a service page. Staff read them in the CMS (Local Offer >
    Problem reports) and mark them dealt with."""

    service = models.ForeignKey(
        "local_offer.Service",
        verbose_name=_("service"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="problem_reports",
    )
    # Kept so a report still says what it was about if the service is deleted.
    service_name = models.CharField(_("service name"), max_length=200)
    kind = models.CharField(_("problem"), max_length=30, choices=ProblemKind.choices)
    details = models.TextField(_("details"), max_length=1200)
    email = models.EmailField(_("reply to"), blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved = models.BooleanField(_("dealt with"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("problem report")

    def __str__(self) -> str:
        return f"{self.service_name}: {self.get_kind_display()}"


class ReminderThreshold(models.TextChoices):
    DUE = "due", _("6 months: reminder to the provider")
    OVERDUE = "overdue", _("12 months: escalation to staff")


class ReviewReminder(models.Model):
    """A review reminder that has been sent. One per service, threshold and review date, so a
    reminder is never sent twice for the same threshold, and a fresh review starts again."""

    service = models.ForeignKey(
        "local_offer.Service", on_delete=models.CASCADE, related_name="review_reminders"
    )
    threshold = models.CharField(max_length=10, choices=ReminderThreshold.choices)
    last_reviewed = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField(blank=True)

    class Meta:
        verbose_name = _("review reminder")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "threshold", "last_reviewed"], name="one_reminder_per_threshold"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_id} {self.threshold} {self.last_reviewed}"
