"""When the database cannot be reached: a plain-words 503 page, not a 500.

Managed PostgreSQL restarts for upgrades and fail-overs. While it is away every page fails with
`OperationalError` (cannot connect, connection lost) or `InterfaceError` (connection already
closed). A parent half-way through a questionnaire should be told what happened to their answers
and when to come back, and the platform should see a 503 it can retry, not "Internal Server Error".

Questionnaire progress lives in the database-backed session, so an outage loses nothing already
stored: the session, and any response already committed, are still there afterwards. What the
failed request was doing is rolled back (the session is not saved after a 5xx answer), and
sending it again is safe: a final "Send" carries a submission token, so a repeat finds the
response instead of making a second one (consultations.saving.save_response).

Three routes lead to the page, because Django hands errors on in three ways:

* errors raised by a view (or while its template renders) reach
  `DatabaseUnavailableMiddleware.process_exception`;
* errors raised by another middleware after the view, such as a new session being saved, are
  turned into the 500 handler before any middleware sees them: `hub.views.server_error`;
* an existing session that cannot be saved is reported by Django as `SessionInterrupted` ("the
  session was deleted"), a 400: `hub.views.bad_request`. The database error is still there, as
  the exception it was raised from, so `is_database_unavailable` follows that chain.

Each logs the error with its traceback and answers with `answer_database_outage`.

The page is rendered without the database: no request context, no context processors, no site
settings, only the template and the static files (see templates/503.html).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)
# What we tell browsers and crawlers: a restart or fail-over usually takes a minute or two.
RETRY_AFTER_SECONDS = 120


def is_database_unavailable(error: BaseException | None) -> bool:
    """True for a database connection error, or an error raised because of one."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DATABASE_UNAVAILABLE_ERRORS):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def answer_database_outage(request: HttpRequest, error: BaseException) -> HttpResponse:
    """Log the outage for whoever is on call, and give the visitor the 503 page."""
    logger.error(
        "Database unavailable: answered %s %s with 503",
        request.method,
        request.path,
        exc_info=error,
    )
    return database_unavailable_response()


def database_unavailable_response() -> HttpResponse:
    """The branded 503 page, with Retry-After, never cached (by us, a proxy or a CDN)."""
    html = loader.get_template("503.html").render(
        {"service_name": settings.WAGTAIL_SITE_NAME, "retry_minutes": RETRY_AFTER_SECONDS // 60}
    )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    """Answers 503 with the plain-words page when a view cannot reach the database.

    Listed last in MIDDLEWARE so that its `process_exception` is asked first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not is_database_unavailable(exception):
            return None
        return answer_database_outage(request, exception)
