"""Analysis, exports, paper entry and retention: staff-only, safe in spreadsheets."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from consultations.analysis import summarise
from consultations.factories import AnswerFactory, ResponseFactory
from consultations.models import Answer, OutcomeSubscription, Response, SavedProgress
from consultations.tasks import erase_personal_data
from hub.spreadsheets import safe_cell

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(client):
    user = User.objects.create_user("analyst", password="x")
    user.groups.add(Group.objects.get(name="Consultation analysts"))
    client.force_login(user)
    return user


@pytest.fixture
def responses(consultation):
    for i, (who, agree, text) in enumerate(
        [
            ("parent-carer", "5", "=cmd|' /C calc'!A0"),
            ("parent-carer", "4", "+1"),
            ("young-person", "1", "Fine"),
        ]
    ):
        response = ResponseFactory(consultation=consultation, respondent_type=who)
        AnswerFactory(
            response=response, question_key="who", question_type="respondent_type", value=who
        )
        AnswerFactory(
            response=response, question_key="agree-1", question_type="agree_scale", value=agree
        )
        AnswerFactory(
            response=response, question_key="change-1", question_type="long_text", value=text
        )
        OutcomeSubscription.objects.create(response=response, email=f"p{i}@example.org")


def test_safe_cell_neutralises_formulas():
    for text in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]:
        assert safe_cell(text) == "'" + text
    assert safe_cell("Fine") == "Fine"


def test_summary_counts_percentages_and_averages(consultation, responses):
    total, summaries = summarise(consultation)
    assert total == 3
    agree = next(s for s in summaries if s.question.key == "agree-1")
    assert agree.answered == 3
    assert agree.average == round(10 / 3, 2)
    assert [(b.label, b.count, b.percent) for b in agree.bars][:2] == [
        ("Strongly agree", 1, 33.3),
        ("Agree", 1, 33.3),
    ]
    change = next(s for s in summaries if s.question.key == "change-1")
    assert len(change.texts) == 3


def test_analysis_is_for_analysts_only(client, consultation, responses):
    url = f"/admin/consultations/{consultation.pk}/analysis/"
    editor = User.objects.create_user("editor", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    # Wagtail turns a refusal into a redirect to the dashboard with a message.
    for refused in (url, f"/admin/consultations/{consultation.pk}/export.csv"):
        response = client.get(refused)
        assert response.status_code in {302, 403}
        assert b"example.org" not in response.content


def test_analysis_page_has_charts_with_tables(client, analyst, consultation, responses):
    response = client.get(f"/admin/consultations/{consultation.pk}/analysis/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "<table" in html and "Strongly agree" in html
    assert "&#x27; /C calc" in html or "' /C calc" in html


def test_csv_export_neutralises_formulas_and_leaves_out_emails(
    client, analyst, consultation, responses
):
    response = client.get(f"/admin/consultations/{consultation.pk}/export.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["reference", "submitted_at", "channel", "respondent_type", "language"]
    assert "email_for_updates" not in rows[0]
    column = rows[0].index("change-1")
    values = sorted(row[column] for row in rows[1:])
    assert values == ["'+1", "'=cmd|' /C calc'!A0", "Fine"]
    assert "example.org" not in response.content.decode()


def test_superuser_export_includes_emails_and_xlsx_works(client, consultation, responses):
    admin = User.objects.create_superuser("boss", password="x")
    client.force_login(admin)
    csv_text = client.get(f"/admin/consultations/{consultation.pk}/export.csv").content.decode()
    assert "email_for_updates" in csv_text and "p0@example.org" in csv_text
    xlsx = client.get(f"/admin/consultations/{consultation.pk}/export.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_paper_response_is_saved_with_the_paper_channel(client, consultation):
    admin = User.objects.create_superuser("boss", password="x")
    client.force_login(admin)
    url = f"/admin/consultations/{consultation.pk}/paper/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"who": "young-person", "agree-1": "2", "change-1": "Written on paper"}
    )
    assert response.status_code == 302
    saved = Response.objects.get()
    assert (saved.channel, saved.respondent_type, saved.entered_by) == (
        "paper",
        "young-person",
        admin,
    )
    assert Answer.objects.filter(response=saved).count() == 3


def test_retention_erases_personal_data_after_the_set_months(consultation, responses, settings):
    settings.CONSULTATION_RETENTION_MONTHS = 12
    erase_personal_data.enqueue()
    assert OutcomeSubscription.objects.count() == 3
    consultation.closes_at = timezone.now() - datetime.timedelta(days=370)
    consultation.opens_at = consultation.closes_at - datetime.timedelta(days=30)
    consultation.save()
    SavedProgress.objects.create(consultation=consultation, code_hash="x", wizard_data={})
    erase_personal_data.enqueue()
    assert not OutcomeSubscription.objects.exists()
    assert not SavedProgress.objects.exists()
    assert Answer.objects.count() == 9
    assert not Response.objects.filter(personal_data_erased_at__isnull=True).exists()


def test_responses_over_time_counts_each_uk_day_from_opening(consultation):
    from consultations.analysis import responses_over_time

    london = datetime.timezone(datetime.timedelta(hours=1))  # British Summer Time
    consultation.opens_at = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=london)
    consultation.closes_at = datetime.datetime(2026, 6, 30, 17, 0, tzinfo=london)
    consultation.save()
    for when in [
        datetime.datetime(2026, 6, 1, 10, 0, tzinfo=london),
        datetime.datetime(2026, 6, 1, 23, 30, tzinfo=london),
        # 23:30 UTC on the 2nd is 00:30 on the 3rd in London: it counts on the 3rd.
        datetime.datetime(2026, 6, 2, 23, 30, tzinfo=datetime.UTC),
    ]:
        response = ResponseFactory(consultation=consultation)
        Response.objects.filter(pk=response.pk).update(submitted_at=when)
    chart = responses_over_time(
        consultation, now=datetime.datetime(2026, 6, 4, 12, 0, tzinfo=london)
    )
    assert [(d.date.day, d.count) for d in chart.days] == [(1, 2), (2, 0), (3, 1), (4, 0)]
    assert chart.most == 2 and chart.total == 3
    tallest = chart.days[0]
    assert tallest.height == chart.height and tallest.y == 0
    assert chart.days[2].height == chart.height / 2
    assert chart.days[1].height == 0
    # Once closed, the chart stops at the closing day.
    later = responses_over_time(consultation, now=datetime.datetime(2026, 9, 1, tzinfo=london))
    assert later.days[-1].date == datetime.date(2026, 6, 30) and len(later.days) == 30


def test_analysis_shows_responses_over_time_as_chart_and_table(
    client, analyst, consultation, responses
):
    from bs4 import BeautifulSoup

    response = client.get(f"/admin/consultations/{consultation.pk}/analysis/")
    section = BeautifulSoup(response.content, "html.parser").select_one("#over-time")
    assert section.select_one("svg")["aria-hidden"] == "true"
    assert len(section.select("svg rect")) == 1  # every response was sent today
    rows = section.select("table tbody tr")
    assert len(rows) == 8  # opened a week ago: 8 UK days including today
    today = timezone.localdate().isoformat()
    assert rows[-1].select_one("time")["datetime"] == today
    assert rows[-1].select_one("td").get_text() == "3"
    assert {row.select_one("td").get_text() for row in rows[:-1]} == {"0"}


def _free_text_rows(client, consultation, query=""):
    from bs4 import BeautifulSoup

    response = client.get(f"/admin/consultations/{consultation.pk}/analysis/{query}")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    section = html.select_one("#free-text")
    return section, [
        [cell.get_text(strip=True) for cell in row.select("td")]
        for row in section.select("tr.hub-free-text")
    ]


def test_free_text_answers_are_listed_escaped_with_filters(
    client, analyst, consultation, responses
):
    response = ResponseFactory(consultation=consultation, respondent_type="professional")
    AnswerFactory(
        response=response,
        question_key="change-1",
        question_type="long_text",
        value="<img src=x onerror=alert(1)>",
    )
    section, rows = _free_text_rows(client, consultation)
    assert len(rows) == 4
    assert section.select_one("form")["method"] == "get"
    assert {row[0] for row in rows} == {"What would you change?"}
    html = str(section)
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html

    _section, rows = _free_text_rows(client, consultation, "?who=parent-carer")
    assert sorted(row[1] for row in rows) == ["+1", "=cmd|' /C calc'!A0"]
    assert {row[2] for row in rows} == {"A parent or carer"}
    _section, rows = _free_text_rows(client, consultation, "?who=young-person&question=change-1")
    assert [row[1] for row in rows] == ["Fine"]
    section, rows = _free_text_rows(client, consultation, "?who=professional")
    assert [row[1] for row in rows] == ["<img src=x onerror=alert(1)>"]
    assert section.select_one("#id_who option[selected]")["value"] == "professional"
    # A question that is not free text, or a made-up value, is ignored rather than an error.
    _section, rows = _free_text_rows(client, consultation, "?question=agree-1&who=%00nobody")
    assert len(rows) == 4
    _section, rows = _free_text_rows(client, consultation, "?who=unknown")
    assert rows == []


def test_staff_can_find_and_delete_an_outcome_email_without_touching_the_answers(client, home):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from consultations.factories import ConsultationPageFactory
    from consultations.models import Answer, OutcomeSubscription, Response

    page = ConsultationPageFactory(parent=home)
    response = Response.objects.create(
        consultation=page, reference="ABC123", channel="online", respondent_type="parent-carer"
    )
    Answer.objects.create(
        response=response, question_key="change", question_type="long_text", value="More buses"
    )
    subscription = OutcomeSubscription.objects.create(response=response, email="a@example.org")
    client.force_login(get_user_model().objects.create_superuser("staff", "s@example.org", "pw"))

    listing = client.get(
        reverse("wagtailsnippets_consultations_outcomesubscription:list"), {"q": "a@example.org"}
    )
    assert listing.status_code == 200
    assert b"a@example.org" in listing.content

    delete_url = reverse(
        "wagtailsnippets_consultations_outcomesubscription:delete", args=[subscription.pk]
    )
    assert client.post(delete_url).status_code == 302
    assert not OutcomeSubscription.objects.exists()
    assert Answer.objects.get().value == "More buses"
