"""Structured logs: JSON lines for the platform, request ids that follow a request through, and
nothing personal in them."""

import io
import json
import logging
import re
from contextlib import contextmanager

import pytest
from django.core.exceptions import ImproperlyConfigured

from hub.logs import (
    JsonLineFormatter,
    RedactAddressesFilter,
    RequestIdFilter,
    current_request_id,
    loggable_path,
    logging_config,
)

pytestmark = pytest.mark.django_db


@contextmanager
def json_log_lines(*logger_names: str):
    """Collects what the named loggers write, formatted as production formats it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLineFormatter())
    handler.addFilter(RequestIdFilter())
    handler.addFilter(RedactAddressesFilter())
    loggers = [logging.getLogger(name) for name in logger_names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    lines: list[dict] = []
    try:
        yield lines
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)
        lines.extend(json.loads(line) for line in stream.getvalue().splitlines())


def test_a_record_becomes_one_line_of_json_with_the_standard_fields():
    record = logging.LogRecord(
        "consultations.saving", logging.WARNING, __file__, 1, "Saved %s answers", (12,), None
    )
    token = current_request_id.set("req-12345678")
    try:
        RequestIdFilter().filter(record)
    finally:
        current_request_id.reset(token)
    line = JsonLineFormatter().format(record)
    assert "\n" not in line
    event = json.loads(line)
    assert event["level"] == "WARNING"
    assert event["logger"] == "consultations.saving"
    assert event["message"] == "Saved 12 answers"
    assert event["request_id"] == "req-12345678"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", event["time"])


def test_an_exception_is_kept_in_the_same_line():
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record = logging.LogRecord("hub", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    line = JsonLineFormatter().format(record)
    assert "\n" not in line
    assert "ValueError: boom" in json.loads(line)["exception"]


def test_the_request_object_django_attaches_is_never_written_out(rf):
    """django.request records carry the request, whose text includes the query string."""
    request = rf.get("/search/", {"q": "parent@example.org"})
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Error", (), None)
    record.request = request
    record.status_code = 500
    event = json.loads(JsonLineFormatter().format(record))
    assert event["status"] == 500
    assert "parent@example.org" not in json.dumps(event)


def test_djangos_own_error_lines_carry_the_request_id_and_no_token(rf):
    """Django logs "Service Unavailable: /path" after the middleware has finished."""
    request = rf.get("/updates/subscribe/confirm/eyJlIjoicGFyZW50/")
    request.request_id = "req-abcdef12"
    record = logging.LogRecord(
        "django.request",
        logging.ERROR,
        __file__,
        1,
        "%s: %s",
        ("Service Unavailable", request.path),
        None,
    )
    record.request = request
    for log_filter in (RequestIdFilter(), RedactAddressesFilter()):
        log_filter.filter(record)
    event = json.loads(JsonLineFormatter().format(record))
    assert event["request_id"] == "req-abcdef12"
    assert event["message"] == "Service Unavailable: /updates/subscribe/confirm/:token/"


def test_every_request_gets_an_id_echoed_back_and_one_access_line(client, home):
    with json_log_lines("hub.access") as lines:
        response = client.get(home.url)
    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    (access,) = lines
    assert access["request_id"] == request_id
    assert access["method"] == "GET"
    assert access["path"] == home.url
    assert access["status"] == 200
    assert access["duration_ms"] >= 0
    assert "user_id" not in access
    assert access["message"].startswith(f"GET {home.url} 200 ")


def test_the_routers_request_id_is_used_when_well_formed(client, home):
    router_id = "9f1c2d3e-4b5a-6789-abcd-ef0123456789"
    with json_log_lines("hub.access") as lines:
        response = client.get(home.url, HTTP_X_REQUEST_ID=router_id)
    assert response["X-Request-ID"] == router_id
    assert lines[0]["request_id"] == router_id


@pytest.mark.parametrize(
    "incoming", ["short", "has spaces in it", "forged\nline", "x" * 200, '"quoted"-id-value']
)
def test_a_malformed_request_id_is_replaced(client, home, incoming):
    response = client.get(home.url, HTTP_X_REQUEST_ID=incoming)
    assert response["X-Request-ID"] != incoming
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_lines_logged_during_a_request_carry_its_id(client, home):
    """A failing health check logs why; that line and the access line share the id."""
    from unittest import mock

    from hub import health

    class BrokenCache:
        def set(self, *args, **kwargs):
            raise ConnectionError("cache down")

    with (
        json_log_lines("hub.access", "hub.health") as lines,
        mock.patch.object(health, "caches", {"default": BrokenCache()}),
    ):
        response = client.get("/healthz", HTTP_X_REQUEST_ID="router-id-0001")
    assert response.status_code == 503
    assert {line["logger"] for line in lines} == {"hub.access", "hub.health"}
    assert {line["request_id"] for line in lines} == {"router-id-0001"}
    assert current_request_id.get() is None  # nothing leaks into the next request


def test_passing_health_checks_are_not_logged(client):
    with json_log_lines("hub.access") as lines:
        assert client.get("/healthz").status_code == 200
    assert lines == []


def test_query_strings_and_email_addresses_never_reach_the_log(client, home):
    with json_log_lines("hub.access") as lines:
        client.get("/search/", {"q": "parent@example.org"})
        client.get("/people/parent@example.org/")
    written = json.dumps(lines)
    assert "parent@example.org" not in written
    assert "?" not in written
    assert lines[0]["path"] == "/search/"
    assert lines[1]["path"] == "/people/:email/"


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/updates/unsubscribe/eyJlbWFpbCI6/", "/updates/unsubscribe/:token/"),
        ("/pl/updates/subscribe/confirm/abc.def-ghi/", "/pl/updates/subscribe/confirm/:token/"),
        ("/updates.unsubscribe/eyJhbGciOi/", "/updates.unsubscribe/:token/"),
        ("/local-offer/service/0b5c/", "/local-offer/service/0b5c/"),
    ],
)
def test_signed_tokens_in_addresses_are_replaced(path, logged):
    assert loggable_path(path) == logged


def test_a_huge_address_is_cut_short():
    assert len(loggable_path("/" + "a" * 10_000)) < 400


def test_staff_are_identified_by_id_and_the_public_never(admin_client, admin_user, client, home):
    with json_log_lines("hub.access") as lines:
        admin_client.get("/admin/")
        client.get(home.url)
    assert lines[0]["user_id"] == admin_user.pk
    assert "user_id" not in lines[1]


def test_log_format_is_json_or_line_and_nothing_else():
    assert logging_config("json", "INFO")["handlers"]["console"]["formatter"] == "json"
    assert logging_config("line", "INFO")["handlers"]["console"]["formatter"] == "line"
    with pytest.raises(ImproperlyConfigured):
        logging_config("xml", "INFO")


def test_the_line_format_shows_the_request_id():
    config = logging_config("line", "INFO")
    formatter = logging.Formatter(config["formatters"]["line"]["format"])
    record = logging.LogRecord("hub", logging.INFO, __file__, 1, "hello", (), None)
    record.request_id = "req-00000001"
    assert formatter.format(record).endswith("INFO hub [req-00000001] hello")
