"""Counting the evidence an update cites: how many people's answers carry a given tag."""

from __future__ import annotations

from consultations.models import Answer


def matching_answers(evidence):
    """The answers an evidence row counts."""
    answers = Answer.objects.filter(
        response__consultation_id=evidence.consultation.canonical_page_id()
    )
    if evidence.ambition_id:
        answers = answers.filter(ambitions__translation_key=evidence.ambition.translation_key)
    if evidence.outcome_id:
        answers = answers.filter(outcomes__translation_key=evidence.outcome.translation_key)
    if evidence.theme_id:
        answers = answers.filter(themes=evidence.theme_id)
    if evidence.question_key:
        answers = answers.filter(question_key=evidence.question_key)
    if evidence.answer_value:
        answers = answers.filter(value=evidence.answer_value)
    return answers


def count_evidence(evidence) -> int:
    """The number of people (responses, not answers) the evidence rests on."""
    return matching_answers(evidence).values("response_id").distinct().count()
