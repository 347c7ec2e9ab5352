"""``manage.py import_gias FILE --la-code 886``: bring a local authority's schools up to date from
the DfE's Get Information About Schools download (see schools/gias.py). Safe to run again."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from schools.gias import GiasFileError, import_gias


class Command(BaseCommand):
    help = "Create or update one local authority's schools from a GIAS edubasealldata CSV."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The GIAS establishment download (CSV).")
        parser.add_argument(
            "--la-code",
            required=True,
            help="The local authority's three-digit code in GIAS, for example 886 for Kent.",
        )
        parser.add_argument(
            "--encoding",
            default="cp1252",
            choices=["cp1252", "utf-8"],
            help="GIAS files are Windows-1252 (the default); utf-8 for a file re-saved as UTF-8.",
        )

    def handle(self, *args, file: Path, la_code: str, encoding: str, **options):
        if not la_code.strip().isdigit():
            raise CommandError(f"--la-code must be a number such as 886, not {la_code!r}.")
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        started = time.perf_counter()
        try:
            report = import_gias(data, la_code, encoding=encoding)
        except GiasFileError as error:
            raise CommandError(
                f"{file} was not imported, and nothing was changed: {error}"
            ) from error
        for problem in report.bad_rows:
            self.stderr.write(problem)
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(f"Schools for local authority {la_code}: {report.summary()}.")
            + f" ({seconds:.2f}s)"
        )
