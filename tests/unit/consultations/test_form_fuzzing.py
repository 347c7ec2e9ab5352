"""Fuzzing the public forms with hypothesis: arbitrary text (NUL, lone surrogates, control and
format characters, markup, formulas), arbitrary choice values, and extra or missing fields.

Every form either validates, and then its cleaned value is what was typed (and survives a trip
through the database unchanged), or it gives error messages and draws them without raising.
Deterministic (derandomize) and small enough for every CI run.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from consultations.factories import ConsultationPageFactory, options, question, step
from consultations.forms import NONE_VALUE, ContinueForm, SubscribeForm, stored_value
from consultations.forms import step_form_class as build_step_form
from consultations.models import Answer
from consultations.saving import save_response
from local_offer.forms import ProblemReportForm
from schools.forms import SchoolSearchForm
from search.forms import SiteSearchForm
from search.query import MAX_QUERY_LENGTH
from you_said_we_did.forms import SubscribeForm as UpdatesSubscribeForm

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NASTY = [
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfffy",
    "\x01\x1b[31m",
    "\u202e\u200b\ufeff",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    '=HYPERLINK("http://evil.example")',
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    " ",
    "١٢",
    "1_000",
    "9" * 30,
    "31",
    "12",
    "2026",
]
# Any text, with surrogates and control characters too (hypothesis leaves surrogates out unless
# asked), and the classic payloads above.
hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(exclude_categories=()), max_size=40),
    st.sampled_from(NASTY),
    st.builds(lambda a, b: a + b, st.sampled_from(NASTY), st.text(max_size=10)),
)
extra_fields = st.dictionaries(hostile_text, hostile_text, max_size=3)


def every_question_type() -> list[dict]:
    return [
        step(
            "Typed answers",
            question("respondent_type", "who", "Who is answering?", required=False),
            question("short_text", "name", "What should we call you?", required=False),
            question("long_text", "story", "Tell us", required=False, max_length=200),
            question("email", "contact", "Your email", required=False),
            question("number", "age", "Age", required=False, min_value=0, max_value=25),
            question("date", "when", "When did it start?", required=False),
        ),
        step(
            "Choices",
            question("single_choice", "school", "School", options=options("Mainstream", "Special")),
            question(
                "multiple_choice",
                "help",
                "What helped?",
                options=options("Speech therapy", "Respite"),
                none_option="None of these",
            ),
            question("yes_no", "ehcp", "EHC plan?"),
            question("rating", "rating", "How was it?", points="3", faces=True),
            question("agree_scale", "agree", "Do you agree?"),
            question("district", "district", "Where?", options=options("Ashford", "Dover")),
            question("age_band", "band", "How old are you?"),
            question("consent", "consent", "I agree"),
        ),
    ]


@pytest.fixture
def questionnaire(home):
    return ConsultationPageFactory(
        parent=home, title="Fuzzed", slug="fuzzed", questionnaire=every_question_type()
    )


def _valid_answers(question_obj) -> st.SearchStrategy:
    """Answers a person could give (none at all, when the question is optional)."""
    kind = question_obj.question_type
    offered = [value for value, _label in question_obj.choices()]
    if kind == "multiple_choice":
        valid = st.one_of(
            st.lists(st.sampled_from(offered), min_size=1, unique=True), st.just([NONE_VALUE])
        )
    elif kind == "date":
        valid = st.dates(datetime.date(1000, 1, 1)).map(
            lambda day: (str(day.day), str(day.month), str(day.year))
        )
    elif kind == "number":
        valid = st.integers(question_obj.min_value, question_obj.max_value).map(str)
    elif kind == "email":
        valid = st.emails()
    elif kind == "consent":
        valid = st.just("on")
    elif offered:
        valid = st.sampled_from(offered)
    else:
        valid = st.text(max_size=question_obj.max_length or 100)
    return valid if question_obj.required else st.one_of(st.none(), valid)


def _hostile_answers(question_obj) -> st.SearchStrategy:
    """Anything at all in the same shape: text, lists of text, three date parts."""
    kind = question_obj.question_type
    if kind == "multiple_choice":
        offered = [value for value, _label in question_obj.choices()] + [NONE_VALUE]
        return st.lists(st.one_of(st.sampled_from(offered), hostile_text), max_size=3)
    if kind == "date":
        part = st.one_of(st.none(), hostile_text, st.integers(-5, 3000).map(str))
        return st.tuples(part, part, part)
    if kind == "number":
        return st.one_of(hostile_text, st.integers().map(str))
    return st.one_of(st.none(), hostile_text)


def _post_data(step_obj, answers: dict, extra: dict) -> MultiValueDict:
    data = MultiValueDict({key: [value] for key, value in extra.items()})
    for question_obj in step_obj.questions:
        value = answers.get(question_obj.key)
        if value is None:
            continue
        if question_obj.question_type == "date":
            for part, text in zip(("day", "month", "year"), value, strict=True):
                if text is not None:
                    data.setlist(f"{question_obj.key}_{part}", [text])
        elif isinstance(value, list):
            data.setlist(question_obj.key, value)
        else:
            data.setlist(question_obj.key, [value])
    return data


def _check_cleaned(question_obj, typed, cleaned) -> None:
    """A valid answer is what was typed (text) or one of the answers offered (choices)."""
    kind = question_obj.question_type
    offered = {value for value, _label in question_obj.choices()}
    if cleaned in (None, "", [], False):
        return
    if kind in {"short_text", "long_text", "email"}:
        assert cleaned == typed.strip()
        assert "\x00" not in cleaned
        cleaned.encode("utf-8")  # no lone surrogates: the database could not store it
    elif kind == "multiple_choice":
        assert set(cleaned) <= offered | {NONE_VALUE}
        assert NONE_VALUE not in cleaned or cleaned == [NONE_VALUE]
    elif kind == "number":
        assert isinstance(cleaned, int)
        assert question_obj.min_value <= cleaned <= question_obj.max_value
    elif kind == "date":
        assert isinstance(cleaned, datetime.date)
    elif kind == "consent":
        assert cleaned is True
    else:
        assert cleaned in offered


@pytest.mark.parametrize("step_number", [0, 1])
@FUZZ
@given(data=st.data())
def test_questionnaire_steps_validate_or_give_errors(questionnaire, step_number, data):
    step_obj = questionnaire.steps[step_number]
    # A few questions get hostile answers and the rest valid ones, so that whole steps validate
    # often enough for what is saved to be checked too.
    keys = [q.key for q in step_obj.questions]
    hostile = data.draw(st.sets(st.sampled_from(keys), max_size=3), label="hostile questions")
    answers = {
        q.key: data.draw(
            _hostile_answers(q) if q.key in hostile else _valid_answers(q), label=q.key
        )
        for q in step_obj.questions
    }
    posted = _post_data(step_obj, answers, data.draw(extra_fields, label="extra fields"))
    form = build_step_form(step_obj)(data=posted)

    if not form.is_valid():
        event("refused")
        assert form.errors
        html = str(form.render())
        assert "<script>alert(1)" not in html and "<img src=x onerror" not in html
        return

    event("accepted and saved")
    for question_obj in step_obj.questions:
        _check_cleaned(
            question_obj, answers.get(question_obj.key), form.cleaned_data.get(question_obj.key)
        )
    # What validates is saved whole and reads back unchanged.
    response = save_response(questionnaire, [form], channel="online", language="en-gb")
    saved = {a.question_key: (a.value, a.data) for a in Answer.objects.filter(response=response)}
    expected = {}
    for question_obj in step_obj.questions:
        stored = stored_value(question_obj, form.cleaned_data.get(question_obj.key))
        if stored is not None:
            expected[question_obj.key] = stored
    assert saved == expected


@FUZZ
@given(code=hostile_text, extra=extra_fields)
def test_continue_form(code, extra):
    form = ContinueForm(data={**extra, "code": code})
    if form.is_valid():
        assert len(form.cleaned_data["code"]) == 12
        assert form.cleaned_data["code"].isalnum()
    else:
        assert form.errors["code"]


@FUZZ
@given(email=st.one_of(hostile_text, st.emails()), extra=extra_fields)
def test_check_answers_email_form(email, extra):
    form = SubscribeForm(data={**extra, "email": email})
    if form.is_valid():
        assert form.cleaned_data["email"] == email.strip()
        form.cleaned_data["email"].encode("utf-8")
    else:
        assert form.errors["email"]


@FUZZ
@given(
    kind=st.one_of(st.sampled_from(["closed", "out_of_date", "other"]), hostile_text),
    details=hostile_text,
    email=st.one_of(st.just(""), hostile_text, st.emails()),
    website=st.one_of(st.just(""), hostile_text),
    extra=extra_fields,
)
def test_report_a_problem_form(home, kind, details, email, website, extra):
    from local_offer.factories import ServiceFactory
    from local_offer.models import ProblemReport

    form = ProblemReportForm(
        data={**extra, "kind": kind, "details": details, "email": email, "website": website}
    )
    if not form.is_valid():
        assert form.errors
        str(form.render())
        return
    assert form.cleaned_data["details"] == details.strip()
    service = ServiceFactory()
    report = ProblemReport.objects.create(
        service=service,
        service_name=service.name,
        kind=form.cleaned_data["kind"],
        details=form.cleaned_data["details"],
        email=form.cleaned_data["email"],
    )
    report.refresh_from_db()
    assert report.details == details.strip()


@FUZZ
@given(
    email=st.one_of(hostile_text, st.emails()),
    scope=st.one_of(st.sampled_from(["all", "chosen"]), hostile_text),
    ambitions=st.lists(st.one_of(st.sampled_from(["1", "2"]), hostile_text), max_size=3),
    easy_read=st.one_of(st.sampled_from(["yes", "no"]), hostile_text),
)
def test_updates_subscribe_form(db, email, scope, ambitions, easy_read):
    data = MultiValueDict({"email": [email], "scope": [scope], "easy_read": [easy_read]})
    data.setlist("ambitions", ambitions)
    form = UpdatesSubscribeForm(data=data)
    if form.is_valid():
        choices = form.choices()
        assert choices["email"] == email.strip().lower()
        choices["email"].encode("utf-8")
    else:
        assert form.errors
        str(form.render())


@FUZZ
@given(q=st.one_of(hostile_text, st.text(min_size=90, max_size=300)), extra=extra_fields)
def test_search_boxes(q, extra):
    """The site search cleans any text into something searchable; the school finder refuses
    what it cannot search for with a message."""
    site = SiteSearchForm(data={**extra, "q": q})
    if site.is_valid():
        cleaned = site.cleaned_data["q"]
        assert len(cleaned) <= MAX_QUERY_LENGTH
        assert cleaned.isprintable()
        assert "\x00" not in cleaned
        cleaned.encode("utf-8")
    else:
        assert site.errors["q"]
    finder = SchoolSearchForm(data={**extra, "q": q})
    if finder.is_valid():
        assert finder.cleaned_data["q"] == q.strip()
        finder.cleaned_data["q"].encode("utf-8")
    else:
        assert finder.errors["q"]
