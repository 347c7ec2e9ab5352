"""Review reminders: the provider at 6 months, staff at 12, never twice for one threshold."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from local_offer.factories import OrganisationFactory, ServiceFactory
from local_offer.models import ReviewReminder
from local_offer.reminders import send_review_reminders

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("staff", "staff@example.org", "pw")


def test_provider_reminded_at_six_months_and_staff_at_twelve(staff):
    org = OrganisationFactory(email="provider@example.org")
    ServiceFactory(name="Fresh", organisation=org, last_reviewed=days_ago(30))
    ServiceFactory(name="Due", organisation=org, last_reviewed=days_ago(200))
    ServiceFactory(name="Overdue", organisation=org, last_reviewed=days_ago(400))
    summary = send_review_reminders()
    assert (summary.provider_reminders, summary.staff_escalations) == (1, 1)
    by_recipient = {tuple(m.to): m.subject for m in mail.outbox}
    assert "Due" in by_recipient[("provider@example.org",)]
    assert "Overdue" in by_recipient[("staff@example.org",)]


def test_never_sent_twice_for_the_same_threshold(staff):
    service = ServiceFactory(last_reviewed=days_ago(200))
    send_review_reminders()
    send_review_reminders()
    assert len(mail.outbox) == 1
    # Crossing into 12 months sends the escalation once, too.
    send_review_reminders(today=timezone.localdate() + datetime.timedelta(days=200))
    send_review_reminders(today=timezone.localdate() + datetime.timedelta(days=201))
    assert len(mail.outbox) == 2
    # A fresh review starts the clock again.
    service.last_reviewed = timezone.localdate()
    service.save()
    send_review_reminders(today=timezone.localdate() + datetime.timedelta(days=200))
    assert len(mail.outbox) == 3
    assert ReviewReminder.objects.count() == 3


def test_drafts_are_not_reminded(staff):
    ServiceFactory(live=False, last_reviewed=days_ago(200))
    assert send_review_reminders().provider_reminders == 0


def test_command_queues_the_task_which_runs_immediately_in_tests(staff):
    from io import StringIO

    ServiceFactory(last_reviewed=days_ago(200))
    out = StringIO()
    call_command("send_review_reminders", stdout=out)
    assert "Queued" in out.getvalue()
    assert len(mail.outbox) == 1
    call_command("send_review_reminders", "--now", stdout=out)
    assert len(mail.outbox) == 1
