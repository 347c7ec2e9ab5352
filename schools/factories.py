"""Factories for schools, Communities of Schools, link checks and the finder page, shared by the
tests and the demo data (schools/demo.py)."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from home.factories import BasePageFactory
from schools.models import CommunityOfSchools, LinkCheck, LinkStatus, School, SchoolFinderPage

COMMUNITIES_EXPLANATION = (
    "<p>A Community of Schools is a group of local schools working together, and with local "
    "services such as health professionals, to support children and families. They focus on "
    "inclusion, early help and prevention.</p>"
    "<p>There are 53 Communities of Schools across Kent. Each one is linked to an NHS Primary "
    "Care Network, a group of local GP practices.</p>"
)


class CommunityOfSchoolsFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Demo Community of Schools {n}")
    primary_care_network = factory.Sequence(lambda n: f"Demo Primary Care Network {n}")
    area = "Ashford"
    description = "A demo community made up for trying out the site."

    class Meta:
        model = CommunityOfSchools
        django_get_or_create = ("name",)


class SchoolFactory(DjangoModelFactory):
    urn = factory.Sequence(lambda n: 980000 + n)
    name = factory.Sequence(lambda n: f"Demo Primary School {n}")
    la_code = "886"
    la_name = "Kent"
    establishment_type = "Community school"
    phase = "Primary"
    gias_status = "Open"
    street = "High Street"
    town = "Ashford"
    postcode = "TN23 1AA"
    district = "Ashford"
    website = "www.example.org"
    telephone = "01233 555000"

    class Meta:
        model = School
        django_get_or_create = ("urn",)


class LinkCheckFactory(DjangoModelFactory):
    school = factory.SubFactory(SchoolFactory)
    url = factory.LazyAttribute(lambda o: o.school.report_url)
    checked_at = factory.LazyFunction(timezone.now)
    status = LinkStatus.WORKING
    status_code = 200

    class Meta:
        model = LinkCheck


class SchoolFinderPageFactory(BasePageFactory):
    title = "Find a school's SEND Information Report"
    slug = "find-a-school"
    summary = "Search for a school in Kent to find its SEND Information Report and SENCo."
    intro = (
        "<p>Every school should have a SEND Information Report on its website. It explains the "
        "support the school gives to children with special educational needs and "
        "disabilities.</p>"
    )
    communities_explanation = COMMUNITIES_EXPLANATION

    class Meta:
        model = SchoolFinderPage
