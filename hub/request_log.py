"""Request ids and the access log: one line per request, written by the app, not by gunicorn.

The app writes it (gunicorn's access log is off in the Procfile) because only the app knows
which parts of an address are safe to keep: the query string is never logged (a search or a
form's GET can hold an email address), and the signed tokens in subscription and unsubscribe
links are replaced with ":token" (hub.logs.loggable_path).
"""

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from hub.health import HEALTH_PATHS
from hub.logs import current_request_id, loggable_path

access_logger = logging.getLogger("hub.access")

REQUEST_ID_HEADER = "X-Request-ID"
# Platform routers send UUIDs or similar ids; anything else (too long, spaces, quotes, line
# breaks that could forge a log line) is replaced with our own.
WELL_FORMED_REQUEST_ID = re.compile(r"[A-Za-z0-9._:+=/-]{8,128}")


def request_id_for(request: HttpRequest) -> str:
    """The router's id when it sent a well-formed one (so its logs and ours match), else a new one."""
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    if WELL_FORMED_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


def staff_user_id(request: HttpRequest) -> int | None:
    """The id of a signed-in staff user, for following what editors did; None for everyone
    else (the public are never identified in the logs).

    Looks only at a user the request already loaded (AuthenticationMiddleware caches it on
    `_cached_user`): asking `request.user` here would cost an anonymous visitor with a session
    cookie a database query on every page, just for the log.
    """
    user = getattr(request, "_cached_user", None)
    if user is not None and getattr(user, "is_staff", False):
        return user.pk
    return None


class RequestLogMiddleware:
    """Gives each request an id (echoed in the X-Request-ID response header and on every log
    line written meanwhile) and logs one access line when the response is ready.

    First in MIDDLEWARE, so the time covers the whole stack and every other middleware's log
    lines carry the id.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_for(request)
        request.request_id = request_id
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            response[REQUEST_ID_HEADER] = request_id
            # The platform's health checks come every few seconds; a passing one is not news.
            if not (request.path in HEALTH_PATHS and response.status_code == 200):
                self.log(request, response, duration_ms)
            return response
        finally:
            current_request_id.reset(token)

    @staticmethod
    def log(request: HttpRequest, response: HttpResponse, duration_ms: float) -> None:
        path = loggable_path(request.path)
        level = logging.ERROR if response.status_code >= 500 else logging.INFO
        access_logger.log(
            level,
            "%s %s %s %sms",
            request.method,
            path,
            response.status_code,
            duration_ms,
            extra={
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user_id": staff_user_id(request),
            },
        )
