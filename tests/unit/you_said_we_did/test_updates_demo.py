"""The demo site's outcomes, coded answers and updates: every update cites evidence that exists."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from consultations.models import Answer, ConsultationPage
from outcomes.models import Outcome
from you_said_we_did.evidence import count_evidence
from you_said_we_did.models import Evidence, UpdateIndexPage, UpdatePage

pytestmark = pytest.mark.django_db


def test_demo_updates_cite_real_tagged_evidence(client):
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

    index = UpdateIndexPage.objects.get(locale=default)
    assert client.get(index.url, HTTP_HOST="localhost").status_code == 200

    again = StringIO()
    call_command("load_demo_content", stdout=again)
    assert "(0 created now)" in [x for x in again.getvalue().splitlines() if "you_said" in x][0]
    assert UpdatePage.objects.filter(locale=default).count() == updates.count()
