"""How long the GIAS import takes for a whole-country-sized file: `make bench`, never `make test`.

The real download holds about 50,000 establishments (every local authority, open and closed);
one local authority keeps a few hundred of them. The file is made from the fixture's rows.
"""

import time
from pathlib import Path

import pytest

from schools.gias import import_gias
from schools.models import School

pytestmark = [pytest.mark.perf, pytest.mark.django_db]

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "gias" / "edubasealldata_sample.csv"
ROWS = 50_000
KENT_ROWS = 600


def whole_country_file() -> bytes:
    header, *rows = FIXTURE.read_bytes().decode("cp1252").split("\r\n")
    kent = [row for row in rows if ",886,Kent," in row and not row.startswith("99O")]
    other = [row for row in rows if row and ",886,Kent," not in row]
    lines = [header]
    for number in range(ROWS):
        template = kent[number % len(kent)] if number < KENT_ROWS else other[number % len(other)]
        urn = str(100000 + number)
        lines.append(urn + template[template.index(",") :])
    return "\r\n".join(lines).encode("cp1252")


def test_import_time_for_a_whole_country_file(capsys):
    data = whole_country_file()
    started = time.perf_counter()
    first = import_gias(data, "886")
    first_seconds = time.perf_counter() - started
    started = time.perf_counter()
    second = import_gias(data, "886")
    second_seconds = time.perf_counter() - started
    assert first.created == KENT_ROWS == School.objects.count()
    assert second.unchanged == KENT_ROWS
    with capsys.disabled():
        print(
            f"\nGIAS import, {ROWS} rows ({len(data) / 1e6:.1f} MB), {KENT_ROWS} kept: "
            f"first run {first_seconds:.2f}s, second run {second_seconds:.2f}s"
        )
