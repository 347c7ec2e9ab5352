"""Factories for consultations, shared by the tests and the demo data (consultations/demo.py)."""

from __future__ import annotations

import datetime
import uuid

import factory
from django.utils import timezone

from home.factories import BasePageFactory

from .models import Answer, ConsultationPage, Response, Theme


def question(kind: str, key: str, label: str, **extra) -> dict:
    """One question in raw StreamField form. Each gets a block id, as the page editor gives it:
    Wagtail adds ids only to top-level blocks of raw data, and wagtail-localize needs one on every
    block it offers for translation."""
    value = {"key": key, "label": label, "required": extra.pop("required", True), **extra}
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def options(*labels: str) -> list[dict]:
    from django.utils.text import slugify

    # In the list format the page editor saves (with ids), so wagtail-localize offers the labels
    # for translation.
    return [
        {
            "type": "item",
            "value": {"label": label, "easy_read_label": "", "value": slugify(label)},
            "id": str(uuid.uuid4()),
        }
        for label in labels
    ]


def step(title: str, *questions: dict, condition: tuple[str, str] | None = None, **extra) -> dict:
    value = {"title": title, "questions": list(questions), **extra}
    if condition:
        value["condition"] = {"question_key": condition[0], "answer": condition[1]}
    return {"type": "step", "value": value}


def sample_questionnaire() -> list[dict]:
    """Three steps covering the common question types, with skip logic on the third."""
    return [
        step(
            "About you",
            question("respondent_type", "who", "Who is answering?"),
            question("yes_no", "school", "Does your child go to school?"),
        ),
        step(
            "Your views",
            question("agree_scale", "agree-1", "How much do you agree?"),
            question(
                "long_text", "change-1", "What would you change?", required=False, max_length=500
            ),
        ),
        step(
            "School",
            question(
                "single_choice",
                "school-type",
                "What kind of school?",
                options=options("Mainstream", "Special school"),
            ),
            condition=("school", "yes"),
        ),
    ]


class ConsultationPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Consultation {n}")
    audience = "Parents, carers and young people"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=60))
    introduction = "<p>Tell us what you think.</p>"
    questionnaire = factory.LazyFunction(sample_questionnaire)

    class Meta:
        model = ConsultationPage


class ResponseFactory(factory.django.DjangoModelFactory):
    reference = factory.Sequence(lambda n: f"R-TEST-{n:04d}")
    channel = Response.Channel.ONLINE
    language = "en-gb"

    class Meta:
        model = Response


class AnswerFactory(factory.django.DjangoModelFactory):
    response = factory.SubFactory(ResponseFactory)
    question_key = "change-1"
    question_type = "long_text"
    value = "More help at school."
    data = factory.LazyAttribute(lambda o: o.value)

    class Meta:
        model = Answer


class ThemeFactory(factory.django.DjangoModelFactory):
    consultation = factory.SubFactory(ConsultationPageFactory)
    name = factory.Sequence(lambda n: f"Theme {n}")

    class Meta:
        model = Theme
