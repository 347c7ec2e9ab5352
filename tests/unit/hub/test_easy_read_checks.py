"""Easy read checks: what editors are told about the easy-read text they are writing."""

import pytest
from django.contrib.auth.models import User

from consultations.factories import ConsultationPageFactory, question, step
from home.factories import EasyReadPageFactory, InformationPageFactory
from hub.easy_read_checks import (
    check_easy_read_page,
    check_questionnaire,
    reading_ease,
    sentences,
)
from hub.factories import AccessibleImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def standard(home):
    return InformationPageFactory(parent=home, title="Help at school", slug="help-at-school")


def row(text, image=None):
    return {"type": "row", "value": {"image": image.pk if image else None, "text": text}}


def checks(report):
    return [(finding.check, finding.where) for finding in report.findings]


def test_sentences_split_on_full_stops_and_paragraphs():
    assert sentences("<p>You can ask for help. It is free!</p><p>Ask your SENCo</p>") == [
        "You can ask for help.",
        "It is free!",
        "Ask your SENCo",
    ]


def test_reading_ease_tells_plain_words_from_officialese():
    plain = ["You can ask for help.", "We will call you back.", "It is free to ask."]
    dense = [
        "Comprehensive multidisciplinary assessments facilitate individualised provision.",
        "Statutory responsibilities necessitate collaborative organisational arrangements.",
        "Accessibility considerations permeate institutional decision-making.",
    ]
    assert reading_ease(plain) > 90
    assert reading_ease(dense) < 0
    assert reading_ease(plain[:2]) is None  # too little text to score


def test_an_easy_read_page_with_problems(home, standard):
    picture = AccessibleImageFactory(title="Teacher", alt_text="IMG_2041.jpg")
    page = EasyReadPageFactory(
        parent=standard,
        standard_page=standard,
        body=[
            row("<p>You can get help at school.</p>", AccessibleImageFactory()),
            row(
                "<p>If your child has special educational needs the school will work with "
                "you and other people to plan the support that your child needs every day.</p>",
                picture,
            ),
            row("<p>You may get an EHCP.</p>"),
        ],
    )

    report = check_easy_read_page(page)

    assert checks(report) == [
        ("sentence-length", "Row 2"),
        ("alt-text", "Row 2"),
        ("jargon", "Row 3"),
        ("no-picture", "Row 3"),
    ]
    assert "26 words" in report.findings[0].message
    assert "education health and care plan" in report.findings[2].message
    assert report.reading_ease is not None


def test_a_good_easy_read_page_passes(home, standard):
    page = EasyReadPageFactory(
        parent=standard,
        standard_page=standard,
        body=[
            row("<p>You can get help at school.</p>", AccessibleImageFactory()),
            row("<p>An EHCP is an education, health and care plan.</p>", AccessibleImageFactory()),
            row("<p>Your EHCP says what help you get.</p>", AccessibleImageFactory()),
        ],
    )
    report = check_easy_read_page(page)
    assert report.passed, report.findings
    assert report.reading_ease >= 80


def test_questionnaire_easy_read_text_is_checked(home):
    page = ConsultationPageFactory(
        parent=home,
        easy_read_introduction="There are 2 questions.",
        questionnaire=[
            step(
                "Your views",
                question(
                    "long_text",
                    "views",
                    "Please describe, in as much detail as you consider appropriate, your "
                    "experience of the statutory assessment process and its timeliness.",
                ),
                question("yes_no", "salt", "Do you see SALT?", easy_read_label="Do you see SALT?"),
            )
        ],
    )
    report = check_questionnaire(page)
    assert [f.check for f in report.findings] == ["sentence-length", "jargon", "reading-ease"]
    assert "speech and language therapy" in report.findings[1].message


def test_editors_see_the_checks_in_the_page_editor(client, home, standard):
    page = EasyReadPageFactory(
        parent=standard, standard_page=standard, body=[row("<p>You may get an EHCP.</p>")]
    )
    client.force_login(User.objects.create_superuser("admin", "a@example.org", "x"))
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Easy read checks" in html
    assert 'data-check="jargon"' in html and 'data-check="no-picture"' in html
