"""Floods of submissions are slowed down without losing anyone's answers."""

import pytest
from django.test import Client

from consultations.models import Response

pytestmark = pytest.mark.django_db


def answer_everything(client, consultation, answer_url, prefix):
    client.get(f"{consultation.url}answer/")
    steps = {
        "step-1": {"who": "parent-carer", "school": "yes"},
        "step-2": {"agree-1": "4", "change-1": "More buses"},
        "step-3": {"school-type": "mainstream"},
    }
    for step, data in steps.items():
        payload = {f"{prefix}-current_step": step, **{f"{step}-{k}": v for k, v in data.items()}}
        client.post(answer_url(step), payload)
    return client.post(answer_url("check"), {"submit": "1"})


def test_sending_too_often_from_one_address_is_paused_and_nothing_is_lost(
    consultation, answer_url, prefix, settings
):
    settings.CONSULTATION_SUBMISSIONS_PER_HOUR = 1
    first = answer_everything(Client(), consultation, answer_url, prefix)
    assert first.status_code == 302
    assert Response.objects.count() == 1

    second_person = Client()
    paused = answer_everything(second_person, consultation, answer_url, prefix)
    assert paused.status_code == 429
    assert "Your answers have not been lost" in paused.content.decode()
    assert Response.objects.count() == 1
    # The second person's answers are still there to check and send later.
    check = second_person.get(answer_url("check"))
    assert check.status_code == 200
    assert "More buses" in check.content.decode()


def test_the_limit_is_generous_enough_for_a_busy_event(consultation, answer_url, prefix, settings):
    for _ in range(5):
        assert answer_everything(Client(), consultation, answer_url, prefix).status_code == 302
    assert Response.objects.count() == 5
    # Mobile networks put many phones behind one address: hundreds an hour must get through.
    assert settings.CONSULTATION_SUBMISSIONS_PER_HOUR >= 500
