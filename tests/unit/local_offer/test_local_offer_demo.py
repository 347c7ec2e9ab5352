"""The Local Offer's demo data: enough real services, spread over every need, age and district."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from local_offer.demo import load_demo
from local_offer.models import LocalOfferPage, Service, Taxonomy, TaxonomyTerm

pytestmark = pytest.mark.django_db


def test_demo_covers_every_area_age_band_and_district(home):
    summary = load_demo(StringIO())
    services = Service.objects.published().prefetch_related("need_types", "districts")
    assert services.count() >= 40
    assert "\n" not in summary and "services" in summary
    areas = {need.parent_id for s in services for need in s.need_types.all()}
    assert areas == set(TaxonomyTerm.objects.areas_of_need().values_list("pk", flat=True))
    need_types = {need.code for s in services for need in s.need_types.all()}
    assert need_types == {
        "SpLD",
        "MLD",
        "SLD",
        "PMLD",
        "SEMH",
        "SLCN",
        "HI",
        "VI",
        "MSI",
        "PD",
        "ASD",
        "OTH",
    }
    districts = {d.name for s in services for d in s.districts.all()}
    assert len(districts) == 12 == TaxonomyTerm.objects.filter(taxonomy=Taxonomy.DISTRICT).count()
    for age in (0, 3, 8, 14, 18, 24):
        assert services.filter(minimum_age__lte=age, maximum_age__gte=age).exists(), age
    names = set(services.values_list("name", flat=True))
    for expected in (
        "Information, Advice and Support Kent (IASK)",
        "Kent PACT parent carer forum",
        "Early Help",
        "Kent Resilience Hub",
        "Specialist Teaching and Learning Service (STLS)",
        "Talking Walk-ins",
        "Portage home visiting",
        "Educational Psychology Service",
        "Children's speech and language therapy",
    ):
        assert expected in names
    text = " ".join(services.values_list("description", flat=True))
    assert "lorem" not in text.lower() and "Balanced System" in text
    for phone in services.exclude(phone="").values_list("phone", flat=True):
        assert phone == "03000 41 41 41" or phone.startswith("01632 960"), phone


def test_directory_page_is_in_the_menu_under_the_home_page(home):
    load_demo(StringIO())
    page = LocalOfferPage.objects.get()
    assert page.get_parent().pk == Site.objects.get(is_default_site=True).root_page_id
    assert page.show_in_menus and page.live


def test_running_again_changes_nothing(home):
    load_demo(StringIO())
    counts = (Service.objects.count(), LocalOfferPage.objects.count(), TaxonomyTerm.objects.count())
    load_demo(StringIO())
    assert counts == (
        Service.objects.count(),
        LocalOfferPage.objects.count(),
        TaxonomyTerm.objects.count(),
    )


def test_generate_services_makes_thousands_quickly(home):
    out = StringIO()
    call_command("generate_services", "300", stdout=out)
    assert Service.objects.published().count() == 300
    assert all(s.need_types.exists() for s in Service.objects.all()[:10])
