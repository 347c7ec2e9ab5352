"""Keeping the Local Offer current: a reminder to the owning organisation when a service has
gone 6 months without a review, and an escalation to staff at 12 months. Each is sent once per
service, threshold and review date; reviewing the service again starts the clock afresh."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    REVIEW_DUE_MONTHS,
    REVIEW_OVERDUE_MONTHS,
    ReminderThreshold,
    ReviewReminder,
    Service,
    months_before,
)


@dataclass
class ReminderSummary:
    provider_reminders: int = 0
    staff_escalations: int = 0
    skipped_no_address: int = 0

    def __str__(self) -> str:
        return (
            f"{self.provider_reminders} provider reminder(s), "
            f"{self.staff_escalations} staff escalation(s), "
            f"{self.skipped_no_address} without an address"
        )


def _date(day) -> str:
    return f"{day.day} {day:%B %Y}"


def staff_addresses() -> list[str]:
    """Everyone who may publish services (the approvers), or the site admins if nobody may."""
    users = get_user_model().objects.with_perm(
        "local_offer.publish_service", include_superusers=False
    )
    emails = sorted({user.email for user in users if user.is_active and user.email})
    if not emails:
        emails = sorted({email for _name, email in settings.ADMINS})
    if not emails:
        emails = sorted(
            get_user_model()
            .objects.filter(is_superuser=True, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    return emails


def _record(service: Service, threshold: str, recipients: list[str]) -> bool:
    """Note the reminder; False if it had already been sent (by another worker, say)."""
    try:
        with transaction.atomic():
            ReviewReminder.objects.create(
                service=service,
                threshold=threshold,
                last_reviewed=service.last_reviewed,
                recipients=", ".join(recipients),
            )
    except IntegrityError:
        return False
    return True


def _already_sent(threshold: str) -> set[tuple[int, object]]:
    return set(
        ReviewReminder.objects.filter(threshold=threshold).values_list(
            "service_id", "last_reviewed"
        )
    )


def send_review_reminders(today=None) -> ReminderSummary:
    today = today or timezone.localdate()
    summary = ReminderSummary()
    published = Service.objects.published().exclude(status="defunct").select_related("organisation")

    overdue = list(published.filter(last_reviewed__lt=months_before(today, REVIEW_OVERDUE_MONTHS)))
    sent = _already_sent(ReminderThreshold.OVERDUE)
    overdue = [s for s in overdue if (s.pk, s.last_reviewed) not in sent]
    if overdue:
        recipients = staff_addresses()
        if not recipients:
            summary.skipped_no_address += len(overdue)
        for service in overdue if recipients else []:
            if not _record(service, ReminderThreshold.OVERDUE, recipients):
                continue
            send_mail(
                _("Local Offer: %(name)s has not been reviewed for over 12 months")
                % {"name": service.name},
                _(
                    "%(name)s (%(organisation)s) was last reviewed on %(date)s. Parents now see "
                    "a warning on its page. Please check it with the provider."
                )
                % {
                    "name": service.name,
                    "organisation": service.organisation.name,
                    "date": _date(service.last_reviewed),
                },
                None,
                recipients,
            )
            summary.staff_escalations += 1

    due = published.filter(
        last_reviewed__lt=months_before(today, REVIEW_DUE_MONTHS),
        last_reviewed__gte=months_before(today, REVIEW_OVERDUE_MONTHS),
    )
    sent = _already_sent(ReminderThreshold.DUE)
    for service in due:
        if (service.pk, service.last_reviewed) in sent:
            continue
        address = service.organisation.email
        if not address:
            summary.skipped_no_address += 1
            continue
        if not _record(service, ReminderThreshold.DUE, [address]):
            continue
        send_mail(
            _("Please check your Local Offer entry: %(name)s") % {"name": service.name},
            _(
                "Your service %(name)s was last reviewed on %(date)s. Families rely on it being "
                "right. Please sign in to the CMS, check every part of it, and update the last "
                "reviewed date, even if nothing has changed."
            )
            % {"name": service.name, "date": _date(service.last_reviewed)},
            None,
            [address],
        )
        summary.provider_reminders += 1
    return summary
