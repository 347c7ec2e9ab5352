"""gunicorn workers killed (SIGKILL) in the middle of people answering: nothing half-saved.

A killed worker takes its request with it: the person's connection drops, and PostgreSQL rolls
back whatever that worker had not committed. People then do what a browser lets them do: send
the page again (a step as often as needed, the final "Send" once).

How a repeated "Send" is kept from making a second response: when someone starts, the wizard puts
a random submission token in their session; `save_response` stores it on the response (unique
in the database) and, given a token it has already stored, returns that response instead of
saving another. After saving, the wizard empties the session and records the reference, so a
later "Send" goes straight to the confirmation. If the worker dies after the commit but before
the session is saved, the session still holds the answers and the token: the repeat finds the
stored response by its token. The second test below puts a session in exactly that state.
"""

import time

import pytest
from django.contrib.sessions.models import Session
from questionnaire_walker import Crowd, Person, QuestionnaireWalker
from stored_responses import problems_with_stored_responses

from consultations.models import Response
from consultations.wizard import wizard_prefix

pytestmark = [pytest.mark.live, pytest.mark.django_db(transaction=True)]

PEOPLE = 50


def test_workers_killed_mid_run_leave_no_partial_and_no_double_response(
    live_consultation, test_database_url, start_gunicorn
):
    server = start_gunicorn(test_database_url, workers=4)
    crowd = Crowd(server.base_url + live_consultation.url, wizard_prefix(live_consultation), PEOPLE)
    killed: list[int] = []

    def kill_one():
        victim = next(pid for pid in server.worker_pids() if pid not in killed)
        server.kill_worker(victim)
        killed.append(victim)

    def disrupt(crowd):
        # Once while people are part way through the steps...
        assert crowd.steps_sent.wait_for(crowd.steps_in_all // 2, timeout=180), (
            "steps did not get going"
        )
        kill_one()
        # ...and twice while the final "Send" posts are being saved.
        crowd.let_everyone_send()
        assert crowd.sending.wait_for(PEOPLE // 2, timeout=60)
        time.sleep(0.05)
        kill_one()
        time.sleep(0.2)
        kill_one()

    journeys = crowd.run(disrupt)

    failures = [j.failure for j in journeys if j.failure and "Barrier" not in j.failure]
    assert not failures, (failures[:5], server.log_tail())
    # The kills really cut requests in flight, final sends among them.
    assert sum(len(j.connection_errors) for j in journeys) >= 1
    assert sum(j.submit_connection_errors for j in journeys) >= 1
    # The master replaced every killed worker.
    workers = server.wait_for_workers(4)
    assert not set(workers) & set(killed)
    # Every response is whole, belongs to someone who saw its confirmation, and is there once.
    assert all(journey.confirmed for journey in journeys)
    assert problems_with_stored_responses(live_consultation, journeys) == []
    assert live_consultation.responses.count() == PEOPLE

    resent = [j for j in journeys if j.resubmitted_at]
    stored_before_resend = [
        j
        for j in resent
        if Response.objects.get(reference=j.reference).submitted_at.timestamp() < j.resubmitted_at
    ]
    print(
        f"\nkilled {len(killed)} workers; {sum(len(j.connection_errors) for j in journeys)} "
        f"requests cut; {len(resent)} final sends repeated, {len(stored_before_resend)} of them "
        "already stored by the first (and not stored again)"
    )


def test_a_send_repeated_after_the_session_was_lost_is_stored_once(
    live_consultation, test_database_url, start_gunicorn
):
    """The narrow window: the response committed, then the worker died before saving the
    session. Put the session back as it was before "Send" and send again."""
    server = start_gunicorn(test_database_url, workers=2)
    before_send: dict[str, str] = {}
    walker = QuestionnaireWalker(
        server.base_url + live_consultation.url, Person(7), wizard_prefix(live_consultation)
    )

    def remember_session():
        key = walker.session.cookies["sessionid"]
        before_send[key] = Session.objects.get(pk=key).session_data

    walker.before_submit = remember_session
    first = walker.walk()
    assert first.confirmed, first.failure
    [(key, data)] = before_send.items()
    Session.objects.filter(pk=key).update(session_data=data)

    walker.before_submit = None
    again = walker.walk_from_check()
    assert again.reference == first.reference
    assert Response.objects.count() == 1
    assert problems_with_stored_responses(live_consultation, [first]) == []
