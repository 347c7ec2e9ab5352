"""Coding answers with tags: the ambitions, outcomes and consultation themes an answer is evidence
for. Used by the coding screens (consultations/coding.py) for consultation analysts.

Every function here costs a fixed number of queries, however many answers it touches: tags are
added with one insert per kind of tag and taken away with one delete per kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from outcomes.models import Ambition, Outcome

from .analysis import FREE_TEXT_TYPES
from .models import Answer, Theme

ADD, REMOVE = "add", "remove"

# (name of the tags on an answer, through model, tag column) for each kind of tag.
TAG_RELATIONS = [
    ("ambitions", Answer.ambitions.through, "ambition_id"),
    ("outcomes", Answer.outcomes.through, "outcome_id"),
    ("themes", Answer.themes.through, "theme_id"),
]


# --- What can be coded, and with what -------------------------------------------------------------


def free_text_answers(page) -> QuerySet[Answer]:
    """The written (free-text) answers to one consultation, newest response first."""
    return Answer.objects.filter(
        response__consultation_id=page.pk, question_type__in=FREE_TEXT_TYPES
    ).order_by("-response__submitted_at", "pk")


def tagged_free_text_answers() -> QuerySet[Answer]:
    """Written answers, from any consultation, that carry at least one tag: the evidence an update
    can quote."""
    tagged = Q()
    for _name, relation, _column in TAG_RELATIONS:
        tagged |= Exists(relation.objects.filter(answer_id=OuterRef("pk")))
    return Answer.objects.filter(tagged, question_type__in=FREE_TEXT_TYPES)


def free_text_questions(page) -> list[tuple[str, str]]:
    """(key, label) of the consultation's free-text questions, read from the stored questionnaire
    so that no ambition or outcome snippets are loaded."""
    found = []
    for step in page.questionnaire.raw_data or []:
        for question in (step.get("value") or {}).get("questions") or []:
            value = question.get("value") or {}
            if question.get("type") in FREE_TEXT_TYPES and value.get("key"):
                found.append((value["key"], value.get("label") or value["key"]))
    return found


@dataclass
class Vocabulary:
    """The tags a consultation's answers may be coded with. Ambitions and outcomes are always the
    default language's rows, so counts add up whichever language people answered in."""

    ambitions: list[Ambition]
    outcomes: list[Outcome]
    themes: list[Theme]

    @classmethod
    def for_consultation(cls, page) -> Vocabulary:
        locale = Locale.get_default()
        return cls(
            ambitions=list(Ambition.objects.filter(locale=locale)),
            outcomes=list(Outcome.objects.filter(locale=locale)),
            themes=list(Theme.objects.filter(consultation_id=page.pk)),
        )


@dataclass
class TagChoice:
    """The ids of the tags chosen on a coding form."""

    ambitions: list[int] = field(default_factory=list)
    outcomes: list[int] = field(default_factory=list)
    themes: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.ambitions or self.outcomes or self.themes)

    def relations(self):
        """(through model, tag column, chosen ids) for each kind of tag."""
        return [(relation, column, getattr(self, name)) for name, relation, column in TAG_RELATIONS]


# --- Changing tags ----------------------------------------------------------------------------------


def mark_coded(answer_ids, user) -> None:
    Answer.objects.filter(pk__in=answer_ids).update(coded_at=timezone.now(), coded_by=user)


def add_tags(answer_ids: list[int], choice: TagChoice, user) -> int:
    """Add the chosen tags to every answer; returns how many answers gained a tag. Every answer
    is marked as coded, because someone has looked at it."""
    changed: set[int] = set()
    with transaction.atomic():
        for relation, column, tag_ids in choice.relations():
            if not tag_ids:
                continue
            existing = set(
                relation.objects.filter(
                    answer_id__in=answer_ids, **{f"{column}__in": tag_ids}
                ).values_list("answer_id", column)
            )
            missing = [
                (answer_id, tag_id)
                for answer_id in answer_ids
                for tag_id in tag_ids
                if (answer_id, tag_id) not in existing
            ]
            # ignore_conflicts: another analyst may add the same tag between the read and here.
            relation.objects.bulk_create(
                [relation(answer_id=a, **{column: t}) for a, t in missing], ignore_conflicts=True
            )
            changed.update(answer_id for answer_id, _tag_id in missing)
        mark_coded(answer_ids, user)
    return len(changed)


def remove_tags(answer_ids: list[int], choice: TagChoice, user) -> int:
    """Take the chosen tags off every answer; returns how many answers lost a tag."""
    changed: set[int] = set()
    with transaction.atomic():
        for relation, column, tag_ids in choice.relations():
            if not tag_ids:
                continue
            rows = relation.objects.filter(answer_id__in=answer_ids, **{f"{column}__in": tag_ids})
            changed.update(rows.values_list("answer_id", flat=True))
            # One DELETE, because nothing depends on the through rows and no signal listens to
            # them; the query-count test notices if that ever changes.
            rows.delete()
        mark_coded(answer_ids, user)
    return len(changed)


def replace_tags(answer: Answer, choice: TagChoice, user) -> None:
    """Give one answer exactly the chosen tags."""
    with transaction.atomic():
        answer.ambitions.set(choice.ambitions)
        answer.outcomes.set(choice.outcomes)
        answer.themes.set(choice.themes)
        answer.coded_at = timezone.now()
        answer.coded_by = user
        answer.save(update_fields=["coded_at", "coded_by"])


def current_choice(answer: Answer) -> TagChoice:
    """The answer's tags as they stand (uses prefetched tags when there are some)."""
    return TagChoice(
        ambitions=[tag.pk for tag in answer.ambitions.all()],
        outcomes=[tag.pk for tag in answer.outcomes.all()],
        themes=[tag.pk for tag in answer.themes.all()],
    )


# --- Counting ---------------------------------------------------------------------------------------


@dataclass
class TagCount:
    tag: object
    answers: int = 0
    people: int = 0


@dataclass
class TagCounts:
    """For one consultation: per tag, how many answers carry it and from how many responses."""

    ambitions: list[TagCount]
    outcomes: list[TagCount]
    themes: list[TagCount]


def _counts(relation, column: str, page) -> dict[int, tuple[int, int]]:
    rows = (
        relation.objects.filter(answer__response__consultation_id=page.pk)
        .values(column)
        .annotate(
            answers=Count("answer_id", distinct=True),
            people=Count("answer__response_id", distinct=True),
        )
        .order_by()
        .values_list(column, "answers", "people")
    )
    return {tag_id: (answers, people) for tag_id, answers, people in rows}


def tag_counts(page, vocabulary: Vocabulary | None = None) -> TagCounts:
    """Answers (of every question type, inherited tags included) and distinct responses per
    ambition, outcome and theme of one consultation, every tag listed even when unused. Three
    grouped queries, plus three for the tags unless `vocabulary` is given."""
    vocabulary = vocabulary or Vocabulary.for_consultation(page)
    result = {}
    for name, relation, column in TAG_RELATIONS:
        counts = _counts(relation, column, page)
        result[name] = [
            TagCount(tag, *counts.get(tag.pk, (0, 0))) for tag in getattr(vocabulary, name)
        ]
    return TagCounts(**result)


# --- Forms ------------------------------------------------------------------------------------------


def _tag_field(label, tags) -> forms.TypedMultipleChoiceField:
    return forms.TypedMultipleChoiceField(
        label=label,
        required=False,
        coerce=int,
        choices=[(tag.pk, str(tag)) for tag in tags],
        widget=forms.CheckboxSelectMultiple,
    )


class TagsForm(forms.Form):
    """Checkboxes for the ambitions, outcomes and themes on offer. Choices come from the
    vocabulary already loaded, so rendering the form costs no queries."""

    def __init__(self, vocabulary: Vocabulary, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ambitions"] = _tag_field(_("Ambitions"), vocabulary.ambitions)
        self.fields["outcomes"] = _tag_field(_("Outcomes"), vocabulary.outcomes)
        self.fields["themes"] = _tag_field(_("Themes"), vocabulary.themes)

    def choice(self) -> TagChoice:
        data = self.cleaned_data
        return TagChoice(
            ambitions=data.get("ambitions") or [],
            outcomes=data.get("outcomes") or [],
            themes=data.get("themes") or [],
        )


class BulkCodingForm(TagsForm):
    """Add or take away tags on the answers ticked in the list."""

    action = forms.ChoiceField(
        label=_("What to do"),
        choices=[(ADD, _("Add these tags")), (REMOVE, _("Remove these tags"))],
        error_messages={"required": _("Choose whether to add or remove the tags.")},
    )
    answers = forms.Field(
        widget=forms.MultipleHiddenInput,
        error_messages={"required": _("Select at least one answer to code.")},
    )

    def __init__(self, vocabulary: Vocabulary, answers: QuerySet[Answer], *args, **kwargs):
        super().__init__(vocabulary, *args, **kwargs)
        self.answer_queryset = answers

    def clean_answers(self) -> list[int]:
        try:
            ids = {int(value) for value in self.cleaned_data["answers"]}
        except (TypeError, ValueError) as error:
            raise forms.ValidationError(_("Select answers from the list.")) from error
        # Only this consultation's written answers, whatever was posted.
        found = list(self.answer_queryset.filter(pk__in=ids).values_list("pk", flat=True))
        if not found:
            raise forms.ValidationError(_("Select at least one answer to code."))
        return found

    def clean(self):
        cleaned = super().clean()
        if not self.choice():
            raise forms.ValidationError(
                _("Choose at least one ambition, outcome or theme to add or remove.")
            )
        return cleaned

    def save(self, user) -> int:
        apply = add_tags if self.cleaned_data["action"] == ADD else remove_tags
        return apply(self.cleaned_data["answers"], self.choice(), user)


class CodingFilterForm(forms.Form):
    """The GET form above the answers to code. A value that no longer fits (a deleted theme's tag
    in a bookmark, a tampered address) is shown as an error on its field and left out; the other
    filters still apply."""

    question = forms.ChoiceField(
        label=_("Question"),
        required=False,
        error_messages={"invalid_choice": _("That question is not in this consultation.")},
    )
    tag = forms.ChoiceField(
        label=_("Tagged with"),
        required=False,
        error_messages={"invalid_choice": _("That tag no longer exists. Choose another.")},
    )
    words = forms.CharField(label=_("Words in the answer"), required=False, max_length=200)
    uncoded = forms.BooleanField(label=_("Only answers not coded yet"), required=False)

    def __init__(self, questions: list[tuple[str, str]], vocabulary: Vocabulary, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].choices = [("", _("All questions")), *questions]
        self.fields["tag"].choices = [
            ("", _("Any tags or none")),
            (_("Ambitions"), [(f"ambition-{t.pk}", str(t)) for t in vocabulary.ambitions]),
            (_("Outcomes"), [(f"outcome-{t.pk}", str(t)) for t in vocabulary.outcomes]),
            (_("Themes"), [(f"theme-{t.pk}", str(t)) for t in vocabulary.themes]),
        ]

    def filter(self, answers: QuerySet[Answer]) -> QuerySet[Answer]:
        """`answers` narrowed by every filter whose value is valid; invalid ones are skipped."""
        if not self.is_bound:
            return answers
        self.is_valid()
        data = self.cleaned_data  # holds only the fields that cleaned without an error
        if data.get("question"):
            answers = answers.filter(question_key=data["question"])
        if data.get("tag"):
            kind, pk = data["tag"].split("-", 1)
            answers = answers.filter(**{f"{kind}s": int(pk)})
        words = (data.get("words") or "").strip()
        if words:
            answers = answers.filter(value__icontains=words)
        if data.get("uncoded"):
            answers = answers.filter(coded_at__isnull=True)
        return answers


class ThemeForm(forms.ModelForm):
    """Add or rename one of a consultation's themes. Names are unique within the consultation,
    whatever their capitals, so the counts are not split between near-twins."""

    class Meta:
        model = Theme
        fields = ["name", "description"]
        help_texts = {
            "name": _("Short, so it fits in a table: 'Waiting times', 'Transport'."),
            "description": _("Optional: what counts as this theme, for whoever codes next."),
        }

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.consultation = consultation

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        twins = Theme.objects.filter(consultation=self.instance.consultation, name__iexact=name)
        if twins.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("There is already a theme called “%(name)s” in this consultation."),
                params={"name": name},
            )
        return name


def themes_with_counts(page) -> QuerySet[Theme]:
    return Theme.objects.filter(consultation_id=page.pk).annotate(answer_count=Count("answers"))
