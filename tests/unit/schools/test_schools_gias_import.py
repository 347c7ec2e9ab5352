"""`manage.py import_gias`: the real GIAS format, idempotence, closures, staff data kept, and
files refused whole."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from schools.factories import CommunityOfSchoolsFactory
from schools.gias import GiasFileError, import_gias
from schools.models import School

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "gias" / "edubasealldata_sample.csv"
KENT_SCHOOLS = 25  # plus one bad Kent row


def run(path=FIXTURE, la_code="886", **options):
    out, err = StringIO(), StringIO()
    call_command("import_gias", str(path), "--la-code", la_code, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_fixture_is_the_real_gias_shape():
    data = FIXTURE.read_bytes()
    header = data.decode("cp1252").splitlines()[0].split(",")
    assert len(header) >= 130
    assert header[:5] == [
        "URN",
        "LA (code)",
        "LA (name)",
        "EstablishmentNumber",
        "EstablishmentName",
    ]
    for column in ("SEN13 (name)", "ResourcedProvisionCapacity", "DistrictAdministrative (name)"):
        assert column in header
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the non-ASCII names are Windows-1252 bytes


def test_first_import_creates_the_local_authoritys_schools():
    out, err = run()
    assert "created 25, updated 0, unchanged 0, closed 1, skipped 3" in out
    assert "bad rows 1" in out
    assert "Line 15: URN '99O026' is not a URN" in err
    assert School.objects.count() == KENT_SCHOOLS
    assert not School.objects.exclude(la_code="886").exists()

    school = School.objects.get(urn=990003)
    assert school.name == "St Æthelberht's Demo Catholic Primary School"
    assert school.town == "Canterbury"
    assert school.postcode == "CT1 2BP"
    assert school.district == "Canterbury"
    assert school.phase == "Primary"
    assert school.establishment_type == "Voluntary aided school"
    assert School.objects.get(urn=990016).name == "Ménage Demo Primary School"

    special = School.objects.get(urn=990006)
    assert special.sen_provision == [
        "ASD - Autistic Spectrum Disorder",
        "SLCN - Speech, language and Communication",
    ]
    dover = School.objects.get(urn=990008)
    assert (dover.sen_unit_on_roll, dover.sen_unit_capacity) == (8, 10)
    assert dover.resourced_provision_type == "SEN unit"
    assert School.objects.get(urn=990002).opened_on.isoformat() == "2012-09-01"


def test_closed_school_is_kept_and_marked_closed():
    run()
    closed = School.objects.get(urn=990025)
    assert closed.closed
    assert closed.closed_on.isoformat() == "2024-08-31"
    proposed = School.objects.get(urn=990023)
    assert not proposed.closed, "'Open, but proposed to close' is still open"
    assert School.objects.open().count() == KENT_SCHOOLS - 1


def test_second_run_changes_nothing_and_keeps_staff_data():
    run()
    community = CommunityOfSchoolsFactory()
    school = School.objects.get(urn=990001)
    school.report_url = "https://oakwood.example.org/send"
    school.senco_name = "Ms Demo"
    school.senco_consent = True
    school.community = community
    school.name = "Renamed by hand"  # a GIAS field: the import puts it back
    school.save()

    out, _err = run()
    assert "created 0, updated 1, unchanged 24, closed 0" in out
    school.refresh_from_db()
    assert school.name == "Oakwood Demo Primary School"
    assert school.report_url == "https://oakwood.example.org/send"
    assert school.senco_name == "Ms Demo"
    assert school.senco_consent
    assert school.community == community

    out, _err = run()
    assert "created 0, updated 0, unchanged 25, closed 0" in out


def test_a_school_that_closes_later_is_counted_once(tmp_path):
    run()
    text = (
        FIXTURE.read_bytes()
        .decode("cp1252")
        .replace(
            "990001,886,Kent,2001,Oakwood Demo Primary School,01,Community school,4,Local authority maintained schools,1,Open",
            "990001,886,Kent,2001,Oakwood Demo Primary School,01,Community school,4,Local authority maintained schools,2,Closed",
        )
    )
    changed = tmp_path / "closing.csv"
    changed.write_bytes(text.encode("cp1252"))
    out, _err = run(changed)
    assert "updated 1" in out and "closed 1" in out
    assert School.objects.get(urn=990001).closed


@pytest.mark.parametrize(
    "content, message",
    [
        ("URN,LA (code)\r\n1,886\r\n".encode("utf-16"), "UTF-16"),
        (FIXTURE.read_bytes().replace(b"Oakwood", b"Oak\x81ood"), "not valid cp1252"),
        (b"\xef\xbb\xbf" + FIXTURE.read_bytes(), "UTF-8 byte-order mark"),
        (
            FIXTURE.read_bytes().replace(b"EstablishmentStatus (name)", b"Status"),
            "'EstablishmentStatus (name)'",
        ),
        (b"", "empty"),
    ],
    ids=["utf-16", "bad-bytes", "utf-8-bom", "missing-column", "empty"],
)
def test_a_malformed_file_is_refused_and_the_database_is_untouched(tmp_path, content, message):
    run()
    School.objects.filter(urn=990001).update(name="Staff edit kept")
    before = list(School.objects.order_by("urn").values())
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    with pytest.raises(CommandError) as error:
        run(bad)
    assert message in str(error.value)
    assert "nothing was changed" in str(error.value)
    assert list(School.objects.order_by("urn").values()) == before


def test_header_names_are_matched_whatever_their_case():
    data = FIXTURE.read_bytes().replace(b"SenUnitOnRoll", b"SENUnitOnRoll")
    import_gias(data, "886")
    assert School.objects.get(urn=990008).sen_unit_on_roll == 8


def test_utf8_is_accepted_only_when_asked_for(tmp_path):
    utf8 = tmp_path / "utf8.csv"
    utf8.write_bytes(FIXTURE.read_bytes().decode("cp1252").encode("utf-8"))
    run(utf8, encoding="utf-8")
    assert School.objects.get(urn=990003).name.startswith("St Æthelberht's")


def test_bad_dates_and_short_rows_are_reported_with_line_numbers():
    text = FIXTURE.read_bytes().decode("cp1252")
    lines = text.split("\r\n")
    lines[2] = lines[2].replace("01-09-2012", "2012-09-01")
    lines[3] = "990099,886,Kent"
    report = import_gias("\r\n".join(lines).encode("cp1252"), "886")
    assert "Line 3: OpenDate '2012-09-01' is not a date in the form DD-MM-YYYY" in report.bad_rows
    assert any(problem.startswith("Line 4: 3 columns") for problem in report.bad_rows)


def test_other_local_authority():
    out, _err = run(la_code="887")
    assert "created 2" in out
    assert set(School.objects.values_list("la_code", flat=True)) == {"887"}


def test_la_code_must_be_a_number():
    with pytest.raises(CommandError, match="--la-code"):
        run(la_code="Kent")


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(tmp_path / "nope.csv")


def test_gias_file_error_is_raised_before_any_write(django_assert_num_queries):
    with django_assert_num_queries(0), pytest.raises(GiasFileError):
        import_gias("x".encode("utf-16"), "886")
