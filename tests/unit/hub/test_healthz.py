"""/healthz: what the platform's router polls to decide whether a web process takes traffic."""

import json
from datetime import timedelta
from unittest import mock

import pytest
from django.db import OperationalError, connections
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from hub import health

pytestmark = pytest.mark.django_db


def queued_task(**fields) -> DBTaskResult:
    """A task row as django-tasks-db writes it when something is enqueued."""
    defaults = {
        "args_kwargs": {"args": [], "kwargs": {}},
        "task_path": "hub.tasks.example",
        "backend_name": "default",
        "run_after": get_date_max(),
    }
    return DBTaskResult.objects.create(**(defaults | fields))


def make_ready_since(task: DBTaskResult, ago: timedelta) -> None:
    # enqueued_at is auto_now_add: set it afterwards, as if the task had waited that long.
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - ago)


def test_all_well_is_200_json_with_each_check_and_its_time(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "task_queue"}
    for check in body["checks"].values():
        assert check["status"] == "ok"
        assert isinstance(check["ms"], float)
    assert body["checks"]["task_queue"]["waiting"] == 0
    assert body["checks"]["task_queue"]["oldest_ready_seconds"] is None


def test_never_cached_sets_no_cookie_and_sits_outside_the_language_prefixes(client):
    response = client.get("/healthz")
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    # Only at the root: under a language prefix it is just a page address that does not exist.
    assert client.get("/pl/healthz/").status_code == 404
    assert client.get("/healthz/").status_code == 200


@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["send.example.org"])
def test_a_probe_over_plain_http_by_internal_address_gets_an_answer(client):
    # Platform routers call the process directly: no HTTPS, an internal host name.
    response = client.get("/healthz", HTTP_HOST="10.0.3.7:8000")
    assert response.status_code == 200
    # ...while every other address keeps both protections.
    assert client.get("/", HTTP_HOST="10.0.3.7:8000").status_code == 400


def test_only_reading_is_allowed(client):
    assert client.post("/healthz").status_code == 405
    assert client.head("/healthz").status_code == 200


def test_waiting_tasks_are_counted_and_the_oldest_ready_one_aged(client):
    make_ready_since(queued_task(), timedelta(minutes=3))
    queued_task()
    # Scheduled for later: not waiting yet, so it neither counts nor ages the queue.
    queued_task(run_after=timezone.now() + timedelta(hours=1))
    # Finished work is not waiting.
    make_ready_since(queued_task(status="SUCCESSFUL"), timedelta(days=2))

    queue = json.loads(client.get("/healthz").content)["checks"]["task_queue"]
    assert queue["waiting"] == 2
    assert 175 <= queue["oldest_ready_seconds"] <= 200


def test_a_scheduled_task_ages_from_when_it_became_due(client):
    queued_task(run_after=timezone.now() - timedelta(minutes=5))
    queue = json.loads(client.get("/healthz").content)["checks"]["task_queue"]
    assert queue["waiting"] == 1
    assert 295 <= queue["oldest_ready_seconds"] <= 320


def test_a_queue_backing_up_is_degraded_but_still_200(client):
    """A stuck worker is not cured by restarting web processes, so the platform must not."""
    make_ready_since(queued_task(), health.QUEUE_DEGRADED_AFTER + timedelta(minutes=1))
    response = client.get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "degraded"
    assert body["checks"]["task_queue"]["status"] == "degraded"
    assert body["checks"]["database"]["status"] == "ok"


def test_an_unreadable_queue_table_is_degraded_not_down(client):
    with mock.patch.object(
        DBTaskResult.objects, "ready", side_effect=OperationalError("no such table")
    ):
        response = client.get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "degraded"
    assert body["checks"]["task_queue"]["status"] == "error"


def test_a_broken_cache_is_503(client):
    class BrokenCache:
        def set(self, *args, **kwargs):
            raise ConnectionError("Error 111 connecting to redis.internal:6379")

    with mock.patch.object(health, "caches", {"default": BrokenCache()}):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "error"
    assert body["checks"]["cache"]["status"] == "error"
    assert body["checks"]["database"]["status"] == "ok"
    assert "redis" not in response.content.decode()


def test_a_cache_that_forgets_what_it_was_told_is_503(client):
    class ForgetfulCache:
        def set(self, *args, **kwargs):
            pass

        def get(self, key):
            return None

        def delete(self, key):
            pass

    with mock.patch.object(health, "caches", {"default": ForgetfulCache()}):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["cache"]["status"] == "error"


def test_a_broken_database_is_503_and_says_nothing_about_why(client, caplog):
    reason = 'connection to server at "db.internal" (10.0.0.5), port 5432 failed'
    with mock.patch.object(connections["default"], "cursor", side_effect=OperationalError(reason)):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "error"
    assert body["checks"]["database"]["status"] == "error"
    # The queue is in the same database: not asked a second time.
    assert body["checks"]["task_queue"] == {"status": "skipped"}
    assert "db.internal" not in response.content.decode()
    # The reason goes to the log, for the people running the service.
    assert any("db.internal" in record.getMessage() for record in caplog.records)


def test_the_answer_reveals_no_versions_or_settings(client):
    text = client.get("/healthz").content.decode().lower()
    for secret in ("django", "wagtail", "python", "postgres", "sqlite", "redis", "secret"):
        assert secret not in text
    assert "server" not in {name.lower() for name in client.get("/healthz").headers}
