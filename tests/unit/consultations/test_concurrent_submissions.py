"""Many people sending their answers at the same moment, on PostgreSQL.

SQLite serialises every write, so it cannot show a race; these tests only run on PostgreSQL (as
CI does). Each thread uses its own test client and its own database connection, and a barrier
releases the final "Send" posts together.
"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from site_home import restore_root_and_site

from consultations.models import Answer, Response

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Concurrent submission needs PostgreSQL (SQLite serialises writes); "
        "CI runs these with DATABASE_URL=postgres://…",
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def root_and_site(transactional_db):
    restore_root_and_site()


ANSWERS = {
    "step-1": {"who": "parent-carer", "school": "yes"},
    "step-2": {"agree-1": "4", "change-1": "More buses"},
    "step-3": {"school-type": "mainstream"},
}
KEYS = {"who", "school", "agree-1", "change-1", "school-type"}


def fill_in(client, consultation, prefix, change: str = "More buses") -> str:
    """Answer every step; returns the check-your-answers address to post to."""
    base = f"{consultation.url}answer/"
    assert client.get(base).status_code == 302
    for step, answers in ANSWERS.items():
        answers = {**answers, "change-1": change} if step == "step-2" else answers
        payload = {f"{prefix}-current_step": step}
        payload.update({f"{step}-{key}": value for key, value in answers.items()})
        response = client.post(f"{base}{step}/", payload)
        assert response.status_code == 302, response.content[:500]
    return f"{base}check/"


def send_together(posts):
    """Run each zero-argument callable in its own thread, released at the same moment."""
    barrier = threading.Barrier(len(posts))
    results: list = [None] * len(posts)
    errors: list[BaseException] = []

    def run(index, post):
        try:
            barrier.wait(timeout=30)
            results[index] = post()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, post)) for i, post in enumerate(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return results


def test_twenty_people_sending_at_once_are_all_stored(transactional_db, consultation, prefix):
    clients = [Client() for _ in range(20)]
    check_urls = [
        fill_in(client, consultation, prefix, change=f"Answer from person {n}")
        for n, client in enumerate(clients)
    ]

    results = send_together(
        [
            (lambda c=client, u=url: c.post(u, {"submit": "1"}))
            for client, url in zip(clients, check_urls, strict=True)
        ]
    )

    assert [r.status_code for r in results] == [302] * 20
    assert {r["Location"] for r in results} == {f"{consultation.url}confirmation/"}
    assert Response.objects.count() == 20
    assert Response.objects.values("reference").distinct().count() == 20
    for response in Response.objects.prefetch_related("answers"):
        assert {a.question_key for a in response.answers.all()} == KEYS
    changes = set(Answer.objects.filter(question_key="change-1").values_list("value", flat=True))
    assert changes == {f"Answer from person {n}" for n in range(20)}


def test_one_person_sending_five_times_at_once_is_stored_once(
    transactional_db, consultation, prefix
):
    client = Client()
    check_url = fill_in(client, consultation, prefix)
    cookie = client.cookies["sessionid"].value

    def post():
        other = Client()
        other.cookies["sessionid"] = cookie
        return other.post(check_url, {"submit": "1"})

    results = send_together([post] * 5)

    assert [r.status_code for r in results] == [302] * 5
    assert Response.objects.count() == 1
    assert set(Answer.objects.values_list("question_key", flat=True)) == KEYS
    assert Answer.objects.count() == len(KEYS)
