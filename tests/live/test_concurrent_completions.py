"""Two hundred people finishing the same questionnaire at once, through gunicorn on PostgreSQL.

Each person is a thread with its own requests.Session (its own cookies, CSRF token and
database-backed session), walking every step; a barrier holds them at "Check your answers" so
that the two hundred final "Send" posts arrive together.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from questionnaire_walker import Person, QuestionnaireWalker
from stored_responses import problems_with_stored_responses

from consultations.wizard import wizard_prefix

pytestmark = [pytest.mark.live, pytest.mark.django_db(transaction=True)]

PEOPLE = 200


def test_two_hundred_people_sending_at_once_are_all_stored_whole(
    live_consultation, test_database_url, start_gunicorn
):
    server = start_gunicorn(test_database_url)
    page_url = server.base_url + live_consultation.url
    together = threading.Barrier(PEOPLE, timeout=600)

    def complete(person):
        walker = QuestionnaireWalker(
            page_url, person, wizard_prefix(live_consultation), before_submit=together.wait
        )
        journey = walker.walk()
        if journey.failure:
            together.abort()  # nobody waits for someone who is not coming
        return journey

    started, client_cpu, server_cpu = time.monotonic(), time.process_time(), server.cpu_seconds()
    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        journeys = list(pool.map(complete, [Person(n) for n in range(PEOPLE)]))
    elapsed, client_cpu = time.monotonic() - started, time.process_time() - client_cpu
    server_cpu = server.cpu_seconds() - server_cpu

    first_failures = [j.failure for j in journeys if j.failure and "Barrier" not in j.failure]
    assert not first_failures, first_failures[:5]
    assert all(journey.confirmed for journey in journeys)
    assert len({journey.reference for journey in journeys}) == PEOPLE
    # Nobody was shown an error page or had to send anything twice.
    assert not [j for j in journeys if j.error_pages or j.connection_errors]
    assert problems_with_stored_responses(live_consultation, journeys) == []
    assert live_consultation.responses.count() == PEOPLE
    requests_made = sum(len(journey.statuses) for journey in journeys)
    print(
        f"\n{PEOPLE} people, {requests_made} requests in {elapsed:.1f}s; "
        f"CPU: server {server_cpu:.1f}s, clients {client_cpu:.1f}s"
    )
