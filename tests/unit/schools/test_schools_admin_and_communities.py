"""Staff editing of schools (validation, consent) in the CMS, and `manage.py import_communities`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from schools.factories import CommunityOfSchoolsFactory, SchoolFactory
from schools.models import CommunityOfSchools, School

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("staff", "s@example.org", "pw"))
    return client


def edit(client, school, **data):
    values = {
        "community": "",
        "report_url": "",
        "senco_name": "",
        "senco_email": "",
        "senco_phone": "",
        **data,
    }
    return client.post(reverse("wagtailsnippets_schools_school:edit", args=[school.pk]), values)


def test_staff_set_report_link_senco_and_community(staff):
    school = SchoolFactory()
    community = CommunityOfSchoolsFactory()
    response = edit(
        staff,
        school,
        community=community.pk,
        report_url="https://oakwood.example.org/send-report.pdf",
        senco_name="Ms Demo",
        senco_email="senco@oakwood.example.org",
        senco_consent="on",
    )
    assert response.status_code == 302, response.context["form"].errors
    school.refresh_from_db()
    assert school.community == community
    assert school.report_url.endswith("send-report.pdf")
    assert school.senco_consent


@pytest.mark.parametrize(
    "data, field",
    [
        ({"report_url": "not a web address"}, "report_url"),
        ({"report_url": "ftp://example.org/report"}, "report_url"),
        ({"senco_email": "senco at school"}, "senco_email"),
        ({"senco_consent": "on"}, "senco_name"),
    ],
    ids=["url", "ftp", "email", "consent-without-contact"],
)
def test_bad_values_are_refused(staff, data, field):
    school = SchoolFactory()
    response = edit(staff, school, **data)
    assert response.status_code == 200
    assert field in response.context["form"].errors


def test_gias_fields_are_read_only_in_the_cms(staff):
    school = SchoolFactory(name="Oakwood Primary School")
    edit(staff, school, name="Changed")
    school.refresh_from_db()
    assert school.name == "Oakwood Primary School"


def test_schools_listing_searches_and_filters(staff):
    SchoolFactory(name="Oakwood Primary School")
    SchoolFactory(name="Beechwood School")
    url = reverse("wagtailsnippets_schools_school:list")
    response = staff.get(url, {"q": "oakwood"})
    assert response.status_code == 200
    assert "Oakwood Primary School" in response.content.decode()
    assert "Beechwood School" not in response.content.decode()
    assert staff.get(url, {"last_check_status": "broken"}).status_code == 200
    assert staff.get(reverse("wagtailsnippets_schools_communityofschools:list")).status_code == 200


def run(tmp_path, text, *args, encoding="utf-8-sig"):
    path = tmp_path / "communities.csv"
    path.write_bytes(text.encode(encoding))
    out, err = StringIO(), StringIO()
    call_command("import_communities", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_communities_assigns_schools(tmp_path):
    first = SchoolFactory(urn=990001)
    second = SchoolFactory(urn=990002)
    CommunityOfSchoolsFactory(name="Ashford North")
    text = "URN,Community of Schools\r\n990001,Ashford North\r\n990002,Ashford South\r\n123,Ashford North\r\n"
    out, err = run(tmp_path, text)
    assert "assigned 1" in out and "bad rows 2" in out
    assert "Line 3: no Community of Schools called 'Ashford South'" in err
    assert "Line 4: no school with URN '123'" in err
    first.refresh_from_db()
    assert first.community.name == "Ashford North"

    text = "URN,Community of Schools,Primary Care Network,Area\r\n990002,Ashford Süd,Ashford PCN,Ashford\r\n"
    out, _err = run(tmp_path, text, "--create-missing", encoding="cp1252")
    second.refresh_from_db()
    assert second.community.name == "Ashford Süd"
    assert second.community.primary_care_network == "Ashford PCN"
    assert "communities created 1" in out

    out, _err = run(tmp_path, "URN,Community\r\n990001,ashford north\r\n990002,\r\n")
    assert "unchanged 1" in out and "removed 1" in out
    assert School.objects.get(urn=990002).community is None
    assert CommunityOfSchools.objects.count() == 2


def test_import_communities_refuses_a_file_without_the_columns(tmp_path):
    with pytest.raises(CommandError, match="URN"):
        run(tmp_path, "School,Group\r\n1,2\r\n")


def test_community_slug_is_made_from_the_name():
    assert CommunityOfSchoolsFactory(name="Folkestone & Hythe West").slug == "folkestone-hythe-west"
