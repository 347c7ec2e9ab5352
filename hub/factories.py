"""Factories for the site-wide core models, shared by tests and the demo-content command."""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Locale, Site

from hub.models import AccessibleImage, CouncilSettings, CouncilText


class AccessibleImageFactory(DjangoModelFactory):
    """An image with the alt text the model insists on."""

    title = factory.Sequence(lambda n: f"Image {n}")
    alt_text = factory.Sequence(lambda n: f"A short description of image {n}")
    file = factory.django.ImageField(width=640, height=480, color="#1d4f6e")
    # The root collection, not a new root per image (wagtail-factories' default would do that).
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = AccessibleImage


class CouncilTextFactory(DjangoModelFactory):
    """The council's words in the default language (translations are made with wagtail-localize)."""

    locale = factory.LazyFunction(Locale.get_default)
    council_name = "Kent County Council"
    service_name = "SEND Information Hub"

    class Meta:
        model = CouncilText


class CouncilSettingsFactory(DjangoModelFactory):
    """Council settings for a site; one row per site, so it gets or updates by site."""

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    text = factory.SubFactory(CouncilTextFactory)
    phase = CouncilSettings.Phase.BETA
    phone = "03000 41 41 41"

    class Meta:
        model = CouncilSettings
        django_get_or_create = ("site",)
