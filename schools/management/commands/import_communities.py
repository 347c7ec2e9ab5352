"""``manage.py import_communities FILE``: assign schools to Communities of Schools from a CSV with
a ``URN`` column and a ``Community of Schools`` column (the community's name). Optional
``Primary Care Network`` and ``Area`` columns fill those in for communities this creates.

Unknown communities are bad rows unless --create-missing is given, so a typo does not quietly
start a new community. An empty community cell takes the school out of its community.
"""

import csv
import io
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from schools.models import CommunityOfSchools, School

URN_COLUMN = "urn"
COMMUNITY_COLUMNS = ("community of schools", "community")


class Command(BaseCommand):
    help = "Assign schools to Communities of Schools from a CSV of URN and community name."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--create-missing",
            action="store_true",
            help="Create communities named in the file that do not exist yet.",
        )

    def handle(self, *args, file: Path, create_missing: bool, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        # Spreadsheets save UTF-8 (often with a byte-order mark) or Windows-1252.
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as error:
                raise CommandError(f"{file} is neither UTF-8 nor Windows-1252 text.") from error
        reader = csv.DictReader(io.StringIO(text, newline=""))
        columns = {name.strip().lower(): name for name in reader.fieldnames or []}
        community_column = next((columns[c] for c in COMMUNITY_COLUMNS if c in columns), None)
        if URN_COLUMN not in columns or community_column is None:
            raise CommandError(
                f"{file} needs a 'URN' column and a 'Community of Schools' column; "
                "nothing was changed."
            )
        pcn_column = columns.get("primary care network")
        area_column = columns.get("area")

        counts = {"assigned": 0, "unchanged": 0, "removed": 0, "communities created": 0}
        problems = []
        with transaction.atomic():
            communities = {c.name.lower(): c for c in CommunityOfSchools.objects.all()}
            schools = School.objects.in_bulk(field_name="urn")
            for row in reader:
                line = reader.line_num
                urn_text = (row.get(columns[URN_COLUMN]) or "").strip()
                name = (row.get(community_column) or "").strip()
                school = schools.get(int(urn_text)) if urn_text.isdigit() else None
                if school is None:
                    problems.append(f"Line {line}: no school with URN {urn_text!r}")
                    continue
                community = None
                if name:
                    community = communities.get(name.lower())
                    if community is None and not create_missing:
                        problems.append(
                            f"Line {line}: no Community of Schools called {name!r} "
                            "(use --create-missing to create it)"
                        )
                        continue
                    if community is None:
                        community = CommunityOfSchools.objects.create(
                            name=name[:150],
                            primary_care_network=(row.get(pcn_column) or "").strip()[:150]
                            if pcn_column
                            else "",
                            area=(row.get(area_column) or "").strip()[:100] if area_column else "",
                        )
                        communities[name.lower()] = community
                        counts["communities created"] += 1
                new_id = community.pk if community else None
                if school.community_id == new_id:
                    counts["unchanged"] += 1
                    continue
                school.community_id = new_id
                school.save(update_fields=["community"])
                counts["assigned" if new_id else "removed"] += 1
        for problem in problems:
            self.stderr.write(problem)
        done = ", ".join(f"{what} {n}" for what, n in counts.items())
        self.stdout.write(
            self.style.SUCCESS(f"Communities of Schools: {done}, bad rows {len(problems)}.")
        )
