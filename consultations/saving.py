"""Saving a response: one transaction, one `Response` and one `Answer` per question answered.

Used by the wizard (online and easy read), the paper-entry screen and the demo data.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from outcomes.models import Ambition, Outcome, default_locale_ids

from .choices import RespondentType
from .codes import new_reference
from .forms import stored_value
from .models import Answer, OutcomeSubscription, Response
from .questionnaire import Question


@dataclass
class QuestionTags:
    """For the questions being answered: their ambitions' and outcomes' ids (in any language)
    mapped to the default language's rows, so counts add up whichever language the
    questionnaire was answered in."""

    ambitions: dict[int, int]
    outcomes: dict[int, int]

    @classmethod
    def of(cls, questions) -> QuestionTags:
        """A few queries for each kind of tag the questions carry; none for a kind they do not."""
        questions = list(questions)
        return cls(
            ambitions=default_locale_ids(
                Ambition, {pk for q in questions for pk in q.ambition_ids}
            ),
            outcomes=default_locale_ids(Outcome, {pk for q in questions for pk in q.outcome_ids}),
        )


def inherit_question_tags(
    answers: list[tuple[Answer, Question]], tags: QuestionTags | None = None
) -> None:
    """Give each saved answer its question's ambitions and outcomes. With `tags` worked out
    beforehand (QuestionTags.of), this only inserts: at most one insert per kind of tag."""
    if tags is None:
        tags = QuestionTags.of(question for _answer, question in answers)
    for relation, field, ids_of, mapping in (
        (Answer.ambitions.through, "ambition_id", lambda q: q.ambition_ids, tags.ambitions),
        (Answer.outcomes.through, "outcome_id", lambda q: q.outcome_ids, tags.outcomes),
    ):
        rows = [
            relation(answer_id=answer.pk, **{field: mapping[pk]})
            for answer, question in answers
            for pk in dict.fromkeys(ids_of(question))
            if pk in mapping
        ]
        if rows:
            relation.objects.bulk_create(rows, ignore_conflicts=True)


def save_response(
    page,
    forms,
    *,
    channel: str,
    language: str,
    token: str | None = None,
    email: str = "",
    entered_by=None,
) -> Response:
    """Save the cleaned step forms as one response. A repeated token returns the first one."""
    if token:
        existing = Response.objects.filter(submission_token=token).first()
        if existing:
            return existing
    answers: list[tuple[Answer, Question]] = []
    respondent_type = ""
    for form in forms:
        for question in form.questions:
            stored = stored_value(question, form.cleaned_data.get(question.key))
            if stored is None:
                continue
            text, data = stored
            if question.question_type == "respondent_type" and data in RespondentType.values:
                respondent_type = respondent_type or data
            answer = Answer(
                question_key=question.key,
                question_type=question.question_type,
                value=text,
                data=data,
            )
            answers.append((answer, question))
    # Everything is read before the transaction, so that it holds inserts only and is short.
    consultation_id = page.canonical_page_id()
    tags = QuestionTags.of(question for _answer, question in answers)
    try:
        with transaction.atomic():
            response = Response.objects.create(
                consultation_id=consultation_id,
                reference=new_reference(),
                channel=channel,
                respondent_type=respondent_type,
                language=language[:12],
                revision_id=page.live_revision_id or page.latest_revision_id,
                submission_token=token,
                entered_by=entered_by,
            )
            for answer, _question in answers:
                answer.response = response
            Answer.objects.bulk_create([answer for answer, _question in answers])
            inherit_question_tags(answers, tags)
            if email:
                OutcomeSubscription.objects.create(response=response, email=email)
    except IntegrityError:
        # Two submits raced: the other one won and holds the same token.
        existing = Response.objects.filter(submission_token=token).first() if token else None
        if existing is None:
            raise
        return existing
    return response
