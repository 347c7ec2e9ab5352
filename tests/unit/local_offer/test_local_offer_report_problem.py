"""'Report a problem with this page': stored for staff, error summary for bad input, honeypot."""

import pytest
from bs4 import BeautifulSoup

from local_offer.factories import ServiceFactory
from local_offer.models import ProblemReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_url(directory):
    service = ServiceFactory(name="Talking Walk-ins")
    return f"{directory.url}service/{service.translation_key}/report-a-problem/"


def test_a_valid_report_is_stored_and_thanked(client, report_url):
    response = client.post(
        report_url, {"kind": "out_of_date", "details": "The phone number has changed.", "email": ""}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/report-a-problem/sent/")
    report = ProblemReport.objects.get()
    assert report.service_name == "Talking Walk-ins"
    assert report.kind == "out_of_date"
    thanks = client.get(response["Location"])
    assert "Thank you for your report" in thanks.content.decode()


@pytest.mark.parametrize(
    ("data", "messages"),
    [
        ({}, ["Select what the problem is", "Tell us what is wrong"]),
        ({"kind": "nonsense", "details": "x"}, ["Select what the problem is"]),
        ({"kind": "closed", "details": "x" * 2000}, ["1,200 characters or fewer"]),
        ({"kind": "closed", "details": "Shut", "email": "not an email"}, ["correct format"]),
        (
            {"kind": "closed\x00", "details": "a\x00b"},
            ["Select what the problem is", "There is a hidden character in your answer"],
        ),
    ],
)
def test_bad_input_gets_an_error_summary(client, report_url, data, messages):
    response = client.post(report_url, data)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    summary = html.select_one(".govuk-error-summary").get_text()
    for message in messages:
        assert message in summary
    assert html.title.get_text().startswith("Error:")
    assert not ProblemReport.objects.exists()


def test_the_honeypot_throws_bot_reports_away(client, report_url):
    response = client.post(
        report_url, {"kind": "other", "details": "Buy now", "website": "http://spam.example"}
    )
    assert response.status_code == 302
    assert not ProblemReport.objects.exists()


def test_the_form_page_renders_and_other_methods_are_refused(client, report_url):
    html = BeautifulSoup(client.get(report_url).content, "html.parser")
    assert html.select("input[name=kind]")
    assert html.select_one(".hub-honeypot input")["tabindex"] == "-1"
    assert client.put(report_url).status_code == 405


def test_unknown_service_is_not_found(client, directory):
    url = f"{directory.url}service/00000000-0000-0000-0000-000000000000/report-a-problem/"
    assert client.post(url, {"kind": "other", "details": "x"}).status_code == 404
