"""schools/demo.py: the demo data loads through the real importer and a second run adds nothing."""

from io import StringIO

import pytest

from schools import demo
from schools.models import CommunityOfSchools, LinkCheck, School, SchoolFinderPage

pytestmark = pytest.mark.django_db


def test_demo_loads_and_is_idempotent(home, client):
    summary = demo.load_demo(StringIO())
    assert "schools new 25" in summary
    assert "finder page added" in summary
    assert CommunityOfSchools.objects.count() == 12
    assert all("Demo data" in c.description for c in CommunityOfSchools.objects.all())
    assert School.objects.filter(community__isnull=False).count() == 25
    assert School.objects.exclude(report_url="").exists()
    assert School.objects.filter(report_url="", closed=False).exists(), "some links missing"
    assert (
        not School.objects.exclude(report_url="")
        .exclude(report_url__contains="example.org")
        .exists()
    )
    statuses = set(LinkCheck.objects.values_list("status", flat=True))
    assert {"working", "broken"} <= statuses
    page = SchoolFinderPage.objects.get()
    assert page.live and not page.show_in_menus
    assert page.get_parent().pk == home.pk
    assert client.get(page.url).status_code == 200

    counts = (School.objects.count(), CommunityOfSchools.objects.count(), LinkCheck.objects.count())
    second = demo.load_demo(StringIO())
    assert "created" not in second
    assert "unchanged 25" in second
    assert (
        School.objects.count(),
        CommunityOfSchools.objects.count(),
        LinkCheck.objects.count(),
    ) == counts
    assert SchoolFinderPage.objects.count() == 1
