"""Closing the loop: publishing an update emails each person who asked to hear about it exactly
once per status, in their language and (if they answered in easy read) in easy read; nobody else."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone, translation
from wagtail.models import Locale

from consultations.factories import ConsultationPageFactory, ResponseFactory
from consultations.models import OutcomeSubscription, Response
from outcomes.factories import AmbitionFactory
from you_said_we_did import notifications
from you_said_we_did.factories import (
    SubscriptionFactory,
    UpdateIndexPageFactory,
    UpdatePageFactory,
)
from you_said_we_did.models import Delivery, UpdatePage
from you_said_we_did.subscribe import recipient_hash
from you_said_we_did.tasks import notify_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def ambitions():
    return {n: AmbitionFactory(number=n, title=f"Ambition title {n}") for n in (1, 2)}


@pytest.fixture
def index(home):
    return UpdateIndexPageFactory(parent=home)


@pytest.fixture
def consultations(home):
    return {
        "A": ConsultationPageFactory(parent=home, title="Transport to school"),
        "B": ConsultationPageFactory(parent=home, title="Short breaks"),
    }


def respondent(consultation, email=None, **kwargs) -> Response:
    response = ResponseFactory(consultation=consultation, **kwargs)
    if email:
        OutcomeSubscription.objects.create(response=response, email=email)
    return response


@pytest.fixture
def people(consultations, ambitions):
    a, b = consultations["A"], consultations["B"]
    respondent(a, "online@example.org")
    respondent(a, "easy@example.org", channel=Response.Channel.EASY_READ)
    respondent(a, "polish@example.org", language="pl")
    respondent(a)  # no email given
    respondent(b, "other-consultation@example.org")
    SubscriptionFactory(email="everything@example.org")
    SubscriptionFactory(email="ambition-one@example.org", ambitions=[ambitions[1]])
    SubscriptionFactory(email="ambition-two@example.org", ambitions=[ambitions[2]])
    # Both a respondent of A and a subscriber: one email, as a respondent.
    SubscriptionFactory(email="Online@Example.org")


@pytest.fixture
def update(index, consultations, ambitions):
    return UpdatePageFactory(
        parent=index,
        title="More school transport staff",
        summary="We are taking on more transport staff.",
        easy_read_summary="You said the bus was late. We got more staff.",
        status=UpdatePage.Status.PLANNED,
        progress=0,
        consultations=[consultations["A"]],
        ambitions=[ambitions[1]],
        live=False,
    )


def publish(page, django_capture_on_commit_callbacks, **changes):
    page = UpdatePage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    return page


def by_recipient() -> dict[str, mail.EmailMessage]:
    messages = {}
    for message in mail.outbox:
        assert len(message.to) == 1 and not message.cc and not message.bcc
        assert message.to[0] not in messages, f"{message.to[0]} got two emails"
        messages[message.to[0]] = message
    return messages


EXPECTED = {
    "online@example.org",
    "easy@example.org",
    "polish@example.org",
    "everything@example.org",
    "ambition-one@example.org",
}


def test_publishing_emails_each_person_who_asked_once_and_nobody_else(
    people, update, django_capture_on_commit_callbacks
):
    publish(update, django_capture_on_commit_callbacks)
    messages = by_recipient()
    assert set(messages) == EXPECTED
    assert Delivery.objects.filter(sent_at__isnull=False).count() == len(EXPECTED)
    # Only hashes are kept.
    assert not Delivery.objects.filter(recipient__contains="@").exists()


def test_respondent_email_says_why_and_links_to_the_update(
    people, update, index, django_capture_on_commit_callbacks
):
    publish(update, django_capture_on_commit_callbacks)
    message = by_recipient()["online@example.org"]
    assert "More school transport staff" in message.subject
    assert 'You answered our questions in "Transport to school"' in message.body
    assert "We have decided what we will do" in message.body
    assert "We are taking on more transport staff." in message.body
    assert update.full_url in message.body
    assert message.body.count("http://testserver/") == 2  # the update and the unsubscribe page
    assert "&amp;" not in message.body and "&quot;" not in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://testserver/") and unsubscribe.endswith(">")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_subscriber_email_has_one_click_unsubscribe(
    people, update, index, django_capture_on_commit_callbacks
):
    from you_said_we_did.models import Subscription

    publish(update, django_capture_on_commit_callbacks)
    message = by_recipient()["everything@example.org"]
    token = Subscription.objects.get(email="everything@example.org").unsubscribe_token
    page_url = f"http://testserver{index.url}unsubscribe/{token}/"
    assert page_url in message.body
    assert "you subscribed to updates" in message.body
    assert token in message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_easy_read_respondent_gets_the_easy_read_email(
    people, update, django_capture_on_commit_callbacks
):
    publish(update, django_capture_on_commit_callbacks)
    messages = by_recipient()
    easy = messages["easy@example.org"]
    assert "You said the bus was late. We got more staff." in easy.body
    assert "We have a plan." in easy.body
    assert "Progress:" not in easy.body
    assert "You said the bus was late." not in messages["online@example.org"].body


def test_easy_read_subscriber_gets_the_easy_read_email(update, django_capture_on_commit_callbacks):
    SubscriptionFactory(email="easy-sub@example.org", easy_read=True)
    publish(update, django_capture_on_commit_callbacks)
    assert "You said the bus was late." in by_recipient()["easy-sub@example.org"].body


def test_polish_respondent_gets_the_email_in_polish_with_the_polish_page(
    people, update, django_capture_on_commit_callbacks
):
    polish = Locale.objects.get(language_code="pl")
    translated = update.copy_for_translation(polish, copy_parents=True)
    # Publishing the translation first: its default-language original is not live, so no email.
    publish(
        translated,
        django_capture_on_commit_callbacks,
        title="Więcej pracowników transportu szkolnego",
    )
    assert not mail.outbox

    languages = {}
    real_render = notifications.render_to_string

    def spy(template, context):
        languages.setdefault(context["update"].title, set()).add(translation.get_language())
        return real_render(template, context)

    with mock.patch.object(notifications, "render_to_string", spy):
        publish(update, django_capture_on_commit_callbacks)
    message = by_recipient()["polish@example.org"]
    polish_page = UpdatePage.objects.get(translation_key=update.translation_key, locale=polish)
    assert polish_page.full_url.startswith("http://testserver/pl/")
    assert polish_page.full_url in message.body
    assert "Więcej pracowników transportu szkolnego" in message.subject
    assert message.extra_headers["Content-Language"] == "pl"
    assert "http://testserver/pl/you-said-we-did/unsubscribe/" in message.body
    assert languages["Więcej pracowników transportu szkolnego"] == {"pl"}
    assert languages["More school transport staff"] == {"en-gb"}
    assert update.full_url in by_recipient()["online@example.org"].body


def test_republishing_with_the_same_status_sends_nothing(
    people, update, django_capture_on_commit_callbacks
):
    publish(update, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    publish(update, django_capture_on_commit_callbacks, summary="Corrected a typo.")
    assert mail.outbox == []


def test_a_change_of_status_is_news_once(people, update, django_capture_on_commit_callbacks):
    publish(update, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    publish(update, django_capture_on_commit_callbacks, status="in-progress", progress=20)
    messages = by_recipient()
    assert set(messages) == EXPECTED
    assert "We have started the work" in messages["online@example.org"].body
    assert "We have started." in messages["easy@example.org"].body
    mail.outbox.clear()
    publish(update, django_capture_on_commit_callbacks, progress=50)
    assert mail.outbox == []


def test_running_the_task_again_sends_nothing_more(
    people, update, django_capture_on_commit_callbacks
):
    publish(update, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    result = notify_update.enqueue(update.pk).return_value
    assert result == {"sent": 0, "failed": 0, "skipped": len(EXPECTED)}
    assert mail.outbox == []


def test_a_failed_send_is_retried_later_and_only_once(
    people, update, django_capture_on_commit_callbacks
):
    real_send = mail.EmailMessage.send

    def flaky(message, *args, **kwargs):
        if message.to == ["easy@example.org"]:
            raise ConnectionError("mail server went away")
        return real_send(message, *args, **kwargs)

    with mock.patch.object(mail.EmailMessage, "send", flaky):
        publish(update, django_capture_on_commit_callbacks)
    assert "easy@example.org" not in by_recipient()
    unsent = Delivery.objects.get(recipient=recipient_hash("easy@example.org"))
    assert unsent.sent_at is None
    mail.outbox.clear()

    # Straight away, another run leaves it alone (the first may still be sending) ...
    assert notify_update.enqueue(update.pk).return_value["sent"] == 0
    # ... later, a run retries it, once.
    Delivery.objects.filter(pk=unsent.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=1)
    )
    assert notify_update.enqueue(update.pk).return_value["sent"] == 1
    assert list(by_recipient()) == ["easy@example.org"]
    assert notify_update.enqueue(update.pk).return_value["sent"] == 0


def test_subscribers_to_another_ambition_hear_nothing(
    update, ambitions, django_capture_on_commit_callbacks
):
    SubscriptionFactory(email="ambition-two@example.org", ambitions=[ambitions[2]])
    publish(update, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_subscribers_match_translated_ambitions(
    update, ambitions, django_capture_on_commit_callbacks
):
    polish_ambition = ambitions[1].copy_for_translation(Locale.objects.get(language_code="pl"))
    polish_ambition.save()
    page = UpdatePage.objects.get(pk=update.pk)
    page.ambitions.set([polish_ambition])
    page.save()
    SubscriptionFactory(email="ambition-one@example.org", ambitions=[ambitions[1]])
    publish(page, django_capture_on_commit_callbacks)
    assert set(by_recipient()) == {"ambition-one@example.org"}


def test_respondents_to_a_translated_consultation_are_found(
    index, home, consultations, django_capture_on_commit_callbacks
):
    """Responses are filed under the default-language consultation; an update may cite a
    translation."""
    respondent(consultations["A"], "online@example.org")
    polish = Locale.objects.get(language_code="pl")
    polish_consultation = consultations["A"].copy_for_translation(polish, copy_parents=True)
    polish_consultation.save_revision().publish()
    update = UpdatePageFactory(parent=index, consultations=[polish_consultation], live=False)
    publish(update, django_capture_on_commit_callbacks)
    assert set(by_recipient()) == {"online@example.org"}


def test_someone_who_answered_twice_gets_one_email(
    update, consultations, django_capture_on_commit_callbacks
):
    respondent(consultations["A"], "twice@example.org")
    respondent(consultations["A"], "Twice@example.org", channel=Response.Channel.EASY_READ)
    publish(update, django_capture_on_commit_callbacks)
    assert len(by_recipient()) == 1


def test_nothing_is_sent_for_an_update_that_is_no_longer_live(
    people, update, django_capture_on_commit_callbacks
):
    publish(update, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    page = UpdatePage.objects.get(pk=update.pk)
    page.status = "done"
    page.progress = 100
    page.save()
    page.unpublish()
    assert notify_update.enqueue(update.pk).return_value["sent"] == 0
    assert mail.outbox == []
