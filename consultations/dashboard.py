"""Charts for the ambition dashboards, from consultation data (see outcomes/dashboard.py).

Read by the public ambition pages and their CSV and JSON downloads. Every count is grouped in the
database and questionnaires are read as raw data, so the number of queries is the same however
many consultations, responses and answers there are.
"""

from __future__ import annotations

import datetime
from collections import Counter
from zoneinfo import ZoneInfo

from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks

from outcomes.dashboard import HOOK, Chart

from .choices import RespondentType
from .models import Answer, ConsultationPage, Response
from .questionnaire import satisfaction_questions

UK = ZoneInfo("Europe/London")


def top_values(points: int) -> set[str]:
    """The ratings that count as satisfied: the top two points of a five-point scale, the top
    point of a three-point one."""
    best = 2 if points >= 5 else 1
    return {str(value) for value in range(points - best + 1, points + 1)}


def tagged_consultations(ambition):
    """Live consultations in the default language tagged with the ambition (in any language)."""
    return ConsultationPage.objects.live().filter(
        locale_id=ambition.locale_id, ambitions__translation_key=ambition.translation_key
    )


@hooks.register(HOOK)
def consultation_charts(ambition) -> list[Chart]:
    """Four queries, whatever the amount of data."""
    return [
        consultations_held(ambition),
        responses_by_respondent(ambition),
        satisfaction_trend(ambition),
    ]


def consultations_held(ambition) -> Chart:
    per_year = dict(
        tagged_consultations(ambition)
        .annotate(year=ExtractYear("opens_at", tzinfo=UK))
        .values_list("year")
        .annotate(n=Count("pk", distinct=True))
        .order_by("year")
    )
    rows: list[tuple[str, int]] = []
    if per_year:
        # Years without a consultation are shown as 0: a gap is part of the story.
        for year in range(min(per_year), max(per_year) + 1):
            rows.append((str(year), per_year.get(year, 0)))
    return Chart(
        slug="consultations-held",
        title=_("Consultations held"),
        description=_("The number of consultations about this ambition, by the year they opened."),
        kind="bar",
        label_heading=_("Year opened"),
        value_heading=_("Consultations"),
        rows=rows,
        order=10,
    )


def responses_by_respondent(ambition) -> Chart:
    counts = dict(
        Response.objects.filter(consultation__in=tagged_consultations(ambition).values("pk"))
        .values_list("respondent_type")
        .annotate(n=Count("pk"))
        .order_by()
    )
    rows: list[tuple[str, int]] = []
    if any(counts.values()):
        rows = [(str(label), counts.pop(value, 0)) for value, label in RespondentType.choices]
        not_said = counts.pop("", 0)
        # A type no longer offered is still counted, under its stored code.
        rows += [(str(value), n) for value, n in sorted(counts.items())]
        if not_said:
            rows.append((_("Not said"), not_said))
    return Chart(
        slug="responses-by-respondent",
        title=_("Responses by who was answering"),
        description=_(
            "The number of responses to consultations about this ambition, by who was answering."
        ),
        kind="bar",
        label_heading=_("Who was answering"),
        value_heading=_("Responses"),
        rows=rows,
        order=20,
    )


def satisfaction_trend(ambition) -> Chart:
    """Monthly share of satisfied answers to rating questions marked as measuring satisfaction,
    among the answers tagged with this ambition."""
    # The tag as a subquery (IN), not a join: each answer then appears once whatever its tags,
    # so the grouping below counts rows instead of COUNT(DISTINCT ...), which made PostgreSQL
    # sort every answer first. With the index on question_type this takes half the time at
    # 100,000 answers (the load benchmark, docs/performance.md).
    tagged = Answer.ambitions.through.objects.filter(
        ambition__translation_key=ambition.translation_key
    ).values("answer_id")
    tagged_ratings = Answer.objects.filter(question_type="rating", pk__in=tagged)
    live = ConsultationPage.objects.live().filter(locale_id=ambition.locale_id)
    grouped = list(
        tagged_ratings.filter(response__consultation__in=live.values("pk"))
        .annotate(
            year=ExtractYear("response__submitted_at", tzinfo=UK),
            month=ExtractMonth("response__submitted_at", tzinfo=UK),
        )
        .values_list("response__consultation_id", "question_key", "year", "month", "value")
        .annotate(n=Count("pk"))
        .order_by()
    )
    # Which questions measure satisfaction, and on how many points, from the stored data (no
    # blocks or snippets are loaded), for the consultations the answers above came from only:
    # asking the database which consultations have tagged ratings cost as much as the counts.
    questionnaires = live.filter(pk__in={row[0] for row in grouped}).values_list(
        "pk", "questionnaire"
    )
    points: dict[tuple[int, str], int] = {}
    for page_id, questionnaire in questionnaires:
        raw = getattr(questionnaire, "raw_data", questionnaire)
        for question in satisfaction_questions(raw):
            points[(page_id, question.key)] = question.points

    answered: Counter[tuple[int, int]] = Counter()
    satisfied: Counter[tuple[int, int]] = Counter()
    for page_id, key, year, month, value, n in grouped:
        scale = points.get((page_id, key))
        if not scale or value.strip() not in {str(p) for p in range(1, scale + 1)}:
            continue
        answered[(year, month)] += n
        if value.strip() in top_values(scale):
            satisfied[(year, month)] += n

    rows: list[tuple[str, float]] = []
    for year, month in sorted(answered):
        total = answered[(year, month)]
        label = ngettext("%(month)s (%(count)s answer)", "%(month)s (%(count)s answers)", total) % {
            "month": date_format(datetime.date(year, month, 1), "F Y"),
            "count": total,
        }
        rows.append((label, round(100 * satisfied[(year, month)] / total, 1)))
    return Chart(
        slug="satisfaction",
        title=_("Satisfaction"),
        # Happy or very happy: the top two points of five (or the top one of three).
        description=_(
            "Of all the answers each month to our questions about how happy people are, the "
            "percentage that said happy or very happy. The number of answers is in brackets."
        ),
        kind="line",
        label_heading=_("Month (number of answers)"),
        value_heading=_("Happy or very happy (%)"),
        rows=rows,
        unit="%",
        order=30,
    )
