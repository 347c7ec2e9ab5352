"""The branded error pages in the situations that produce them: a wrong address in English and in
a right-to-left language, and a failure while the database is out of reach."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

pytestmark = pytest.mark.django_db


def test_not_found_in_english(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "en-gb"
    assert html.html["dir"] == "ltr"
    assert html.h1.get_text() == "Page not found"
    assert html.select_one("a.govuk-skip-link")


def test_not_found_in_urdu_reads_right_to_left(client, home):
    response = client.get("/ur/no-such-page/")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "ur"
    assert html.html["dir"] == "rtl"
    assert html.h1.get_text() == "صفحہ نہیں ملا"
    assert html.select_one("header.govuk-generic-header")


def test_a_failure_with_the_database_out_of_reach_still_gets_the_branded_page(
    home, django_db_blocker
):
    """Any database use while the error page is made would raise again; it must need none."""
    client = Client(raise_request_exception=False)
    with django_db_blocker.block():
        # Blocked database access raises a plain error (not a database error, which has its
        # own 503 page): the general 500 page.
        response = client.get("/")
    assert response.status_code == 500
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text() == "Sorry, there is a problem with the service"
    assert html.select_one("a.govuk-skip-link")
    assert response["X-Request-ID"]  # so a report from a visitor can be matched to the log
