"""Saving a response: one transaction, one `Response` and one `Answer` per question answered.

Used by the wizard (online and easy read), the paper-entry screen and the demo data.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from wagtail.models import Locale

from outcomes.models import Ambition

from .choices import RespondentType
from .codes import new_reference
from .forms import stored_value
from .models import Answer, OutcomeSubscription, Response


def default_locale_ambitions(ambition_ids: set[int]) -> dict[int, int]:
    """Map ambitions (in any language) to the default language's, so analysis adds up across
    languages. Returns {chosen id: default-language id}."""
    if not ambition_ids:
        return {}
    chosen = Ambition.objects.filter(pk__in=ambition_ids).values_list("pk", "translation_key")
    keys = {key for _pk, key in chosen}
    default = dict(
        Ambition.objects.filter(translation_key__in=keys, locale=Locale.get_default()).values_list(
            "translation_key", "pk"
        )
    )
    return {pk: default.get(key, pk) for pk, key in chosen}


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
    answers: list[tuple[Answer, list[int]]] = []
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
            answers.append((answer, question.ambition_ids))
    tags = default_locale_ambitions({pk for _a, ids in answers for pk in ids})
    try:
        with transaction.atomic():
            response = Response.objects.create(
                consultation_id=page.canonical_page_id(),
                reference=new_reference(),
                channel=channel,
                respondent_type=respondent_type,
                language=language[:12],
                revision_id=page.live_revision_id or page.latest_revision_id,
                submission_token=token,
                entered_by=entered_by,
            )
            for answer, _ids in answers:
                answer.response = response
            Answer.objects.bulk_create([answer for answer, _ids in answers])
            through = Answer.ambitions.through
            through.objects.bulk_create(
                [
                    through(answer_id=answer.pk, ambition_id=tags[pk])
                    for answer, ids in answers
                    for pk in dict.fromkeys(ids)
                    if pk in tags
                ],
                ignore_conflicts=True,
            )
            if email:
                OutcomeSubscription.objects.create(response=response, email=email)
    except IntegrityError:
        # Two submits raced: the other one won and holds the same token.
        existing = Response.objects.filter(submission_token=token).first() if token else None
        if existing is None:
            raise
        return existing
    return response
