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
    (
        "date",
        {},
        {"day": "3", "month": "3", "year": "2026"},
        __import__("datetime").date(2026, 3, 3),
        {"day": "30", "month": "2", "year": "2026"},
    ),
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
    form = form_class(data=_multi(_answer(good)))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["q"] == cleaned
    bad_form = form_class(data=_multi(_answer(bad)))
    assert not bad_form.is_valid()
    assert bad_form.errors["q"]
    if kind != "consent":  # a ticked box is True whatever it sends
        nul_value = {"day": "a\x00b", "month": "1", "year": "2026"} if kind == "date" else "a\x00b"
        nul = form_class(data=_multi(_answer(nul_value)))
        assert not nul.is_valid()


def test_faces_are_never_shown_without_words():
    q = Question(key="q", question_type="rating", label="How happy?", points=5, faces=True)
    form = step_form_class(_step(q))()
    html = str(form["q"].as_field_group())
    assert "😁" in html and "Very happy" in html
    assert 'aria-hidden="true"' in html


def _answer(value):
    """Form data for question "q"; a dict is a date's day, month and year boxes."""
    if isinstance(value, dict):
        return {f"q_{part}": text for part, text in value.items()}
    return {"q": value}


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
    assert options("Face to face")[0]["value"]["value"] == "face-to-face"


@pytest.mark.parametrize("points", [3, 5])
def test_every_face_has_visible_words_beside_it(points):
    from bs4 import BeautifulSoup

    q = Question(key="q", question_type="rating", label="How happy?", points=points, faces=True)
    form = step_form_class(_step(q))(data={"q": ""})
    form.is_valid()
    html = BeautifulSoup(str(form["q"].as_field_group()), "html.parser")
    labels = html.select("label.hub-faces__label")
    assert len(labels) == points
    for label in labels:
        assert label.select_one(".hub-faces__face")["aria-hidden"] == "true"
        assert label.select_one(".hub-faces__face").get_text(strip=True)  # a face...
        words = label.select_one(".hub-faces__words")
        assert words.get_text(strip=True)  # ...always with words
        assert "govuk-visually-hidden" not in (words.get("class") or [])
        assert "hidden" not in words.attrs and "style" not in label.decode()
        assert html.select_one(f"input#{label['for']}")
    # The error summary links to the field's id: the first radio has it.
    target = form.error_summary_items()[0]["href"]
    assert html.select_one(target)["type"] == "radio"


def test_faces_styles_give_large_targets_and_a_focus_style():
    from pathlib import Path

    scss = (Path(__file__).parents[3] / "static_src/scss/_consultations.scss").read_text()
    assert ".hub-faces__item" in scss and "min-height: 64px" in scss
    assert ":focus + .hub-faces__label" in scss and "govuk-focus-colour" in scss
    assert "visually-hidden" not in scss and "display: none" not in scss
