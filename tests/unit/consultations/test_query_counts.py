"""The consultation page and a wizard step cost a fixed number of queries, however much data."""

import pytest

from consultations.factories import AnswerFactory, ResponseFactory, question, step

pytestmark = pytest.mark.django_db

QUERY_BUDGET = {"consultation": 17, "step": 17}


def grow(consultation):
    consultation.questionnaire = list(consultation.questionnaire.raw_data) + [
        step(f"Extra {n}", question("yes_no", f"extra-{n}", f"Extra {n}?")) for n in range(10)
    ]
    consultation.save_revision().publish()
    for _ in range(20):
        AnswerFactory(response=ResponseFactory(consultation=consultation))


def test_consultation_page_query_count_is_flat(consultation, count_queries):
    before = count_queries(consultation.url)
    grow(consultation)
    assert count_queries(consultation.url) == before == QUERY_BUDGET["consultation"]


def test_wizard_step_query_count_is_flat(client, consultation, count_queries):
    client.get(f"{consultation.url}answer/")
    before = count_queries(f"{consultation.url}answer/step-1/")
    grow(consultation)
    assert count_queries(f"{consultation.url}answer/step-1/") == before == QUERY_BUDGET["step"]
