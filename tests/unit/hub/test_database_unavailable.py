"""The database going away gives a plain-words 503 page, never a bare 500 or a traceback.

The outage is made with `connection.execute_wrapper`: every query (or only the session's) fails
with the OperationalError psycopg raises when PostgreSQL cannot be reached, so the whole stack is
exercised, session loading included. tests/live/test_database_outage.py does it for real, with
the connections to PostgreSQL cut under a running gunicorn.
"""

import logging

import pytest
from bs4 import BeautifulSoup
from django.db import InterfaceError, OperationalError, connection
from django.test import Client, RequestFactory
from django.utils import translation

from consultations.factories import ConsultationPageFactory
from consultations.models import Response
from hub.database_unavailable import (
    RETRY_AFTER_SECONDS,
    DatabaseUnavailableMiddleware,
    database_unavailable_response,
)

pytestmark = pytest.mark.django_db

HEADING = "Sorry, there is a problem with the service"


def database_down(execute, sql, params, many, context):
    raise OperationalError("connection failed: Connection refused (simulated)")


def session_table_down(execute, sql, params, many, context):
    if "django_session" in sql:
        raise OperationalError("server closed the connection unexpectedly (simulated)")
    return execute(sql, params, many, context)


def session_update_fails(execute, sql, params, many, context):
    if sql.startswith("UPDATE") and "django_session" in sql:
        raise OperationalError("server closed the connection unexpectedly (simulated)")
    return execute(sql, params, many, context)


def assert_is_the_outage_page(response):
    assert response.status_code == 503
    assert int(response["Retry-After"]) == RETRY_AFTER_SECONDS
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    html = BeautifulSoup(body, "html.parser")
    assert html.h1.get_text(strip=True) == HEADING
    assert html.select_one("header.govuk-generic-header")
    assert html.select_one('link[rel="stylesheet"][href$="css/main.css"]')
    assert "The answers you gave on earlier pages are kept." in body
    assert "Traceback" not in body and "OperationalError" not in body


@pytest.fixture
def consultation(home):
    return ConsultationPageFactory(parent=home, title="Have your say", slug="have-your-say")


def start_questionnaire(client, consultation):
    """Starts the questionnaire in `client`'s session: the first step's address and a valid
    answer to post to it."""
    from consultations.wizard import wizard_prefix

    assert client.get(f"{consultation.url}answer/").status_code == 302
    payload = {
        f"{wizard_prefix(consultation)}-current_step": "step-1",
        "step-1-who": "parent-carer",
        "step-1-school": "no",
    }
    return f"{consultation.url}answer/step-1/", payload


def test_a_page_asked_for_while_the_database_is_down_gets_the_503_page(home, caplog):
    url = home.url
    with (
        caplog.at_level(logging.ERROR, logger="hub.database_unavailable"),
        connection.execute_wrapper(database_down),
    ):
        response = Client().get(url)

    assert_is_the_outage_page(response)
    logged = [r for r in caplog.records if r.name == "hub.database_unavailable"]
    assert len(logged) == 1
    assert "GET /" in logged[0].getMessage()
    assert isinstance(logged[0].exc_info[1], OperationalError)


def test_a_questionnaire_step_sent_while_the_database_is_down_is_not_lost_later(consultation):
    client = Client()
    step_1, payload = start_questionnaire(client, consultation)
    with connection.execute_wrapper(database_down):
        failed = client.post(step_1, payload)
    assert_is_the_outage_page(failed)

    # Back again: the same post goes through, and the journey carries on from there.
    sent_again = client.post(step_1, payload)
    assert sent_again.status_code == 302
    assert sent_again["Location"] == f"{consultation.url}answer/step-2/"


def test_a_new_session_failing_to_save_after_the_view_gets_the_503_page(consultation):
    # Django turns an error in another middleware into the 500 handler, not process_exception;
    # hub.views.server_error must recognise it too.
    client = Client(raise_request_exception=False)
    start = f"{consultation.url}answer/"
    with connection.execute_wrapper(session_table_down):
        response = client.get(start)
    assert_is_the_outage_page(response)
    assert Response.objects.count() == 0


def test_an_existing_session_failing_to_save_gets_the_503_page_not_a_400(consultation):
    # Django reports this as SessionInterrupted ("the session was deleted"), a 400, raised from
    # the database error: hub.views.bad_request follows the chain.
    client = Client(raise_request_exception=False)
    step_1, payload = start_questionnaire(client, consultation)
    with connection.execute_wrapper(session_update_fails):
        failed = client.post(step_1, payload)
    assert_is_the_outage_page(failed)
    assert client.post(step_1, payload)["Location"] == f"{consultation.url}answer/step-2/"


def test_a_bad_request_for_other_reasons_is_still_a_400():
    from django.core.exceptions import SuspiciousOperation

    from hub.views import bad_request

    response = bad_request(RequestFactory().get("/"), SuspiciousOperation("odd"))
    assert response.status_code == 400


def test_other_errors_are_left_to_the_500_page():
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get("/")
    assert middleware.process_exception(request, ValueError("not the database")) is None
    assert middleware.process_exception(request, OperationalError("gone")).status_code == 503
    assert middleware.process_exception(request, InterfaceError("closed")).status_code == 503
    try:
        try:
            raise OperationalError("gone")
        except OperationalError as error:
            raise RuntimeError("could not save") from error
    except RuntimeError as raised:
        assert middleware.process_exception(request, raised).status_code == 503


def test_the_page_needs_no_database_and_follows_the_language(django_assert_num_queries):
    with django_assert_num_queries(0), translation.override("ar"):
        response = database_unavailable_response()
    html = BeautifulSoup(response.content, "html.parser").html
    assert html["lang"] == "ar"
    assert html["dir"] == "rtl"
