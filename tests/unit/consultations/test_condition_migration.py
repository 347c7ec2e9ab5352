"""Migration 0006 renames a step condition's "value" to "answer" (and back when reversed), in the
page's stored questionnaire and in its revisions.

The page's column must keep holding the list of steps itself, not a JSON string of it; a
revision's content holds the field as a JSON string, as Wagtail writes it. These tests move the
test database's schema, so they are transactional and put every migration back afterwards.
"""

import datetime
import json

import pytest
from django.db import connection
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

APP = "consultations"
BEFORE = (APP, "0005_alter_consultationpage_questionnaire")
AFTER = (APP, "0006_condition_answer")


def questionnaire(condition_name: str) -> list[dict]:
    return [
        {
            "type": "step",
            "id": "step-about-you",
            "value": {
                "title": "About you",
                "easy_read_title": "",
                "condition": {"question_key": "", condition_name: ""},
                "questions": [
                    {
                        "type": "respondent_type",
                        "id": "question-who",
                        "value": {"key": "who", "label": "Who is answering?"},
                    }
                ],
            },
        },
        {
            "type": "step",
            "id": "step-school",
            "value": {
                "title": "School",
                "easy_read_title": "",
                "condition": {"question_key": "who", condition_name: "parent-carer"},
                "questions": [
                    {
                        "type": "yes_no",
                        "id": "question-school",
                        "value": {"key": "school", "label": "Does your child go to school?"},
                    }
                ],
            },
        },
    ]


def make_page(apps, steps: list[dict]) -> int:
    """A consultation page row and one revision of it, written with the models of the moment."""
    Locale = apps.get_model("wagtailcore", "Locale")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ConsultationPage = apps.get_model(APP, "ConsultationPage")
    Revision = apps.get_model("wagtailcore", "Revision")

    locale, _ = Locale.objects.get_or_create(language_code="en-gb")
    content_type, _ = ContentType.objects.get_or_create(app_label=APP, model="consultationpage")
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    now = timezone.now()
    page = ConsultationPage.objects.create(
        title="Have your say on transport",
        draft_title="Have your say on transport",
        slug="migration-transport",
        path="ZZZZ",  # a root of its own: nothing else in the tree is needed
        depth=1,
        url_path="/migration-transport/",
        content_type=content_type,
        locale=locale,
        audience="Parents and carers",
        opens_at=now,
        closes_at=now + datetime.timedelta(days=30),
        questionnaire=steps,
    )
    Revision.objects.create(
        content_type=content_type,
        base_content_type=page_type,
        object_id=str(page.pk),
        object_str=page.title,
        created_at=now,
        content={"title": page.title, "questionnaire": json.dumps(steps)},
    )
    return page.pk


def stored_column(page_id: int):
    """The questionnaire column as the database holds it, decoded once."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT questionnaire FROM consultations_consultationpage WHERE page_ptr_id = %s",
            [page_id],
        )
        (raw,) = cursor.fetchone()
    return json.loads(raw) if isinstance(raw, str | bytes) else raw


def stored_revision(apps, page_id: int):
    Revision = apps.get_model("wagtailcore", "Revision")
    return Revision.objects.get(object_id=str(page_id)).content["questionnaire"]


def conditions(steps) -> list[dict]:
    return [step["value"]["condition"] for step in steps]


def test_forwards_renames_value_to_answer_and_keeps_the_column_a_list(migrator):
    old_apps = migrator.migrate(BEFORE)
    page_id = make_page(old_apps, questionnaire("value"))
    assert conditions(stored_column(page_id))[1] == {"question_key": "who", "value": "parent-carer"}

    new_apps = migrator.migrate(AFTER)

    column = stored_column(page_id)
    assert isinstance(column, list), f"the column holds a {type(column).__name__}"
    assert conditions(column) == [
        {"question_key": "", "answer": ""},
        {"question_key": "who", "answer": "parent-carer"},
    ]
    assert column[1]["value"]["questions"] == questionnaire("value")[1]["value"]["questions"]
    revision = stored_revision(new_apps, page_id)
    assert isinstance(revision, str)
    assert conditions(json.loads(revision))[1] == {"question_key": "who", "answer": "parent-carer"}
    # The page reads back through the model as it is now.
    ConsultationPage = new_apps.get_model(APP, "ConsultationPage")
    steps = ConsultationPage.objects.get(pk=page_id).questionnaire.raw_data
    assert steps[1]["value"]["condition"]["answer"] == "parent-carer"


def test_backwards_renames_answer_to_value_and_keeps_the_column_a_list(migrator):
    new_apps = migrator.migrate(AFTER)
    page_id = make_page(new_apps, questionnaire("answer"))

    old_apps = migrator.migrate(BEFORE)

    column = stored_column(page_id)
    assert isinstance(column, list), f"the column holds a {type(column).__name__}"
    assert conditions(column) == [
        {"question_key": "", "value": ""},
        {"question_key": "who", "value": "parent-carer"},
    ]
    revision = stored_revision(old_apps, page_id)
    assert isinstance(revision, str)
    assert conditions(json.loads(revision))[1] == {"question_key": "who", "value": "parent-carer"}
