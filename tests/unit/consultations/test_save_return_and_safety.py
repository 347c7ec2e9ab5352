"""Save and come back later; hostile input never causes a 500 and is shown escaped."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from consultations.codes import ALPHABET, hash_code, normalise_code
from consultations.models import Response, SavedProgress

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def save_first_step(client, consultation, answer_url, prefix):
    client.get(f"{consultation.url}answer/")
    response = client.post(
        answer_url("step-1"),
        {
            f"{prefix}-current_step": "step-1",
            "step-1-who": "parent-carer",
            "save_and_return": "1",
        },
    )
    assert response.status_code == 200
    return soup(response).select_one(".govuk-panel__body strong").get_text()


def test_code_is_easy_to_read_aloud_and_stored_hashed(client, consultation, answer_url, prefix):
    code = save_first_step(client, consultation, answer_url, prefix)
    groups = code.split(" ")
    assert [len(g) for g in groups] == [4, 4, 4]
    assert set(code.replace(" ", "")) <= set(ALPHABET)
    assert not set("0O1I") & set(code)
    saved = SavedProgress.objects.get()
    assert saved.code_hash == hash_code(code) and code not in str(saved.wizard_data)
    assert (saved.expires_at - timezone.now()).days == 29


def test_valid_code_brings_the_answers_back(client, consultation, answer_url, prefix):
    code = save_first_step(client, consultation, answer_url, prefix)
    other = Client()
    response = other.post(f"{consultation.url}continue/", {"code": code.lower().replace(" ", "-")})
    assert response.status_code == 302
    assert response["Location"] == answer_url("step-1")
    page = other.get(answer_url("step-1"))
    assert soup(page).select_one('input[value="parent-carer"]').has_attr("checked")
    # Finishing deletes the saved copy.
    other.post(
        answer_url("step-1"),
        {f"{prefix}-current_step": "step-1", "step-1-who": "parent-carer", "step-1-school": "no"},
    )
    other.post(answer_url("step-2"), {f"{prefix}-current_step": "step-2", "step-2-agree-1": "3"})
    other.post(answer_url("check"), {"submit": "1"})
    assert Response.objects.count() == 1
    assert not SavedProgress.objects.exists()


def test_wrong_and_expired_codes_get_clear_errors(client, consultation, answer_url, prefix):
    cache.clear()
    code = save_first_step(client, consultation, answer_url, prefix)
    wrong = client.post(f"{consultation.url}continue/", {"code": "ACDE FGHJ KMNP"})
    assert wrong.status_code == 200
    html = soup(wrong)
    assert (
        "cannot find answers saved with that code"
        in html.select_one(".govuk-error-summary").get_text()
    )
    assert html.select_one("#id_code-error")
    short = client.post(f"{consultation.url}continue/", {"code": "ABC"})
    assert "12 letters and numbers" in short.content.decode()
    SavedProgress.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    expired = client.post(f"{consultation.url}continue/", {"code": code})
    assert "That code has expired" in expired.content.decode()


def test_continue_is_rate_limited(client, consultation):
    cache.clear()
    for _ in range(10):
        client.post(f"{consultation.url}continue/", {"code": "ACDE FGHJ KMNP"})
    response = client.post(f"{consultation.url}continue/", {"code": "ACDE FGHJ KMNP"})
    assert "tried too many codes" in response.content.decode()
    cache.clear()


def test_normalise_code():
    assert normalise_code(" acde-fghj kmnp ") == "ACDEFGHJKMNP"


HOSTILE = [
    ("step-1", {"step-1-who": "<script>alert(1)</script>", "step-1-school": "yes"}),
    ("step-1", {"step-1-who": "parent-carer\x00", "step-1-school": "yes\x00"}),
    ("step-2", {"step-2-agree-1": "9", "step-2-change-1": "x" * 600}),
    ("step-2", {"step-2-agree-1": "3", "step-2-change-1": "bad\x00byte"}),
]


@pytest.mark.parametrize("step,data", HOSTILE)
def test_hostile_input_gets_messages_not_errors(
    client, consultation, answer_url, prefix, step, data
):
    client.get(f"{consultation.url}answer/")
    if step == "step-2":
        client.post(
            answer_url("step-1"),
            {
                f"{prefix}-current_step": "step-1",
                "step-1-who": "parent-carer",
                "step-1-school": "yes",
            },
        )
    response = client.post(answer_url(step), {f"{prefix}-current_step": step, **data})
    assert response.status_code == 200
    html = soup(response)
    assert html.select_one(".govuk-error-summary")
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize("tampered", ["step-99", "check", "<b>x</b>", ""])
def test_tampered_step_names_redirect(client, consultation, answer_url, prefix, tampered):
    client.get(f"{consultation.url}answer/")
    response = client.post(
        answer_url("step-1"), {f"{prefix}-current_step": tampered, "step-1-who": "parent-carer"}
    )
    assert response.status_code == 302
    assert response["Location"] == answer_url("step-1")
    assert client.get(answer_url("step-99")).status_code == 302
    assert client.get(f"{consultation.url}answer/%3Cscript%3E/").status_code in {302, 404}


def test_missing_csrf_token_is_refused_without_a_500(consultation, answer_url):
    strict = Client(enforce_csrf_checks=True)
    strict.get(f"{consultation.url}answer/")
    response = strict.post(answer_url("step-1"), {"step-1-who": "parent-carer"})
    assert response.status_code == 403


def test_honeypot_filled_in_keeps_nothing(client, consultation, answer_url, prefix):
    client.get(f"{consultation.url}answer/")
    client.post(
        answer_url("step-1"),
        {
            f"{prefix}-current_step": "step-1",
            "step-1-who": "parent-carer",
            "step-1-school": "no",
            "step-1-website": "http://spam.example",
        },
    )
    client.post(answer_url("step-2"), {f"{prefix}-current_step": "step-2", "step-2-agree-1": "3"})
    response = client.post(answer_url("check"), {"submit": "1"})
    assert response["Location"].endswith("confirmation/")
    assert not Response.objects.exists()


def test_invalid_subscription_email_is_explained(client, consultation, answer_url, prefix):
    client.get(f"{consultation.url}answer/")
    client.post(
        answer_url("step-1"),
        {f"{prefix}-current_step": "step-1", "step-1-who": "parent-carer", "step-1-school": "no"},
    )
    client.post(answer_url("step-2"), {f"{prefix}-current_step": "step-2", "step-2-agree-1": "3"})
    response = client.post(answer_url("check"), {"submit": "1", "email": "<script>"})
    assert response.status_code == 200
    assert "correct format" in soup(response).select_one(".govuk-error-summary").get_text()
    assert not Response.objects.exists()
