"""``manage.py erase_consultation_personal_data``: queue the retention task (run it daily)."""

from django.core.management.base import BaseCommand

from consultations.tasks import erase_personal_data


class Command(BaseCommand):
    help = "Queue the erasure of personal data from consultations closed long enough ago."

    def handle(self, *args, **options):
        result = erase_personal_data.enqueue()
        self.stdout.write(f"Queued retention task {result.id}.")
