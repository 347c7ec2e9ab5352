"""A plain view of a page's questionnaire StreamField: steps and questions.

The wizard, the print version, the paper entry screen and the analysis all read the questionnaire
through these classes, so none of them has to know how the StreamField is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import choices


@dataclass
class Question:
    key: str
    question_type: str
    label: str
    hint: str = ""
    required: bool = True
    easy_read_label: str = ""
    easy_read_hint: str = ""
    picture: Any = None
    ambition_ids: list[int] = field(default_factory=list)
    outcome_ids: list[int] = field(default_factory=list)
    options: list[tuple[str, str, str]] = field(default_factory=list)  # value, label, easy read
    none_option: str = ""
    max_length: int = 0
    points: int = 5
    faces: bool = False
    min_value: int | None = None
    max_value: int | None = None

    def text(self, easy_read: bool = False) -> tuple[str, str]:
        """(label, hint) for the standard or easy-read version."""
        if easy_read:
            return (self.easy_read_label or self.label, self.easy_read_hint or self.hint)
        return self.label, self.hint

    def choices(self, easy_read: bool = False) -> list[tuple[str, str]]:
        """The (value, label) options a choice question offers, in the active language."""
        kind = self.question_type
        if kind in {"single_choice", "multiple_choice", "district"}:
            return [(v, (er if easy_read and er else label)) for v, label, er in self.options]
        if kind == "yes_no":
            return list(choices.YES_NO)
        if kind == "agree_scale":
            return list(choices.AGREE_SCALE)
        if kind == "rating":
            return list(choices.RATING_5 if self.points == 5 else choices.RATING_3)
        if kind == "respondent_type":
            if easy_read:
                return list(choices.EASY_READ_RESPONDENT_LABELS.items())
            return list(choices.RespondentType.choices)
        if kind == "age_band":
            return list(choices.AGE_BANDS)
        return []

    def display(self, value: Any, easy_read: bool = False) -> str:
        """An answer as words, for check-your-answers and the analysis."""
        if value in (None, "", []):
            return ""
        labels = dict(self.choices(easy_read))
        if self.none_option:
            labels["none"] = self.none_option
        if isinstance(value, list):
            return ", ".join(str(labels.get(item, item)) for item in value)
        if self.question_type == "consent":
            return str(_yes_label())
        if self.question_type == "date" and hasattr(value, "day"):
            from django.utils.formats import date_format

            return date_format(value, "j F Y")
        return str(labels.get(str(value), value))

    @property
    def is_scale(self) -> bool:
        return self.question_type in {"rating", "agree_scale"}


def _yes_label():
    return dict(choices.YES_NO)["yes"]


@dataclass
class Step:
    name: str  # "step-1": the step's address in the wizard
    title: str
    easy_read_title: str
    questions: list[Question]
    condition_key: str = ""
    condition_value: str = ""

    def heading(self, easy_read: bool = False) -> str:
        return (self.easy_read_title or self.title) if easy_read else self.title


def _question(block) -> Question:
    value = block.value
    kind = block.block.question_type
    question = Question(
        key=value["key"],
        question_type=kind,
        label=value["label"],
        hint=value.get("hint") or "",
        required=bool(value.get("required")),
        easy_read_label=value.get("easy_read_label") or "",
        easy_read_hint=value.get("easy_read_hint") or "",
        picture=value.get("picture"),
        ambition_ids=[ambition.pk for ambition in value.get("ambitions") or [] if ambition],
        outcome_ids=[outcome.pk for outcome in value.get("outcomes") or [] if outcome],
    )
    if "options" in value:
        question.options = [
            (option["value"], option["label"], option.get("easy_read_label") or "")
            for option in value["options"]
        ]
    question.none_option = value.get("none_option") or ""
    question.max_length = value.get("max_length") or 0
    question.points = int(value.get("points") or 5)
    question.faces = bool(value.get("faces"))
    question.min_value = value.get("min_value")
    question.max_value = value.get("max_value")
    return question


def parse_steps(stream) -> list[Step]:
    steps = []
    for number, block in enumerate(stream, start=1):
        value = block.value
        condition = value.get("condition") or {}
        steps.append(
            Step(
                name=f"step-{number}",
                title=value["title"],
                easy_read_title=value.get("easy_read_title") or "",
                questions=[_question(child) for child in value["questions"]],
                condition_key=condition.get("question_key") or "",
                condition_value=condition.get("answer") or "",
            )
        )
    return steps


def question_keys(stream_data) -> list[str]:
    """The question keys in raw (stored) questionnaire data, without loading any objects."""
    keys = []
    for step in stream_data or []:
        for question in (step.get("value") or {}).get("questions") or []:
            key = (question.get("value") or {}).get("key")
            if key:
                keys.append(key)
    return keys


@dataclass
class SatisfactionQuestion:
    key: str
    points: int


def satisfaction_questions(stream_data) -> list[SatisfactionQuestion]:
    """Rating questions marked as measuring satisfaction, read from raw (stored) questionnaire
    data so that dashboards over many consultations load no snippets."""
    found = []
    for step in stream_data or []:
        for question in (step.get("value") or {}).get("questions") or []:
            value = question.get("value") or {}
            if question.get("type") != "rating" or not value.get("satisfaction_measure"):
                continue
            found.append(
                SatisfactionQuestion(
                    key=value.get("key") or "", points=int(value.get("points") or 5)
                )
            )
    return found
