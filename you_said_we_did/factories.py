"""Factories for updates and subscriptions, shared by the tests and the demo data."""

from __future__ import annotations

import factory
from django.utils import timezone

from home.factories import BasePageFactory

from .models import ProgressNote, Subscription, UpdateIndexPage, UpdatePage


class UpdateIndexPageFactory(BasePageFactory):
    title = "You said, we did"
    slug = "you-said-we-did"
    intro = "What you told us, and what we did about it."

    class Meta:
        model = UpdateIndexPage


class UpdatePageFactory(BasePageFactory):
    """An update. Pass ``parent=`` an UpdateIndexPage; ``ambitions=[...]`` and
    ``consultations=[...]`` set the tags."""

    title = factory.Sequence(lambda n: f"Update {n}")
    you_said = "<p>Waits for assessments were too long.</p>"
    we_did = "<p>We took on more assessment staff.</p>"
    status = UpdatePage.Status.IN_PROGRESS
    progress = 40
    easy_read_summary = "You said waits were too long. We got more staff."

    class Meta:
        model = UpdatePage
        skip_postgeneration_save = True

    @factory.post_generation
    def ambitions(self, create, extracted, **kwargs):
        if extracted:
            self.ambitions.set(extracted)
            if create:
                self.save()

    @factory.post_generation
    def outcomes(self, create, extracted, **kwargs):
        if extracted:
            self.outcomes.set(extracted)
            if create:
                self.save()

    @factory.post_generation
    def consultations(self, create, extracted, **kwargs):
        if extracted:
            self.consultations.set(extracted)
            if create:
                self.save()


class ProgressNoteFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(UpdatePageFactory)
    date = factory.LazyFunction(lambda: timezone.localdate())
    note = "Work started."

    class Meta:
        model = ProgressNote


class SubscriptionFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"subscriber{n}@example.org")
    language = "en-gb"
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscription
        skip_postgeneration_save = True

    @factory.post_generation
    def ambitions(self, create, extracted, **kwargs):
        if create and extracted:
            self.ambitions.set(extracted)
