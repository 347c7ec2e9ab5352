"""Date questions: the GOV.UK date input (day, month, year in a fieldset) and its messages."""

import datetime

import pytest
from bs4 import BeautifulSoup

from consultations.factories import ConsultationPageFactory, question, step
from consultations.forms import step_form_class
from consultations.models import Answer
from consultations.questionnaire import parse_steps

pytestmark = pytest.mark.django_db


@pytest.fixture
def dated(home):
    return ConsultationPageFactory(
        parent=home,
        slug="dates",
        questionnaire=[
            step("When", question("date", "started", "When did support start?")),
            step("More", question("yes_no", "more", "Anything else?")),
        ],
    )


def form_for(page, **parts):
    steps = parse_steps(page.questionnaire)
    form_class = step_form_class(steps[0])
    data = {f"step-1-started_{part}": value for part, value in parts.items()}
    return form_class(data=data, prefix="step-1")


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ({"day": "27", "month": "3", "year": "2024"}, datetime.date(2024, 3, 27)),
        ({"day": " 07 ", "month": "03", "year": "2024"}, datetime.date(2024, 3, 7)),
        ({"day": "1", "month": "Mar", "year": "2024"}, datetime.date(2024, 3, 1)),
        ({"day": "29", "month": "February", "year": "2024"}, datetime.date(2024, 2, 29)),
    ],
)
def test_valid_dates(dated, parts, expected):
    form = form_for(dated, **parts)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["started"] == expected


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ({}, "Enter a date for: When did support start?"),
        ({"day": "", "month": "", "year": ""}, "Enter a date for: When did support start?"),
        ({"day": "27", "month": "", "year": "2024"}, "Date must include a month"),
        ({"day": "", "month": "3", "year": ""}, "Date must include a day and year"),
        ({"day": "31", "month": "2", "year": "2024"}, "Date must be a real date"),
        ({"day": "29", "month": "2", "year": "2023"}, "Date must be a real date"),
        ({"day": "1", "month": "13", "year": "2024"}, "Date must be a real date"),
        ({"day": "0", "month": "1", "year": "2024"}, "Date must be a real date"),
        ({"day": "1", "month": "1", "year": "24"}, "Year must include 4 numbers"),
        # Hostile and odd input: never a crash, always a plain message.
        ({"day": "1\x00", "month": "1", "year": "2024"}, "Date must be a real date"),
        ({"day": "<script>", "month": "1", "year": "2024"}, "Date must be a real date"),
        ({"day": "1", "month": "1", "year": "9" * 5000}, "Date must be a real date"),
        ({"day": "-1", "month": "1", "year": "2024"}, "Date must be a real date"),
        ({"day": "١", "month": "1", "year": "2024"}, "Date must be a real date"),
        ({"day": "1e1", "month": "1", "year": "2024"}, "Date must be a real date"),
        ({"day": "1", "month": "ma", "year": "2024"}, "Date must be a real date"),
    ],
)
def test_date_errors_say_what_is_wrong(dated, parts, message):
    form = form_for(dated, **parts)
    assert not form.is_valid()
    assert form.errors["started"] == [message]


def test_date_input_markup_follows_the_govuk_pattern(client, dated):
    client.get(f"{dated.url}answer/")
    from consultations.wizard import wizard_prefix

    prefix = wizard_prefix(dated)
    response = client.post(
        f"{dated.url}answer/step-1/",
        {
            f"{prefix}-current_step": "step-1",
            "step-1-started_day": "27",
            "step-1-started_month": "",
            "step-1-started_year": "<b>2024</b>",
        },
    )
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    fieldset = html.select_one("fieldset.govuk-fieldset[role=group]")
    assert fieldset.select_one("legend").get_text(strip=True) == "When did support start?"
    assert "started-error" in fieldset["aria-describedby"]
    boxes = fieldset.select("input.govuk-date-input__input")
    assert [b["name"] for b in boxes] == [
        "step-1-started_day",
        "step-1-started_month",
        "step-1-started_year",
    ]
    assert {b["inputmode"] for b in boxes} == {"numeric"}
    labels = [fieldset.select_one(f"label[for={b['id']}]").get_text() for b in boxes]
    assert labels == ["Day", "Month", "Year"]
    # Only the empty month box is marked; what was typed comes back escaped.
    assert ["govuk-input--error" in b["class"] for b in boxes] == [False, True, False]
    assert boxes[2]["value"] == "<b>2024</b>"
    assert "<b>2024</b>" not in response.content.decode()
    assert (
        fieldset.select_one(".govuk-error-message")
        .get_text(strip=True)
        .endswith("Date must include a month")
    )
    link = html.select_one(".govuk-error-summary__list a")["href"]
    assert html.select_one(link) is boxes[0] or html.select_one(link) == boxes[0]


def test_a_date_is_saved_and_shown_back(client, dated):
    from consultations.wizard import wizard_prefix

    prefix = wizard_prefix(dated)
    client.get(f"{dated.url}answer/")
    client.post(
        f"{dated.url}answer/step-1/",
        {
            f"{prefix}-current_step": "step-1",
            "step-1-started_day": "5",
            "step-1-started_month": "9",
            "step-1-started_year": "2023",
        },
    )
    client.post(
        f"{dated.url}answer/step-2/",
        {f"{prefix}-current_step": "step-2", "step-2-more": "no"},
    )
    check = client.get(f"{dated.url}answer/check/")
    assert "5 September 2023" in check.content.decode()
    # Changing the answer shows the boxes filled in.
    again = BeautifulSoup(client.get(f"{dated.url}answer/step-1/").content, "html.parser")
    assert [b["value"] for b in again.select(".govuk-date-input__input")] == ["5", "9", "2023"]
    client.post(f"{dated.url}answer/check/", {"submit": "1"})
    answer = Answer.objects.get(question_key="started")
    assert (answer.value, answer.data) == ("2023-09-05", "2023-09-05")


def test_paper_entry_takes_a_date_in_labelled_boxes(client, dated):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("boss", password="x"))
    url = f"/admin/consultations/{dated.pk}/paper/"
    html = BeautifulSoup(client.get(url).content, "html.parser")
    for part in ("day", "month", "year"):
        box = html.select_one(f"input[name=started_{part}]")
        assert html.select_one(f"label[for={box['id']}]").get_text() == part.title()
    bad = client.post(url, {"started_day": "31", "started_month": "2", "started_year": "2024"})
    assert "Date must be a real date" in bad.content.decode()
    client.post(url, {"started_day": "1", "started_month": "2", "started_year": "2024"})
    assert Answer.objects.get(question_key="started").value == "2024-02-01"
