"""Factories for Local Offer records, shared by the tests, the demo content and the
generate_services benchmark command."""

import datetime
import random

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from .models import (
    CostOption,
    LocalOfferPage,
    Location,
    Organisation,
    ReferralRoute,
    RegularSchedule,
    Service,
    ServiceAtLocation,
    ServiceContact,
    Taxonomy,
)
from .vocabularies import ensure_vocabularies, terms


class OrganisationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    description = factory.LazyAttribute(lambda o: f"{o.name} runs services for families.")
    email = factory.Sequence(lambda n: f"organisation{n}@example.org")
    live = True
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Organisation


class LocationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Centre {n}")
    address_1 = "1 High Street"
    city = "Ashford"
    postcode = "TN24 8UX"
    latitude = 51.146
    longitude = 0.875

    class Meta:
        model = Location


class ServiceFactory(DjangoModelFactory):
    """A live, active service. Pass need_types/districts/... as term lists, or term codes via
    need_codes/district_codes/delivery_codes/category_codes/accessibility_codes."""

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Service {n}")
    description = "Support for children and young people with SEND and their families."
    who_it_is_for = "Children and young people with SEND, and their parents and carers."
    how_to_access = "Phone or email the service to talk about what would help."
    minimum_age = 0
    maximum_age = 25
    referral_route = ReferralRoute.SELF
    is_free = True
    live = True
    locale = factory.LazyFunction(Locale.get_default)
    last_reviewed = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = Service
        skip_postgeneration_save = True

    @factory.post_generation
    def need_codes(obj, create, extracted, **kwargs):
        ensure_vocabularies()
        obj.need_types.set(terms(Taxonomy.SEND_NEED, extracted or ("SLCN",)))

    @factory.post_generation
    def district_codes(obj, create, extracted, **kwargs):
        obj.districts.set(terms(Taxonomy.DISTRICT, extracted or ("ashford",)))

    @factory.post_generation
    def delivery_codes(obj, create, extracted, **kwargs):
        obj.delivery_modes.set(terms(Taxonomy.DELIVERY_MODE, extracted or ("in-person",)))

    @factory.post_generation
    def category_codes(obj, create, extracted, **kwargs):
        obj.categories.set(terms(Taxonomy.SERVICE_CATEGORY, extracted or ("information-advice",)))

    @factory.post_generation
    def accessibility_codes(obj, create, extracted, **kwargs):
        obj.accessibility_features.set(terms(Taxonomy.ACCESSIBILITY, extracted or ()))
        if create:
            obj.save()


class ServiceAtLocationFactory(DjangoModelFactory):
    service = factory.SubFactory(ServiceFactory)
    location = factory.SubFactory(LocationFactory)

    class Meta:
        model = ServiceAtLocation


class RegularScheduleFactory(DjangoModelFactory):
    service = factory.SubFactory(ServiceFactory)
    weekday = "MO"
    opens_at = datetime.time(9, 30)
    closes_at = datetime.time(12, 0)

    class Meta:
        model = RegularSchedule


class CostOptionFactory(DjangoModelFactory):
    service = factory.SubFactory(ServiceFactory)
    option = "Per session"
    amount = 5

    class Meta:
        model = CostOption


class ServiceContactFactory(DjangoModelFactory):
    service = factory.SubFactory(ServiceFactory)
    name = "Duty team"
    email = "duty@example.org"
    phone = "01632 960000"

    class Meta:
        model = ServiceContact


class LocalOfferPageFactory(factory.django.DjangoModelFactory):
    """Use as LocalOfferPageFactory(parent=home)."""

    title = "Find support: the Local Offer"
    slug = "find-support"
    summary = "Search for services for children and young people with SEND, aged 0 to 25."

    class Meta:
        model = LocalOfferPage

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page


def random_service_values(rng: random.Random, organisation, vocab: dict) -> dict:
    """Field values for one generated service (generate_services), realistic in shape."""
    low = rng.choice([0, 0, 2, 4, 5, 11, 14, 16])
    return {
        "organisation": organisation,
        "minimum_age": low,
        "maximum_age": min(25, low + rng.choice([3, 5, 7, 11, 25])),
        "referral_route": rng.choice(list(ReferralRoute.values)),
        "is_free": rng.random() < 0.85,
        "need_types": rng.sample(vocab["needs"], rng.randint(1, 4)),
        "districts": rng.sample(vocab["districts"], rng.randint(1, 4)),
        "delivery_modes": rng.sample(vocab["delivery"], rng.randint(1, 3)),
        "categories": rng.sample(vocab["categories"], 1),
        "last_reviewed": timezone.localdate() - datetime.timedelta(days=rng.randint(0, 500)),
    }
