"""Factories for the strategy's ambitions and their pages, shared by tests and demo content."""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from home.factories import BasePageFactory
from outcomes.models import Ambition, AmbitionPage, Outcome


class AmbitionFactory(DjangoModelFactory):
    number = factory.Sequence(lambda n: n % 20 + 1)
    title = factory.Sequence(lambda n: f"Ambition {n}")
    summary = factory.LazyAttribute(lambda o: f"What we want to achieve for {o.title.lower()}.")
    easy_read_summary = "We want things to get better."
    # TranslatableMixin does not fill the locale in for snippets created outside the admin.
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Ambition


class AmbitionPageFactory(BasePageFactory):
    title = factory.LazyAttribute(lambda o: o.ambition.title)
    ambition = factory.SubFactory(AmbitionFactory)
    ambition_statement = "<p>Our ambition.</p>"
    why_important = "<p>Why it matters.</p>"
    how_we_will_achieve_it = "<p>What we will do.</p>"
    impact = "<p>The difference it will make.</p>"
    monitor_progress = "<p>How we will check.</p>"
    continuous_improvement = "<p>How we will keep improving.</p>"

    class Meta:
        model = AmbitionPage


class OutcomeFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"My outcome {n}")
    statement = factory.LazyAttribute(lambda o: f"What {o.title.lower()} means for me.")
    sort_order = factory.Sequence(lambda n: n)
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Outcome
        # A plain many-to-many: set() writes it, the outcome needs no second save.
        skip_postgeneration_save = True

    @factory.post_generation
    def ambitions(self, create, extracted, **kwargs):
        if create and extracted:
            self.ambitions.set(extracted)
