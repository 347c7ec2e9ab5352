"""The records: validation rules, ORUK ids, review dates, revisions holding child records."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from local_offer.factories import (
    CostOptionFactory,
    LocationFactory,
    ServiceFactory,
)
from local_offer.models import Location, Service, months_before, normalise_postcode
from local_offer.models.organisations import validate_uk_postcode

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "postcode", ["TN24 8UX", "tn248ux", "ME14 1XQ", "CT1 1UT", "GIR 0AA", "EC1A 1BB"]
)
def test_real_uk_postcodes_are_accepted(postcode):
    validate_uk_postcode(postcode)


@pytest.mark.parametrize("postcode", ["", "12345", "TN24", "QQ1 1AA", "TN24 8UXX", "TN24\x008UX"])
def test_other_postcodes_are_refused(postcode):
    with pytest.raises(ValidationError):
        validate_uk_postcode(postcode)


def test_postcode_is_normalised_on_clean():
    assert normalise_postcode(" tn24  8ux ") == "TN24 8UX"
    location = Location(name="Hub", address_1="1 Street", city="Ashford", postcode="tn248ux")
    location.full_clean()
    assert location.postcode == "TN24 8UX"


def test_coordinates_come_in_pairs():
    location = LocationFactory.build(latitude=51.1, longitude=None)
    with pytest.raises(ValidationError):
        location.full_clean()


def test_oldest_age_cannot_be_below_youngest_or_above_25():
    service = ServiceFactory(minimum_age=10, maximum_age=5)
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "maximum_age" in error.value.message_dict
    service.maximum_age = 26
    with pytest.raises(ValidationError):
        service.full_clean()


def test_months_before_clamps_to_the_end_of_the_month():
    assert months_before(datetime.date(2026, 8, 31), 6) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 3, 3), 12) == datetime.date(2025, 3, 3)


def test_review_overdue_after_twelve_months():
    today = timezone.localdate()
    assert not ServiceFactory(last_reviewed=today - datetime.timedelta(days=300)).review_overdue
    assert ServiceFactory(last_reviewed=today - datetime.timedelta(days=370)).review_overdue


def test_oruk_id_is_the_translation_key_and_survives_translation():
    from wagtail.models import Locale

    service = ServiceFactory()
    urdu = Locale.objects.get(language_code="ur")
    copy = service.copy_for_translation(urdu)
    copy.save()
    assert copy.oruk_id == service.oruk_id == service.translation_key
    assert Service.objects.published().count() == 1


def test_a_revision_holds_the_child_records_and_terms():
    service = ServiceFactory(need_codes=["ASD", "SEMH"], district_codes=["dover"])
    CostOptionFactory(service=service, option="Per session", amount=3)
    revision = service.save_revision()
    restored = revision.as_object()
    assert {t.code for t in restored.need_types.all()} == {"ASD", "SEMH"}
    assert [c.option for c in restored.cost_options.all()] == ["Per session"]
