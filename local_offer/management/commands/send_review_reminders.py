"""``manage.py send_review_reminders``: queue (or, with --now, send) the review reminders.

Run it daily from the platform's scheduler; it is safe to run more often, as no reminder is sent
twice for the same threshold.
"""

from django.core.management.base import BaseCommand

from local_offer.reminders import send_review_reminders
from local_offer.tasks import send_review_reminders_task


class Command(BaseCommand):
    help = "Remind providers of services due a review, and tell staff about overdue ones."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Send now instead of queueing.")

    def handle(self, *args, now=False, **options):
        if now:
            self.stdout.write(f"Sent: {send_review_reminders()}.")
            return
        result = send_review_reminders_task.enqueue()
        self.stdout.write(f"Queued review reminders (task {result.id}).")
