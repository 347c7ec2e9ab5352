"""Counting answers and exporting them, for consultation analysts.

The number of queries does not grow with the number of responses: counts are grouped in the
database, and only multiple-choice lists are tallied in Python.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count

from .models import Answer, OutcomeSubscription, Response
from .questionnaire import Question

# Question types whose answers can identify someone. Left out of exports for people who may not
# see personal data, and erased by the retention task.
PERSONAL_TYPES = {"email", "date"}
FREE_TEXT_TYPES = {"short_text", "long_text"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A cell value a spreadsheet will not run as a formula (OWASP CSV injection advice)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


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


def export_rows(page, personal: bool):
    """Header and one row per response; personal data only if `personal`."""
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
        yield [safe_cell(cell) for cell in row]


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
    for row in export_rows(page, personal):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
