"""``manage.py check_report_links``: check every open school's SEND Information Report link now
(or hand the job to the background worker with --enqueue). Run it from a scheduler, e.g. weekly."""

import time

from django.core.management.base import BaseCommand

from schools.link_checks import DELAY_SECONDS, TIMEOUT_SECONDS, WORKERS, check_schools
from schools.models import School
from schools.tasks import check_report_links


class Command(BaseCommand):
    help = "Check the SEND Information Report links of open schools and record the results."

    def add_arguments(self, parser):
        parser.add_argument(
            "--urn", type=int, action="append", help="Only this school (repeatable)."
        )
        parser.add_argument("--enqueue", action="store_true", help="Queue it for the worker.")
        parser.add_argument("--workers", type=int, default=WORKERS)
        parser.add_argument(
            "--delay",
            type=float,
            default=DELAY_SECONDS,
            help="Seconds between requests to one host.",
        )
        parser.add_argument("--timeout", type=float, default=TIMEOUT_SECONDS)

    def handle(
        self,
        *args,
        urn=None,
        enqueue=False,
        workers=WORKERS,
        delay=DELAY_SECONDS,
        timeout=TIMEOUT_SECONDS,
        **options,
    ):
        if enqueue:
            result = check_report_links.enqueue(urns=urn or None)
            self.stdout.write(f"Queued the link check ({result.id}).")
            return
        schools = School.objects.open().only("pk", "report_url")
        if urn:
            schools = schools.filter(urn__in=urn)
        started = time.perf_counter()
        counts = check_schools(schools, workers=workers, delay=delay, timeout=timeout)
        seconds = time.perf_counter() - started
        done = ", ".join(f"{status} {n}" for status, n in sorted(counts.items())) or "no schools"
        self.stdout.write(self.style.SUCCESS(f"Report links checked: {done} ({seconds:.1f}s)."))
