"""Read the DfE's Get Information About Schools (GIAS) establishment download and bring one local
authority's schools up to date. Used by `manage.py import_gias` and the demo data.

The download ("edubasealldata<date>.csv") is Windows-1252 text with DD-MM-YYYY dates and about
130 columns, read here by header name so that DfE adding or reordering columns does no harm.
A file is refused whole (nothing written) if it is in the wrong encoding or lacks a required
column; a bad row is reported with its line number and skipped, and the rest are imported.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from schools.models import School

REQUIRED_COLUMNS = [
    "URN",
    "LA (code)",
    "EstablishmentName",
    "TypeOfEstablishment (name)",
    "PhaseOfEducation (name)",
    "EstablishmentStatus (name)",
    "Street",
    "Town",
    "Postcode",
    "OpenDate",
    "CloseDate",
]
SEN_COLUMNS = [f"SEN{number} (name)" for number in range(1, 14)]
CLOSED_STATUS = "closed"
# GIAS writes "Not applicable" and similar where a value has no meaning for an establishment.
NOT_A_VALUE = {"", "not applicable", "not recorded", "null", "n/a"}


class GiasFileError(Exception):
    """The whole file is unusable: wrong encoding, or a required column is missing."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    closed: int = 0
    skipped: int = 0  # rows for other local authorities
    bad_rows: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}, "
            f"closed {self.closed}, skipped {self.skipped} (other local authorities), "
            f"bad rows {len(self.bad_rows)}"
        )


def decode(data: bytes, encoding: str = "cp1252") -> str:
    """The file's text, or GiasFileError saying in plain words why it cannot be read."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        raise GiasFileError(
            "This file is UTF-16 encoded (it has zero bytes between the letters). GIAS "
            "downloads are Windows-1252: download the file again rather than re-saving it."
        )
    if encoding.lower().replace("-", "") in {"cp1252", "windows1252"} and data.startswith(
        b"\xef\xbb\xbf"
    ):
        raise GiasFileError(
            "This file starts with a UTF-8 byte-order mark, but GIAS downloads are Windows-1252. "
            "If the file really is UTF-8, run the import again with --encoding utf-8."
        )
    try:
        return data.decode("utf-8-sig" if encoding.lower().replace("-", "") == "utf8" else encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise GiasFileError(
            f"Line {line} has bytes that are not valid {encoding} text "
            f"(byte {data[error.start : error.start + 1]!r} at position {error.start}). "
            "Is this the GIAS establishment download, unchanged?"
        ) from error


def _value(row: dict, column: str) -> str:
    value = (row.get(column) or "").strip()
    return "" if value.lower() in NOT_A_VALUE else value


def _date(row: dict, column: str) -> date | None:
    value = _value(row, column)
    if not value:
        return None
    try:
        return datetime.strptime(value, "%d-%m-%Y").date()
    except ValueError as error:
        raise ValueError(f"{column} {value!r} is not a date in the form DD-MM-YYYY") from error


def _number(row: dict, column: str) -> int | None:
    value = _value(row, column)
    if not value:
        return None
    if not value.isdigit():
        raise ValueError(f"{column} {value!r} is not a whole number")
    return int(value)


def school_fields(row: dict) -> dict:
    """The GIAS fields of a School from one row; ValueError says what is wrong with the row."""
    name = _value(row, "EstablishmentName")
    if not name:
        raise ValueError("EstablishmentName is empty")
    status = _value(row, "EstablishmentStatus (name)")
    return {
        "name": name[:200],
        "la_code": _value(row, "LA (code)"),
        "la_name": _value(row, "LA (name)")[:100],
        "establishment_type": _value(row, "TypeOfEstablishment (name)")[:150],
        "phase": _value(row, "PhaseOfEducation (name)")[:100],
        "gias_status": status[:100],
        "closed": status.lower() == CLOSED_STATUS,
        "opened_on": _date(row, "OpenDate"),
        "closed_on": _date(row, "CloseDate"),
        "street": _value(row, "Street")[:200],
        "locality": _value(row, "Locality")[:200],
        "town": _value(row, "Town")[:100],
        "postcode": _value(row, "Postcode").upper()[:10],
        "district": _value(row, "DistrictAdministrative (name)")[:100],
        "website": _value(row, "SchoolWebsite")[:300],
        "telephone": _value(row, "TelephoneNum")[:30],
        "sen_provision": [need for column in SEN_COLUMNS if (need := _value(row, column))],
        "resourced_provision_type": _value(row, "TypeOfResourcedProvision (name)")[:150],
        "resourced_provision_on_roll": _number(row, "ResourcedProvisionOnRoll"),
        "resourced_provision_capacity": _number(row, "ResourcedProvisionCapacity"),
        "sen_unit_on_roll": _number(row, "SenUnitOnRoll"),
        "sen_unit_capacity": _number(row, "SenUnitCapacity"),
    }


def _canonical_rows(text: str) -> tuple[csv.DictReader, list[str]]:
    """A reader whose rows use the canonical column names whatever their case in the file
    (GIAS has written both "SenUnitOnRoll" and "SENUnitOnRoll")."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration as empty:
        raise GiasFileError("The file is empty.") from empty
    known = {name.lower(): name for name in [*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS]}
    header = [known.get(name.strip().lower(), name.strip()) for name in header]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise GiasFileError(
            f"The file has no {', '.join(repr(name) for name in missing)} column"
            f"{'s' if len(missing) > 1 else ''}. Is it the GIAS establishment download "
            "(edubasealldata)?"
        )
    return reader, header


OPTIONAL_COLUMNS = [
    "LA (name)",
    "Locality",
    "DistrictAdministrative (name)",
    "SchoolWebsite",
    "TelephoneNum",
    *SEN_COLUMNS,
    "TypeOfResourcedProvision (name)",
    "ResourcedProvisionOnRoll",
    "ResourcedProvisionCapacity",
    "SenUnitOnRoll",
    "SenUnitCapacity",
]


def import_gias(data: bytes, la_code: str, encoding: str = "cp1252") -> ImportReport:
    """Create or update the local authority's schools from a GIAS download, in one transaction.

    Only GIAS fields are written: what staff entered (report link, SENCo, community) is never
    touched. Schools missing from the file are left alone: a partial download is not a closure.
    """
    reader, header = _canonical_rows(decode(data, encoding))
    report = ImportReport()
    wanted: dict[int, tuple[int, dict]] = {}
    la_code = la_code.strip()
    for values in reader:
        line = reader.line_num
        if not any(value.strip() for value in values):
            continue
        row = dict(zip(header, values, strict=False))
        if len(values) != len(header):
            report.bad_rows.append(
                f"Line {line}: {len(values)} columns where the header has {len(header)}"
            )
            continue
        if _value(row, "LA (code)") != la_code:
            report.skipped += 1
            continue
        try:
            urn_text = _value(row, "URN")
            if not urn_text.isdigit() or int(urn_text) > 2_147_483_647:
                raise ValueError(f"URN {urn_text!r} is not a URN")
            urn = int(urn_text)
            if urn in wanted:
                raise ValueError(f"URN {urn} is also on line {wanted[urn][0]}")
            wanted[urn] = (line, school_fields(row))
        except ValueError as error:
            report.bad_rows.append(f"Line {line}: {error}")

    now = timezone.now()
    with transaction.atomic():
        existing = School.objects.in_bulk(list(wanted), field_name="urn")
        for urn, (_line, fields) in wanted.items():
            school = existing.get(urn)
            if school is None:
                School(urn=urn, imported_at=now, **fields).save()
                report.created += 1
                report.closed += fields["closed"]
                continue
            changed = [name for name, value in fields.items() if getattr(school, name) != value]
            if not changed:
                report.unchanged += 1
                continue
            if "closed" in changed and fields["closed"]:
                report.closed += 1
            for name in changed:
                setattr(school, name, fields[name])
            school.imported_at = now
            school.save(update_fields=[*changed, "imported_at"])
            report.updated += 1
    return report
