"""The questionnaire builder's validation and the form field each question type becomes."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError

from consultations.blocks import QuestionnaireBlock
from consultations.factories import AnswerFactory, ResponseFactory, options, question, step
from consultations.forms import build_field, step_form_class
from consultations.questionnaire import Question, parse_steps

pytestmark = pytest.mark.django_db


def clean(raw):
    block = QuestionnaireBlock()
    return block.clean(block.to_python(raw))


def errors_of(raw) -> str:
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(raw)
    return str(caught.value.as_json_data())


def test_duplicate_keys_are_refused():
    message = errors_of(
        [
            step("One", question("yes_no", "same", "A?")),
            step("Two", question("yes_no", "same", "B?")),
        ]
    )
    assert "more than once: same" in message


def test_condition_must_name_an_earlier_question():
    message = errors_of(
        [
            step("One", question("yes_no", "a", "A?"), condition=("later", "yes")),
            step("Two", question("yes_no", "later", "B?")),
        ]
    )
    assert "not a question in an earlier step" in message


def test_option_values_are_filled_in_from_their_words():
    value = clean(
        [
            step(
                "One",
                question(
                    "single_choice",
                    "pick",
                    "Pick",
                    options=[
                        {"label": "Special school", "value": ""},
                        {"label": "Home", "value": ""},
                    ],
                ),
            )
        ]
    )
    assert [o[0] for o in parse_steps(value)[0].questions[0].options] == ["special-school", "home"]


def test_keys_with_answers_cannot_be_changed(consultation):
    response = ResponseFactory(consultation=consultation)
    AnswerFactory(response=response, question_key="agree-1")
    consultation.questionnaire = [step("Only", question("agree_scale", "renamed", "Agree?"))]
    with pytest.raises(ValidationError, match="agree-1"):
        consultation.full_clean()
    consultation.questionnaire = [
        step(
            "Only", question("agree_scale", "agree-1", "Agree?"), question("yes_no", "new", "New?")
        )
    ]
    consultation.full_clean()


def test_closing_date_must_follow_opening_date(consultation):
    consultation.closes_at = consultation.opens_at
    with pytest.raises(ValidationError, match="closing date"):
        consultation.full_clean()


CASES = [
    ("short_text", {}, "Some words", "Some words", "x" * 501),
    ("long_text", {"max_length": 50}, "Longer words", "Longer words", "x" * 51),
    ("single_choice", {"options": [("a", "A", ""), ("b", "B", "")]}, "a", "a", "c"),
    (
        "multiple_choice",
        {"options": [("a", "A", ""), ("b", "B", "")], "none_option": "None"},
        ["a", "b"],
        ["a", "b"],
        ["a", "none"],
    ),
    ("yes_no", {}, "yes", "yes", "maybe"),
    ("rating", {"points": 3, "faces": True}, "3", "3", "5"),
    ("agree_scale", {}, "1", "1", "6"),
    ("number", {"min_value": 0, "max_value": 30}, "12", 12, "31"),
    ("date", {}, "2026-03-03", __import__("datetime").date(2026, 3, 3), "2026-02-30"),
    ("email", {}, "a@example.org", "a@example.org", "not-an-email"),
    ("respondent_type", {}, "professional", "professional", "robot"),
    ("district", {"options": [("dover", "Dover", "")]}, "dover", "dover", "paris"),
    ("age_band", {}, "11-15", "11-15", "99"),
    ("consent", {}, "on", True, ""),
]


@pytest.mark.parametrize("kind,extra,good,cleaned,bad", CASES, ids=[c[0] for c in CASES])
def test_each_question_type_validates(kind, extra, good, cleaned, bad):
    q = Question(key="q", question_type=kind, label="The question?", **extra)
    form_class = step_form_class(_step(q))
    data = {"q": good} if not isinstance(good, list) else {"q": good}
    form = form_class(data=_multi(data))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["q"] == cleaned
    bad_form = form_class(data=_multi({"q": bad}))
    assert not bad_form.is_valid()
    assert bad_form.errors["q"]
    if kind != "consent":  # a ticked box is True whatever it sends
        nul = form_class(data=_multi({"q": "a\x00b"}))
        assert not nul.is_valid()


def test_faces_are_never_shown_without_words():
    q = Question(key="q", question_type="rating", label="How happy?", points=5, faces=True)
    form = step_form_class(_step(q))()
    html = str(form["q"].as_field_group())
    assert "😁" in html and "Very happy" in html
    assert 'aria-hidden="true"' in html


def _step(q):
    from consultations.questionnaire import Step

    return Step(name="step-1", title="T", easy_read_title="", questions=[q])


def _multi(data):
    from django.utils.datastructures import MultiValueDict

    return MultiValueDict({k: v if isinstance(v, list) else [v] for k, v in data.items()})


def test_easy_read_labels_are_used_in_the_easy_read_version():
    q = Question(key="q", question_type="yes_no", label="Standard?", easy_read_label="Easy?")
    assert build_field(q, easy_read=True).label == "Easy?"
    assert build_field(q).label == "Standard?"


def test_options_helper_makes_slug_values():
    assert options("Face to face")[0]["value"] == "face-to-face"
