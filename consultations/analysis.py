"""Counting answers and exporting them, for consultation analysts.

The number of queries does not grow with the number of responses: counts are grouped in the
database, and only multiple-choice lists are tallied in Python.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections import Counter
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hub.spreadsheets import safe_cell, safe_xlsx_cell

from .choices import RespondentType
from .models import Answer, OutcomeSubscription, Response
from .questionnaire import Question

# Question types whose answers can identify someone. Left out of exports for people who may not
# see personal data, and erased by the retention task.
PERSONAL_TYPES = {"email", "date"}
FREE_TEXT_TYPES = {"short_text", "long_text"}


def may_see_personal_data(user) -> bool:
    return user.has_perm("consultations.view_outcomesubscription")


@dataclass
class Bar:
    label: str
    count: int
    percent: float


@dataclass
class QuestionSummary:
    question: Question
    answered: int = 0
    bars: list[Bar] = field(default_factory=list)
    average: float | None = None
    texts: list[str] = field(default_factory=list)


def summarise(page, free_text_limit: int = 200) -> tuple[int, list[QuestionSummary]]:
    """(number of responses, one summary per question) for a consultation."""
    questions = [q for step in page.steps for q in step.questions]
    answers = Answer.objects.filter(response__consultation_id=page.pk)
    total = Response.objects.filter(consultation_id=page.pk).count()
    scalar = Counter()
    for key, value, n in (
        answers.exclude(question_type__in=["multiple_choice", *FREE_TEXT_TYPES, *PERSONAL_TYPES])
        .values_list("question_key", "value")
        .annotate(n=Count("id"))
    ):
        scalar[(key, value)] += n
    multiple = Counter()
    answered_multiple = Counter()
    for key, data in answers.filter(question_type="multiple_choice").values_list(
        "question_key", "data"
    ):
        answered_multiple[key] += 1
        for item in data or []:
            multiple[(key, item)] += 1
    texts: dict[str, list[str]] = {}
    for key, value in answers.filter(question_type__in=FREE_TEXT_TYPES).values_list(
        "question_key", "value"
    )[: free_text_limit * 10]:
        texts.setdefault(key, []).append(value)

    summaries = []
    for question in questions:
        summary = QuestionSummary(question)
        options = question.choices()
        if question.none_option:
            options.append(("none", question.none_option))
        if question.question_type in FREE_TEXT_TYPES:
            summary.texts = texts.get(question.key, [])[:free_text_limit]
            summary.answered = len(texts.get(question.key, []))
        elif question.question_type == "multiple_choice":
            summary.answered = answered_multiple[question.key]
            counts = {value: multiple[(question.key, value)] for value, _label in options}
            summary.bars = _bars(options, counts, summary.answered)
        elif options or question.question_type == "consent":
            if question.question_type == "consent":
                options = [("agreed", question.display(True))]
            counts = {value: scalar[(question.key, str(value))] for value, _label in options}
            summary.answered = sum(counts.values())
            summary.bars = _bars(options, counts, summary.answered)
            if question.is_scale and summary.answered:
                summary.average = round(
                    sum(int(value) * n for value, n in counts.items()) / summary.answered, 2
                )
        summaries.append(summary)
    return total, summaries


def _bars(options, counts, answered) -> list[Bar]:
    return [
        Bar(str(label), counts[value], round(100 * counts[value] / answered, 1) if answered else 0)
        for value, label in options
    ]


# --- Responses over time ---------------------------------------------------------------------------

UK = ZoneInfo("Europe/London")
CHART_WIDTH, CHART_HEIGHT = 600, 160
MAX_DAYS = 800  # a long-running consultation still draws a chart of sensible size


@dataclass
class Day:
    date: datetime.date
    count: int
    # Where the bar is drawn in the SVG (the chart is a picture of the table, nothing more).
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0


@dataclass
class TimeChart:
    days: list[Day]
    most: int
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT

    @property
    def total(self) -> int:
        return sum(day.count for day in self.days)


def responses_over_time(page, now: datetime.datetime | None = None) -> TimeChart:
    """Responses per UK day from the day the consultation opened to today (or the day it closed),
    with days on which nobody answered shown as 0. One query."""
    counts = dict(
        Response.objects.filter(consultation_id=page.pk)
        .annotate(day=TruncDate("submitted_at", tzinfo=UK))
        .values_list("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
    )
    now = now or timezone.now()
    first = timezone.localtime(page.opens_at, UK).date()
    last = timezone.localtime(min(now, page.closes_at) if page.closes_at else now, UK).date()
    if counts:
        first, last = min(first, *counts), max(last, *counts)
    last = min(last, first + datetime.timedelta(days=MAX_DAYS - 1))
    number = max((last - first).days + 1, 1)
    days = [Day(first + datetime.timedelta(days=i), 0) for i in range(number)]
    for day in days:
        day.count = counts.get(day.date, 0)
    most = max((day.count for day in days), default=0)
    step = CHART_WIDTH / number
    for i, day in enumerate(days):
        day.width = round(max(step - 1, 1), 2)
        day.x = round(i * step, 2)
        day.height = round(CHART_HEIGHT * day.count / most, 2) if most else 0
        day.y = round(CHART_HEIGHT - day.height, 2)
    return TimeChart(days, most)


# --- Free-text answers ------------------------------------------------------------------------------

FREE_TEXT_PER_PAGE = 50


class FreeTextFilterForm(forms.Form):
    """The GET form above the free-text answers: which question, and who was answering.
    Unknown values (a tampered address) are simply ignored."""

    question = forms.ChoiceField(label=_("Question"), required=False)
    who = forms.ChoiceField(label=_("Who is answering"), required=False)

    def __init__(self, questions: list[Question], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].choices = [("", _("All questions"))] + [
            (q.key, q.label) for q in questions
        ]
        self.fields["who"].choices = [
            ("", _("Everyone")),
            *RespondentType.choices,
            ("unknown", _("Not said")),
        ]

    def filters(self) -> dict[str, str]:
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


def free_text_answers(page, params, page_number=1):
    """(filter form, page of answers) for the free-text answers list."""
    questions = [
        q for step in page.steps for q in step.questions if q.question_type in FREE_TEXT_TYPES
    ]
    form = FreeTextFilterForm(questions, params or None)
    chosen = form.filters()
    answers = (
        Answer.objects.filter(response__consultation_id=page.pk, question_type__in=FREE_TEXT_TYPES)
        .select_related("response")
        .order_by("-response__submitted_at", "pk")
    )
    if "question" in chosen:
        answers = answers.filter(question_key=chosen["question"])
    if chosen.get("who") == "unknown":
        answers = answers.filter(response__respondent_type="")
    elif "who" in chosen:
        answers = answers.filter(response__respondent_type=chosen["who"])
    labels = {q.key: q.label for q in questions}
    results = Paginator(answers, FREE_TEXT_PER_PAGE).get_page(page_number)
    for answer in results:
        answer.question_label = labels.get(answer.question_key, answer.question_key)
    return form, results


def export_rows(page, personal: bool, cell=safe_cell):
    """Header and one row per response; personal data only if `personal`. Each value goes
    through `cell`, which makes it safe for the kind of file it goes into."""
    questions = [
        q
        for step in page.steps
        for q in step.questions
        if personal or q.question_type not in PERSONAL_TYPES
    ]
    header = ["reference", "submitted_at", "channel", "respondent_type", "language"]
    header += [q.key for q in questions]
    if personal:
        header.append("email_for_updates")
    yield header
    responses = Response.objects.filter(consultation_id=page.pk).order_by("submitted_at")
    values: dict[int, dict[str, str]] = {}
    for response_id, key, value in Answer.objects.filter(
        response__consultation_id=page.pk
    ).values_list("response_id", "question_key", "value"):
        values.setdefault(response_id, {})[key] = value
    emails = {}
    if personal:
        emails = dict(
            OutcomeSubscription.objects.filter(response__consultation_id=page.pk).values_list(
                "response_id", "email"
            )
        )
    for response in responses:
        row = [
            response.reference,
            response.submitted_at.isoformat(),
            response.channel,
            response.respondent_type,
            response.language,
        ]
        answers = values.get(response.pk, {})
        row += [answers.get(q.key, "") for q in questions]
        if personal:
            row.append(emails.get(response.pk, ""))
        yield [cell(value) for value in row]


def export_csv(page, personal: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in export_rows(page, personal):
        writer.writerow(row)
    return buffer.getvalue()


def export_xlsx(page, personal: bool) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Responses"
    for row in export_rows(page, personal, cell=safe_xlsx_cell):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
