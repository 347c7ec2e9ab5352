"""Logging for the platform: one JSON object per line in production, a plain line in development.

Settings build LOGGING with `logging_config()`; `RequestLogMiddleware` (hub.request_log) sets the
request id that every log line written while a request is served carries, so one visitor's
request can be followed through the access log, errors and warnings.

What goes into a line is a fixed list of fields, never "everything on the record": Django's
`django.request` records carry the request object itself, whose text holds the query string,
and a query string can hold an email address.
"""

import json
import logging
import re
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import ImproperlyConfigured

LOG_FORMATS = ("json", "line")

# The id of the request being served by this thread (or task); None outside a request.
current_request_id: ContextVar[str | None] = ContextVar("current_request_id", default=None)

# Record attributes copied into a JSON line when present: set by the access log
# (hub.request_log) through `extra=`, or by Django (`status_code` on django.request records).
EVENT_FIELDS = ("method", "path", "status", "duration_ms", "user_id")

# Address segments that follow these words are signed tokens, not names: a subscription's
# confirmation token carries the subscriber's email address, merely compressed and encoded.
TOKEN_BEARING = re.compile(
    r"(?P<before>/(?:confirm|unsubscribe|updates\.unsubscribe)/)[^/]+", re.IGNORECASE
)
LONGEST_LOGGED_PATH = 300


def loggable_path(path: str) -> str:
    """An address (never with its query string) as it may be logged: tokens and anything that
    looks like an email address replaced, and not so long that a hostile request fills the log."""
    path = TOKEN_BEARING.sub(r"\g<before>:token", path)
    path = "/".join(":email" if "@" in segment else segment for segment in path.split("/"))
    if len(path) > LONGEST_LOGGED_PATH:
        path = path[:LONGEST_LOGGED_PATH] + "..."
    return path


class RequestIdFilter(logging.Filter):
    """Stamps each record with the id of the request it was written for ("-" outside a
    request), so both formats can show it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            # Django logs 4xx and 5xx answers ("Not Found: /x") after every middleware has
            # finished, so the id comes from the request it attaches to the record.
            request = getattr(record, "request", None)
            record.request_id = (
                current_request_id.get() or getattr(request, "request_id", None) or "-"
            )
        return True


class RedactAddressesFilter(logging.Filter):
    """Cleans the addresses other code puts in its messages (Django's "Not Found: %s",
    hub.database_unavailable's "answered %s %s"), as the access log cleans its own."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(
                loggable_path(arg) if isinstance(arg, str) and arg.startswith("/") else arg
                for arg in record.args
            )
        return True


class JsonLineFormatter(logging.Formatter):
    """One JSON object per record, on one line, for log collectors to index."""

    def format(self, record: logging.LogRecord) -> str:
        event: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None) or current_request_id.get()
        if request_id and request_id != "-":
            event["request_id"] = request_id
        for field in EVENT_FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                event[field] = value
        if "status" not in event and isinstance(getattr(record, "status_code", None), int):
            event["status"] = record.status_code
        if record.exc_info:
            event["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            event["stack"] = self.formatStack(record.stack_info)
        # default=str: a stray non-JSON value must not cost the whole line.
        return json.dumps(event, ensure_ascii=False, default=str)


def logging_config(log_format: str, level: str) -> dict:
    """The LOGGING setting: everything to standard output, where the platform collects it."""
    if log_format not in LOG_FORMATS:
        raise ImproperlyConfigured(
            f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}, not {log_format!r}."
        )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "hub.logs.RequestIdFilter"},
            "redact_addresses": {"()": "hub.logs.RedactAddressesFilter"},
        },
        "formatters": {
            "json": {"()": "hub.logs.JsonLineFormatter"},
            "line": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": log_format,
                "filters": ["request_id", "redact_addresses"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own "Not Found: /path" lines repeat what the access log already says.
            "django.request": {"level": "ERROR"},
            # runserver's own access lines, in development only, keep their query strings: quiet.
            "django.server": {"level": "WARNING"},
        },
    }
