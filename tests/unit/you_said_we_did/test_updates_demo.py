"""The demo site's outcomes, coded answers and updates: every update cites evidence that exists."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from consultations.choices import RespondentType
from consultations.models import Answer, ConsultationPage, OutcomeSubscription, Response
from outcomes.dashboard import charts_for
from outcomes.models import Ambition, Outcome
from you_said_we_did.evidence import count_evidence
from you_said_we_did.models import Evidence, UpdateIndexPage, UpdatePage

pytestmark = pytest.mark.django_db


def test_demo_updates_cite_real_tagged_evidence(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    # Emails are queued when the publishing transaction commits; run those callbacks here.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=StringIO())
    default = Locale.get_default()

    outcomes = list(Outcome.objects.filter(locale=default))
    assert outcomes[0].title == "My independence"
    assert all(outcome.ambitions.exists() for outcome in outcomes)

    strategy = ConsultationPage.objects.get(locale=default, slug="draft-send-strategy")
    coded = Answer.objects.filter(response__consultation=strategy, coded_at__isnull=False)
    assert coded.filter(themes__isnull=False).exists()
    # Answers inherited their questions' outcome tags when they were saved.
    assert Answer.objects.filter(
        response__consultation=strategy,
        question_key="change-ambition-5",
        outcomes__title="My independence",
    ).exists()

    updates = UpdatePage.objects.live().filter(locale=default)
    assert updates.count() >= 5
    assert {u.status for u in updates} == set(UpdatePage.Status.values)
    for update in updates:
        assert update.consultations.exists(), update.title
        evidence = list(Evidence.objects.filter(page=update))
        assert evidence, f"{update.title} cites no evidence"
        for item in evidence:
            assert item.count > 0
            assert item.count == count_evidence(item), f"{update.title}: {item.statement}"
        for quote in update.quotes.all():
            assert quote.answer is not None and quote.answer.themes.exists()
        assert client.get(update.url, HTTP_HOST="localhost").status_code == 200

    # Publishing each update told each person who asked to hear about its consultations once,
    # and nobody else (the demo has no subscribers yet).
    expected = {}
    for update in updates:
        consultations = list(update.consultations.all())
        emails = OutcomeSubscription.objects.filter(response__consultation__in=consultations)
        for email in emails.values_list("email", flat=True).distinct():
            expected[email] = expected.get(email, 0) + 1
    sent = {}
    for message in mailoutbox:
        [address] = message.to
        sent[address] = sent.get(address, 0) + 1
    assert sent == expected and expected

    # The ambition dashboard's numbers are the database's.
    ambition = Ambition.objects.get(locale=default, number=2)
    charts = {chart.slug: chart for chart in charts_for(ambition)}
    tagged = ConsultationPage.objects.live().filter(locale=default, ambitions=ambition)
    responses = Response.objects.filter(consultation__in=tagged)
    by_type = dict(charts["responses-by-respondent"].rows)
    assert sum(by_type.values()) == responses.count() > 0
    parents = responses.filter(respondent_type=RespondentType.PARENT_CARER).count()
    assert by_type[str(RespondentType.PARENT_CARER.label)] == parents
    assert sum(dict(charts["consultations-held"].rows).values()) == tagged.count()
    actions = dict(charts["actions-by-status"].rows)
    assert (
        actions[str(UpdatePage.Status.IN_PROGRESS.label)]
        == updates.filter(ambitions=ambition, status=UpdatePage.Status.IN_PROGRESS).count()
    )

    index = UpdateIndexPage.objects.get(locale=default)
    assert client.get(index.url, HTTP_HOST="localhost").status_code == 200

    again = StringIO()
    call_command("load_demo_content", stdout=again)
    assert "(0 created now)" in [x for x in again.getvalue().splitlines() if "you_said" in x][0]
    assert UpdatePage.objects.filter(locale=default).count() == updates.count()
