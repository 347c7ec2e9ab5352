"""Factories for the site-wide core models, shared by tests and the demo-content command."""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Site

from hub.models import AccessibleImage, CouncilSettings


class AccessibleImageFactory(DjangoModelFactory):
    """An image with the alt text the model insists on."""

    title = factory.Sequence(lambda n: f"Image {n}")
    alt_text = factory.Sequence(lambda n: f"A short description of image {n}")
    file = factory.django.ImageField(width=640, height=480, color="#1d4f6e")
    # The root collection, not a new root per image (wagtail-factories' default would do that).
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = AccessibleImage


class CouncilSettingsFactory(DjangoModelFactory):
    """Council settings for a site; one row per site, so it gets or updates by site."""

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    council_name = "Kent County Council"
    service_name = "SEND Information Hub"
    phase = CouncilSettings.Phase.BETA
    phone = "03000 41 41 41"

    class Meta:
        model = CouncilSettings
        django_get_or_create = ("site",)
