"""The whole journey through the Django test client: start, each step, check, send, confirm."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from consultations.models import Answer, Response

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def post_step(client, url, prefix, step, data, **extra):
    payload = {f"{prefix}-current_step": step, **{f"{step}-{k}": v for k, v in data.items()}}
    payload.update(extra)
    return client.post(url, payload)


def start(client, consultation, version=""):
    response = client.get(f"{consultation.url}answer/{version}")
    assert response.status_code == 302
    return response["Location"]


def test_full_journey_saves_one_response_with_its_answers(client, consultation, answer_url, prefix):
    assert start(client, consultation) == answer_url("step-1")
    page = client.get(answer_url("step-1"))
    assert page.status_code == 200
    html = soup(page)
    assert "Step 1 of 3" in html.select_one(".govuk-caption-l").get_text()
    assert html.select_one("a.govuk-back-link")["href"] == consultation.url

    response = post_step(
        client, answer_url("step-1"), prefix, "step-1", {"who": "parent-carer", "school": "yes"}
    )
    assert response["Location"] == answer_url("step-2")
    response = post_step(
        client,
        answer_url("step-2"),
        prefix,
        "step-2",
        {"agree-1": "4", "change-1": "<script>alert(1)</script> More buses"},
    )
    assert response["Location"] == answer_url("step-3")
    response = post_step(
        client, answer_url("step-3"), prefix, "step-3", {"school-type": "mainstream"}
    )
    assert response["Location"] == answer_url("check")

    check = client.get(answer_url("check"))
    assert check.status_code == 200
    html = soup(check)
    keys = [dt.get_text(strip=True) for dt in html.select(".govuk-summary-list__key")]
    assert keys == [
        "Who is answering?",
        "Does your child go to school?",
        "How much do you agree?",
        "What would you change?",
        "What kind of school?",
    ]
    assert "<script>alert(1)</script>" not in check.content.decode()
    assert "&lt;script&gt;" in check.content.decode()
    changes = [a["href"] for a in html.select(".govuk-summary-list__actions a")]
    assert changes[0] == answer_url("step-1") and changes[-1] == answer_url("step-3")

    sent = client.post(answer_url("check"), {"submit": "1", "email": "parent@example.org"})
    assert sent.status_code == 302
    assert sent["Location"] == f"{consultation.url}confirmation/"
    again = client.post(answer_url("check"), {"submit": "1"})
    assert again["Location"] == f"{consultation.url}confirmation/"

    assert Response.objects.count() == 1
    saved = Response.objects.get()
    assert saved.channel == "online"
    assert saved.respondent_type == "parent-carer"
    assert saved.language == "en-gb"
    assert saved.revision_id == consultation.live_revision_id
    assert saved.subscription.email == "parent@example.org"
    answers = {a.question_key: a for a in Answer.objects.filter(response=saved)}
    assert set(answers) == {"who", "school", "agree-1", "change-1", "school-type"}
    assert answers["change-1"].value == "<script>alert(1)</script> More buses"
    assert answers["agree-1"].question_type == "agree_scale"

    done = client.get(sent["Location"])
    html = soup(done)
    assert html.select_one(".govuk-panel__body strong").get_text() == saved.reference


def test_skip_logic_leaves_out_a_step(client, consultation, answer_url, prefix):
    start(client, consultation)
    post_step(
        client, answer_url("step-1"), prefix, "step-1", {"who": "young-person", "school": "no"}
    )
    page = client.get(answer_url("step-2"))
    assert "Step 2 of 2" in soup(page).select_one(".govuk-caption-l").get_text()
    response = post_step(client, answer_url("step-2"), prefix, "step-2", {"agree-1": "2"})
    assert response["Location"] == answer_url("check")
    client.post(answer_url("check"), {"submit": "1"})
    assert set(Answer.objects.values_list("question_key", flat=True)) == {
        "who",
        "school",
        "agree-1",
    }


def test_errors_show_a_summary_and_inline_messages(client, consultation, answer_url, prefix):
    start(client, consultation)
    response = post_step(client, answer_url("step-1"), prefix, "step-1", {})
    assert response.status_code == 200
    html = soup(response)
    summary = html.select(".govuk-error-summary__list a")
    assert [a["href"] for a in summary] == ["#id_step-1-who_0", "#id_step-1-school_0"]
    assert len(html.select(".govuk-error-message")) == 2
    assert html.title.get_text().startswith("Error:")


def test_easy_read_version_feeds_the_same_dataset(client, consultation, answer_url, prefix):
    assert start(client, consultation, "?version=easy-read") == answer_url("step-1")
    page = client.get(answer_url("step-1"))
    assert soup(page).select_one(".hub-easy-read")
    assert "Me, with someone helping me" in page.content.decode()
    post_step(
        client,
        answer_url("step-1"),
        prefix,
        "step-1",
        {"who": "young-person-helped", "school": "no"},
    )
    post_step(client, answer_url("step-2"), prefix, "step-2", {"agree-1": "5"})
    client.post(answer_url("check"), {"submit": "1"})
    saved = Response.objects.get()
    assert saved.channel == "easy-read"
    assert saved.respondent_type == "young-person-helped"


def test_closed_consultation_says_so_and_keeps_nothing(client, consultation, answer_url, prefix):
    start(client, consultation)
    post_step(
        client, answer_url("step-1"), prefix, "step-1", {"who": "parent-carer", "school": "no"}
    )
    consultation.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    consultation.save_revision().publish()
    response = client.get(answer_url("step-2"))
    assert response.status_code == 200
    assert "This consultation has closed" in response.content.decode()
    sent = client.post(answer_url("check"), {"submit": "1"})
    assert "This consultation has closed" in sent.content.decode()
    assert not Response.objects.exists()
    assert f"wizard_{prefix}" not in client.session
    page = soup(client.get(consultation.url))
    assert page.select_one(".hub-consultation-status").get_text(strip=True) == "Closed"
    assert not page.select_one(".govuk-button--start")


def test_open_filter_finds_the_pages_whose_status_is_open(home):
    from consultations.factories import ConsultationPageFactory
    from consultations.models import ConsultationPage

    now = timezone.now()
    minute = datetime.timedelta(minutes=1)
    windows = {
        "upcoming": (now + minute, now + 2 * minute),
        "opens-now": (now, now + minute),
        "open": (now - minute, now + minute),
        "closes-now": (now - minute, now),
        "closed": (now - 2 * minute, now - minute),
    }
    pages = {
        slug: ConsultationPageFactory(parent=home, slug=slug, opens_at=opens, closes_at=closes)
        for slug, (opens, closes) in windows.items()
    }

    found = set(
        ConsultationPage.objects.filter(ConsultationPage.open_filter(now)).values_list(
            "slug", flat=True
        )
    )

    assert found == {slug for slug, page in pages.items() if page.status(now) == "open"}
    assert found == {"opens-now", "open"}


def test_consultation_page_shows_status_dates_and_postal_address(client, consultation):
    from hub.models import CouncilSettings

    settings = CouncilSettings.objects.get()
    settings.postal_address = "Sessions House\nMaidstone\nME14 1XQ"
    settings.save()
    html = soup(client.get(consultation.url))
    assert html.select_one(".hub-consultation-status").get_text(strip=True) == "Open"
    assert "ME14 1XQ" in html.get_text()
    closes = consultation.closes_at.astimezone(datetime.UTC)
    assert str(closes.year) in html.select(".govuk-summary-list__value")[2].get_text()
    assert html.select_one("a.govuk-button--start")["href"] == f"{consultation.url}answer/"
