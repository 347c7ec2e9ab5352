"""Demo data for schools: the demo GIAS file imported through the real importer, a made-up
Community of Schools for each Kent district, some report links, SENCos and link-check results,
and the "Find a school's SEND Information Report" page. Called by `manage.py load_demo_content`
(inside its transaction, after the editorial pages exist). Running it again creates nothing new.

Every school and community here is invented and says so; report links use example.org hosts,
so the demo never makes the link checker visit a real school's website.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from wagtail.models import Site

from hub.demo_data import KENT_DISTRICTS
from schools.factories import (
    CommunityOfSchoolsFactory,
    LinkCheckFactory,
    SchoolFinderPageFactory,
)
from schools.gias import import_gias
from schools.models import CommunityOfSchools, LinkCheck, LinkStatus, School, SchoolFinderPage

DEMO_GIAS_FILE = Path(__file__).parent / "demo_data" / "edubasealldata_demo.csv"
KENT_LA_CODE = "886"
DEMO_DESCRIPTION = (
    "Demo data: a made-up Community of Schools for trying out this site. Kent's 53 real "
    "Communities of Schools are each linked to an NHS Primary Care Network."
)

# From the seed documents (000 and 002): what Communities of Schools are and do.
FINDER_INTRO = (
    "<p>Every school should have a SEND Information Report on its website. This explains what "
    "support is available.</p>"
    "<p>You can also speak to the school's SENCo (special educational needs and disabilities "
    "coordinator) for more information.</p>"
)
COMMUNITIES_EXPLANATION = (
    "<p>Communities of Schools are groups of schools working together with local services, "
    "like health professionals, to support you and your family. They focus on inclusion, early "
    "help and prevention. There are 53 Communities of Schools across Kent, each linked to NHS "
    "Primary Care Networks.</p>"
    "<p>Schools work together in their Community of Schools to understand what children need "
    "and to request resources or support. This support may benefit more than one child with "
    "similar needs. Your child does not need an education, health and care plan (EHCP) to "
    "receive extra help or resources.</p>"
    "<p>The communities of schools will:</p>"
    "<ul><li>share best practice for SEN inclusion in mainstream settings</li>"
    "<li>review local SEN, education and other data to identify trends and issues</li>"
    "<li>coordinate the allocation of specialist SEN resources and support</li>"
    "<li>make sure resources are shared fairly and effectively across the community</li>"
    "<li>complement, not duplicate, existing services</li></ul>"
    "<p>They work closely with NHS care networks, SEND professionals, the Professional Resource "
    "Group and four area boards that oversee quality. Every community has a chair appointed "
    "from outside the community.</p>"
    "<p>The new approach started in September 2025 and will be fully in place by September "
    "2027.</p>"
)


def load_demo(stdout) -> str:
    report = import_gias(DEMO_GIAS_FILE.read_bytes(), KENT_LA_CODE)
    communities = _communities()
    assigned = _assign(communities)
    links = _report_links_and_sencos()
    checks = _link_checks()
    page_new = _finder_page()
    # Worded without "created": the demo command's callers look for that word to spot a
    # second run that added something.
    return (
        f"schools new {report.created}, changed {report.updated}, unchanged {report.unchanged}"
        f" (closed {School.objects.filter(closed=True).count()}); "
        f"communities {len(communities)}, newly assigned "
        f"schools {assigned}, report links added {links}, link checks recorded {checks}"
        f"{', finder page added' if page_new else ''}."
    )


def _communities() -> dict[str, CommunityOfSchools]:
    return {
        district: CommunityOfSchoolsFactory(
            name=f"{district} Demo Community of Schools",
            area=district,
            primary_care_network=f"{district} Demo Primary Care Network",
            description=DEMO_DESCRIPTION,
        )
        for district in KENT_DISTRICTS
    }


def _assign(communities: dict[str, CommunityOfSchools]) -> int:
    assigned = 0
    # Only schools without a community: staff changes to the demo are kept.
    for school in School.objects.filter(la_code=KENT_LA_CODE, community__isnull=True):
        community = communities.get(school.district)
        if community is not None:
            school.community = community
            school.save(update_fields=["community"])
            assigned += 1
    return assigned


def _report_links_and_sencos() -> int:
    added = 0
    schools = School.objects.filter(la_code=KENT_LA_CODE, closed=False, report_url="")
    for index, school in enumerate(schools.order_by("urn")):
        # Every fifth school has no link yet, so the dashboard shows missing links too.
        if school.urn % 5 == 0 or not school.website:
            continue
        school.report_url = f"https://{school.website.removeprefix('www.')}/send-information-report"
        if index % 3 == 0:
            school.senco_name = "Demo SENCo"
            school.senco_email = f"senco@{school.website.removeprefix('www.')}"
            school.senco_phone = school.telephone
            school.senco_consent = True
        school.save()
        added += 1
    return added


def _link_checks() -> int:
    """Made-up results (no network), so the dashboard has something to show."""
    if LinkCheck.objects.exists():
        return 0
    checked_at = timezone.now() - timedelta(days=2)
    recorded = 0
    for school in School.objects.open().exclude(report_url="").order_by("urn"):
        status, code = LinkStatus.WORKING, 200
        if school.urn % 7 == 0:
            status, code = LinkStatus.BROKEN, 404
        elif school.urn % 11 == 0:
            status, code = LinkStatus.TIMED_OUT, None
        LinkCheckFactory(school=school, checked_at=checked_at, status=status, status_code=code)
        School.objects.filter(pk=school.pk).update(
            last_check_status=status, last_check_status_code=code, last_checked_at=checked_at
        )
        recorded += 1
    return recorded


def _finder_page() -> bool:
    home = Site.objects.get(is_default_site=True).root_page
    if SchoolFinderPage.objects.child_of(home).exists():
        return False
    page = SchoolFinderPageFactory(
        parent=home,
        live=False,
        show_in_menus=False,
        locale=home.locale,
        intro=FINDER_INTRO,
        communities_explanation=COMMUNITIES_EXPLANATION,
    )
    page.save_revision().publish()
    return True
