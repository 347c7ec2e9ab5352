"""The demo consultations load with the demo site, open, with responses, and reload unchanged."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Revision

from consultations.models import Answer, ConsultationPage, Response

pytestmark = pytest.mark.django_db


def test_demo_consultations_load_once_and_are_stable(client):
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    pages = ConsultationPage.objects.filter(locale=Locale.get_default())
    assert pages.count() == 2
    strategy = pages.get(slug="draft-send-strategy")
    assert strategy.is_open
    assert [s.title for s in strategy.steps][1].startswith("Ambition 1:")
    assert len(strategy.steps) == 8
    assert Response.objects.filter(consultation=strategy).count() == 300
    assert Answer.objects.filter(response__consultation=strategy, ambitions__number=1).exists()
    closes, revisions = strategy.closes_at, Revision.objects.count()
    responses = Response.objects.count()

    again = StringIO()
    call_command("load_demo_content", stdout=again)
    strategy.refresh_from_db()
    assert strategy.closes_at == closes
    assert Revision.objects.count() == revisions
    assert Response.objects.count() == responses
    [line] = [x for x in again.getvalue().splitlines() if "for consultations" in x]
    assert "(0 generated now)" in line
    assert client.get(strategy.url, HTTP_HOST="localhost").status_code == 200
    urdu = ConsultationPage.objects.get(locale__language_code="ur", slug="draft-send-strategy")
    assert client.get(urdu.url, HTTP_HOST="localhost").status_code == 200
