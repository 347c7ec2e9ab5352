"""A hand-built data set for the ambition dashboard, with the numbers each chart should show.

Two live consultations about ambition 1 (one tagged with its Urdu translation), a draft one and
one about another ambition; responses from each kind of respondent; satisfaction answers over two
months (one across the clocks' midnight in British Summer Time) on a five-point and a three-point
question, with a rating question that is not a satisfaction measure; and updates in each status,
one of them a draft.
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from wagtail.models import Locale

from consultations.factories import (
    AnswerFactory,
    ConsultationPageFactory,
    ResponseFactory,
    question,
    step,
)
from consultations.models import Response
from outcomes.factories import AmbitionFactory, AmbitionPageFactory
from you_said_we_did.factories import UpdateIndexPageFactory, UpdatePageFactory

UTC = datetime.UTC
UK = ZoneInfo("Europe/London")


def at(*args, tz=UTC) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=tz)


def rating(key: str, points: int, *, satisfaction: bool = True, ambitions=()) -> dict:
    return question(
        "rating",
        key,
        f"How happy are you ({key})?",
        points=str(points),
        faces=True,
        satisfaction_measure=satisfaction,
        ambitions=[ambition.pk for ambition in ambitions],
    )


def consultation(parent, title, opens, questions, ambitions, live=True):
    page = ConsultationPageFactory(
        parent=parent,
        title=title,
        opens_at=opens,
        closes_at=opens + datetime.timedelta(days=1000),
        questionnaire=[step("Your views", *questions)],
        live=live,
    )
    page.ambitions.set(ambitions)
    page.save()
    return page


def respond(page, when, who="", answers=()):
    """A response submitted at `when`, with rating answers given as (key, value, tags)."""
    response = ResponseFactory(consultation=page, respondent_type=who)
    Response.objects.filter(pk=response.pk).update(submitted_at=when)
    for key, value, tags in answers:
        answer = AnswerFactory(
            response=response, question_key=key, question_type="rating", value=value
        )
        answer.ambitions.set(tags)
    return response


def translated(instance, language: str = "ur"):
    copy = instance.copy_for_translation(Locale.objects.get(language_code=language))
    copy.save()
    return copy


# What each chart should show for `world`, worked out by hand.
EXPECTED = {
    "consultations-held": [("2024", 1), ("2025", 0), ("2026", 1)],
    "responses-by-respondent": [
        ("A young person", 1),
        ("A young person with someone helping", 0),
        ("A parent or carer", 3),
        ("A professional", 1),
        ("Not said", 1),
    ],
    # March: 5, 4 and 2 on five points, 3 on three points: 3 of 4. April: 3 on five points,
    # 3 on three points: 1 of 2.
    "satisfaction": [("March 2026 (4 answers)", 75.0), ("April 2026 (2 answers)", 50.0)],
    "actions-by-status": [("Planned", 1), ("In progress", 2), ("Done", 0)],
}


def build_world(home) -> SimpleNamespace:
    ambition = AmbitionFactory(number=1, title="Families are heard")
    other = AmbitionFactory(number=2, title="Good schools")
    urdu_ambition = translated(ambition)
    urdu_ambition.title = "خاندانوں کی بات سنی جاتی ہے"
    urdu_ambition.save()

    early = consultation(
        home,
        "Early help",
        at(2024, 5, 1, 9),
        [
            rating("sat5", 5, ambitions=[ambition]),
            rating("plain5", 5, satisfaction=False, ambitions=[ambition]),
        ],
        [ambition],
    )
    # Tagged with the Urdu ambition: it still counts for ambition 1.
    later = consultation(
        home,
        "Transport",
        at(2026, 1, 15, 9),
        [rating("sat3", 3, ambitions=[ambition])],
        [urdu_ambition],
    )
    draft = consultation(
        home,
        "Not published",
        at(2026, 2, 1, 9),
        [rating("sat5", 5, ambitions=[ambition])],
        [ambition],
        live=False,
    )
    elsewhere = consultation(
        home,
        "Schools",
        at(2026, 2, 1, 9),
        [rating("sat5", 5, ambitions=[other])],
        [other],
    )

    march = at(2026, 3, 10, 12)
    # 23:30 on 31 March in UTC is 00:30 on 1 April in London (British Summer Time).
    april_in_london = at(2026, 3, 31, 23, 30)
    respond(
        early,
        march,
        "parent-carer",
        [("sat5", "5", [ambition]), ("plain5", "5", [ambition])],
    )
    respond(early, march, "parent-carer", [("sat5", "4", [ambition])])
    respond(early, march, "young-person", [("sat5", "2", [ambition])])
    respond(early, april_in_london, "", [("sat5", "3", [ambition])])
    respond(later, at(2026, 3, 12, 12), "professional", [("sat3", "3", [ambition])])
    respond(later, at(2026, 4, 20, 12), "parent-carer", [("sat3", "3", [ambition])])
    for _ in range(3):
        respond(draft, march, "parent-carer", [("sat5", "5", [ambition])])
    for _ in range(2):
        respond(elsewhere, march, "young-person", [("sat5", "1", [other])])

    index = UpdateIndexPageFactory(parent=home)
    planned = UpdatePageFactory(
        parent=index, title="Planned work", status="planned", progress=0, ambitions=[ambition]
    )
    started = UpdatePageFactory(
        parent=index, title="Started work", status="in-progress", ambitions=[ambition]
    )
    # Tagged with the Urdu ambition: still an action for ambition 1.
    also_started = UpdatePageFactory(
        parent=index, title="Also started", status="in-progress", ambitions=[urdu_ambition]
    )
    UpdatePageFactory(
        parent=index,
        title="Draft work",
        status="done",
        progress=100,
        ambitions=[ambition],
        live=False,
    )
    UpdatePageFactory(
        parent=index, title="Other work", status="done", progress=100, ambitions=[other]
    )

    page = AmbitionPageFactory(parent=home, ambition=ambition, title="Families are heard")
    return SimpleNamespace(
        home=home,
        ambition=ambition,
        other=other,
        urdu_ambition=urdu_ambition,
        consultations=[early, later, draft, elsewhere],
        index=index,
        updates=[planned, started, also_started],
        page=page,
        expected=EXPECTED,
    )
