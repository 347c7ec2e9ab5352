"""`/healthz`: the address the platform's router polls to decide whether a web process is fit
to take traffic.

Answered by `HealthCheckMiddleware`, near the top of MIDDLEWARE, before anything that could get
in the way of a probe: the HTTPS redirect and the host check (routers often call the process
directly, over plain HTTP, by its internal address), sessions, CSRF, the language prefixes and
the page cache. It never touches a session, so it sets no cookie.

- 200 "ok": the database, the cache and the task queue are all fine.
- 200 "degraded": the site can serve pages, but background work is backing up (the worker is
  down or overwhelmed) or the queue table cannot be read. Restarting web processes would not
  help, so the platform must not be told to.
- 503 "error": the database or the cache is failing; this process cannot serve pages properly.

The body names each check with its status and time, and, for the queue, how many tasks are
waiting and how long the oldest has been ready. It gives no error text, host names, versions
or settings: the details go to the log.
"""

import logging
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.core.cache import caches
from django.db import connections
from django.db.models import Count, Min, Q
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger("hub.health")

HEALTH_PATHS = frozenset({"/healthz", "/healthz/"})
# The worker normally picks a task up within seconds; a task ready for this long means the
# worker is down or cannot keep up (a big batch of emails after publishing an update can
# legitimately take a few minutes).
QUEUE_DEGRADED_AFTER = timedelta(minutes=15)

OK, DEGRADED, ERROR, SKIPPED = "ok", "degraded", "error", "skipped"


def _elapsed_ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def _failed(name: str, started: float, error: Exception) -> dict[str, Any]:
    # The log gets the reason; the public response only gets "error".
    logger.error("Health check %s failed: %s: %s", name, type(error).__name__, error)
    return {"status": ERROR, "ms": _elapsed_ms(started)}


def check_database() -> dict[str, Any]:
    started = time.perf_counter()
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        return _failed("database", started, error)
    return {"status": OK, "ms": _elapsed_ms(started)}


def check_cache() -> dict[str, Any]:
    """Writes, reads back and removes a key of its own: a unique name, so processes checking at
    the same moment cannot read each other's value, and removed so it never crowds out pages
    in a small in-memory cache."""
    started = time.perf_counter()
    cache = caches["default"]
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=30)
        read_back = cache.get(key)
        cache.delete(key)
        if read_back != "ok":
            raise RuntimeError("the cache did not return the value just written")
    except Exception as error:
        return _failed("cache", started, error)
    return {"status": OK, "ms": _elapsed_ms(started)}


def check_task_queue() -> dict[str, Any]:
    """How many tasks are ready and waiting for the worker, and how long the oldest has been
    ready. One query, on the index django-tasks-db keeps for ready tasks."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    started = time.perf_counter()
    never = get_date_max()  # run_after of a task that may run at once
    try:
        queue = DBTaskResult.objects.ready().aggregate(
            waiting=Count("pk"),
            oldest_enqueued=Min("enqueued_at", filter=Q(run_after=never)),
            oldest_due=Min("run_after", filter=~Q(run_after=never)),
        )
    except Exception as error:
        return _failed("task_queue", started, error)
    ready_since = [moment for moment in (queue["oldest_enqueued"], queue["oldest_due"]) if moment]
    oldest_seconds = (
        max(0, round((timezone.now() - min(ready_since)).total_seconds())) if ready_since else None
    )
    backing_up = (
        oldest_seconds is not None and oldest_seconds > QUEUE_DEGRADED_AFTER.total_seconds()
    )
    return {
        "status": DEGRADED if backing_up else OK,
        "ms": _elapsed_ms(started),
        "waiting": queue["waiting"],
        "oldest_ready_seconds": oldest_seconds,
    }


def health_report() -> tuple[int, dict[str, Any]]:
    """(HTTP status, body) for /healthz."""
    checks = {"database": check_database(), "cache": check_cache()}
    if checks["database"]["status"] == OK:
        checks["task_queue"] = check_task_queue()
    else:
        # The queue lives in the database: asking again would only wait a second time.
        checks["task_queue"] = {"status": SKIPPED}
    if ERROR in (checks["database"]["status"], checks["cache"]["status"]):
        return 503, {"status": ERROR, "checks": checks}
    if checks["task_queue"]["status"] != OK:
        return 200, {"status": DEGRADED, "checks": checks}
    return 200, {"status": OK, "checks": checks}


def healthz(request: HttpRequest) -> HttpResponse:
    """Polled by the platform's router and by uptime monitors; never by people."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    status, body = health_report()
    response = JsonResponse(body, status=status)
    add_never_cache_headers(response)  # Cache-Control: ... no-store: always a fresh answer
    return response


class HealthCheckMiddleware:
    """Answers /healthz before the rest of the stack runs (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info in HEALTH_PATHS:
            return healthz(request)
        return self.get_response(request)
