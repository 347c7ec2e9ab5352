"""The consultation page and a wizard step cost a fixed number of queries, however much data."""

import pytest

from consultations.factories import AnswerFactory, ResponseFactory, question, step

pytestmark = pytest.mark.django_db

QUERY_BUDGET = {"consultation": 17, "step": 17, "save": 14}


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


def test_saving_a_response_reads_first_and_only_inserts_in_its_transaction(home):
    """The public "Send" holds its transaction for inserts alone: the question tags' languages and
    the consultation are looked up before it begins."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Locale

    from consultations.factories import ConsultationPageFactory
    from consultations.forms import paper_form_class
    from consultations.models import Answer
    from consultations.saving import save_response
    from outcomes.factories import AmbitionFactory, OutcomeFactory

    ambition, outcome = AmbitionFactory(number=1), OutcomeFactory()
    polish = ambition.copy_for_translation(Locale.objects.get(language_code="pl"))
    polish.save()
    page = ConsultationPageFactory(
        parent=home,
        questionnaire=[
            step(
                "Views",
                question(
                    "long_text",
                    "travel",
                    "How do you get to school?",
                    ambitions=[polish.pk],
                    outcomes=[outcome.pk],
                ),
                question("yes_no", "happy", "Are you happy?", ambitions=[ambition.pk]),
            )
        ],
    )
    form = paper_form_class(page.steps)(data={"travel": "By bus", "happy": "yes"})
    assert form.is_valid(), form.errors

    with CaptureQueriesContext(connection) as captured:
        response = save_response(
            page, [form], channel="paper", language="en-gb", email="a@example.org"
        )

    sql = [query["sql"] for query in captured]
    begin = next(i for i, text in enumerate(sql) if text.startswith("SAVEPOINT"))
    end = next(i for i, text in enumerate(sql) if text.startswith("RELEASE SAVEPOINT"))
    inside = sql[begin + 1 : end]
    # The response, its answers, their ambitions, their outcomes, the email address.
    assert len(inside) == 5 and all(text.startswith("INSERT") for text in inside), inside
    assert len(sql) == QUERY_BUDGET["save"], sql
    assert set(Answer.ambitions.through.objects.values_list("ambition_id", flat=True)) == {
        ambition.pk
    }
    assert response.answers.get(question_key="travel").outcomes.get() == outcome
