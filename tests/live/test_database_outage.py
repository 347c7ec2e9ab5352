"""The database going away while people are answering: a clear 503 page, then everyone finishes.

gunicorn reaches PostgreSQL through a TCP proxy (tests/live/tcp_proxy.py). Twice during the run
the proxy drops every connection and refuses new ones for a few seconds, as during a restart:
once while people are part way through the steps, once while their final "Send" posts are being
saved. People who meet the outage get the 503 page; they wait and press again, and carry on from
where they were, because their progress is in the database-backed session, which the outage does
not touch. Afterwards every response is whole and none is there twice.

What the proxy does not imitate (see tcp_proxy.py): PostgreSQL's own goodbye message and its
"starting up" answers; and it cannot lose committed data, as a real crash without a durable disk
might. The application sees the same kinds of error either way.
"""

import time

import pytest
from django.db import connection
from gunicorn_server import database_url
from questionnaire_walker import OUTAGE_HEADING, Crowd
from stored_responses import problems_with_stored_responses
from tcp_proxy import TcpProxy

from consultations.wizard import wizard_prefix
from hub.database_unavailable import RETRY_AFTER_SECONDS

pytestmark = [pytest.mark.live, pytest.mark.django_db(transaction=True)]

PEOPLE = 50
OUTAGE_SECONDS = 3


def test_a_database_outage_shows_the_503_page_and_loses_nothing(live_consultation, start_gunicorn):
    settings = connection.settings_dict
    proxy = TcpProxy(settings.get("HOST") or "127.0.0.1", int(settings.get("PORT") or 5432))
    proxy.start()
    try:
        server = start_gunicorn(database_url(settings, port=proxy.port))
        journeys, outages = run_with_outages(server, proxy, live_consultation)
        server.stop()
    finally:
        proxy.stop()

    failures = [j.failure for j in journeys if j.failure and "Barrier" not in j.failure]
    assert not failures, (failures[:5], server.log_tail())
    assert all(journey.confirmed for journey in journeys)
    # The outages were felt, during the steps and during the final "Send"...
    error_pages = [page for journey in journeys for page in journey.error_pages]
    assert outages[0] >= 1 and outages[1] >= 1, f"connections cut: {outages}"
    assert any(not page.while_sending for page in error_pages)
    assert any(page.while_sending for page in error_pages)
    # ...and every error page was the plain-words 503, never a 500 or a traceback.
    for page in error_pages:
        assert page.status == 503, (page.url, page.status, page.body[:300])
        assert page.retry_after == str(RETRY_AFTER_SECONDS)
        assert OUTAGE_HEADING in page.body
        assert "The answers you gave on earlier pages are kept." in page.body
        assert "Traceback" not in page.body and "psycopg" not in page.body
    assert not [j for j in journeys if 500 in j.statuses or j.connection_errors]
    # Whoever was on call can see what happened.
    assert "Database unavailable" in server.log()
    # Every response is whole, confirmed to its person, and stored once.
    assert problems_with_stored_responses(live_consultation, journeys) == []
    assert live_consultation.responses.count() == PEOPLE
    print(
        f"\n{len(error_pages)} error pages (all 503) for {sum(1 for j in journeys if j.error_pages)}"
        f" of {PEOPLE} people; {sum(p.while_sending for p in error_pages)} while sending; "
        f"connections cut: {outages}"
    )


def run_with_outages(server, proxy, consultation):
    """Fifty people answering; the database cut off twice. Returns their journeys and how many
    connections each outage dropped."""
    crowd = Crowd(
        server.base_url + consultation.url,
        wizard_prefix(consultation),
        PEOPLE,
        outage_wait=0.5,
        outage_patience=120,
    )
    dropped = {"steps": 0, "sending": 0}

    def outage() -> int:
        cut = proxy.cut()
        time.sleep(OUTAGE_SECONDS)
        proxy.restore()
        return cut

    def disrupt(crowd):
        assert crowd.steps_sent.wait_for(crowd.steps_in_all * 2 // 5, timeout=180), (
            "steps never started"
        )
        dropped["steps"] = outage()
        crowd.let_everyone_send()
        assert crowd.sending.wait_for(PEOPLE // 4, timeout=60)
        dropped["sending"] = outage()

    journeys = crowd.run(disrupt)
    return journeys, (dropped["steps"], dropped["sending"])
