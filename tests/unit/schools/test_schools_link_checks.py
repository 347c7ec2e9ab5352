"""Report-link checks against a local test server (never the internet): results, history,
politeness per host, the command, the background task, and the staff dashboard and CSV."""

import csv
import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.urls import reverse

from hub.spreadsheets import safe_cell
from schools.factories import CommunityOfSchoolsFactory, SchoolFactory
from schools.link_checks import USER_AGENT, check_schools
from schools.models import LinkCheck, LinkStatus, School

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    seen: list = []  # (path, user agent, start, end) per request

    def do_GET(self):
        started = time.monotonic()
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path.startswith("/polite/"):
            time.sleep(0.1)
        if self.path == "/redirect":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
        elif self.path in {"/ok", "/slow"} or self.path.startswith("/polite/"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<p>Report</p>")
        else:
            self.send_response(404)
            self.end_headers()
        Handler.seen.append((self.path, self.headers.get("User-Agent"), started, time.monotonic()))

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Handler.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_each_kind_of_result_is_recorded_with_history(server):
    schools = {
        name: SchoolFactory(name=name, report_url=f"{server}/{path}" if path else "")
        for name, path in [
            ("ok", "ok"),
            ("gone", "missing"),
            ("moved", "redirect"),
            ("slow", "slow"),
            ("none", ""),
        ]
    }
    counts = check_schools(School.objects.all(), delay=0, timeout=0.5)
    assert counts == {"working": 2, "broken": 1, "timed_out": 1, "missing": 1}

    def latest(name):
        school = School.objects.get(pk=schools[name].pk)
        return school, school.link_checks.get()

    school, check = latest("ok")
    assert (school.last_check_status, school.last_check_status_code) == ("working", 200)
    assert school.last_checked_at is not None
    school, check = latest("gone")
    assert (school.last_check_status, check.status_code) == ("broken", 404)
    school, check = latest("moved")
    assert school.last_check_status == "working"
    assert check.final_url == f"{server}/ok"
    school, check = latest("slow")
    assert school.last_check_status == "timed_out"
    assert "0.5 seconds" in check.error
    assert latest("none")[0].last_check_status == "missing"
    assert all(agent == USER_AGENT for _path, agent, _s, _e in Handler.seen)

    check_schools(School.objects.filter(pk=schools["ok"].pk), delay=0)
    assert LinkCheck.objects.filter(school=schools["ok"]).count() == 2, "history is kept"


def test_one_request_at_a_time_per_host_with_a_pause(server):
    for number in range(4):
        SchoolFactory(report_url=f"{server}/polite/{number}")
    check_schools(School.objects.all(), workers=4, delay=0.2, timeout=5)
    requests_seen = sorted((start, end) for path, _a, start, end in Handler.seen)
    assert len(requests_seen) == 4
    for (_start, end), (next_start, _end) in zip(requests_seen, requests_seen[1:], strict=False):
        assert next_start >= end + 0.15, "requests to one host overlapped or came too quickly"


def test_the_command_checks_open_schools_only(server):
    SchoolFactory(report_url=f"{server}/ok")
    closed = SchoolFactory(report_url=f"{server}/ok", closed=True)
    out = io.StringIO()
    call_command("check_report_links", "--delay", "0", stdout=out)
    assert "working 1" in out.getvalue()
    assert not LinkCheck.objects.filter(school=closed).exists()


def test_the_background_task_runs_the_check(server):
    school = SchoolFactory(report_url=f"{server}/missing")
    out = io.StringIO()
    call_command("check_report_links", "--enqueue", stdout=out)  # ImmediateBackend in tests
    assert "Queued" in out.getvalue()
    school.refresh_from_db()
    assert school.last_check_status == "broken"


@pytest.mark.parametrize(
    "value, expected",
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Oakwood", "Oakwood"),
        (None, ""),
        (123, "123"),
    ],
)
def test_csv_cells_cannot_become_formulas(value, expected):
    assert safe_cell(value) == expected


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(user)
    return user


def test_dashboard_counts_by_community_and_district(client, staff):
    community = CommunityOfSchoolsFactory(name="Ashford North")
    SchoolFactory(
        community=community,
        district="Ashford",
        report_url="https://a.example.org/",
        last_check_status=LinkStatus.WORKING,
    )
    SchoolFactory(
        community=community,
        district="Ashford",
        report_url="https://b.example.org/",
        last_check_status=LinkStatus.BROKEN,
        last_check_status_code=404,
    )
    SchoolFactory(community=None, district="Dover")
    response = client.get(reverse("schools_link_health"))
    assert response.status_code == 200
    by_community = {row["group"]: row for row in response.context["by_community"]}
    assert by_community["Ashford North"]["working"] == 1
    assert by_community["Ashford North"]["broken"] == 1
    assert by_community[None]["no_link"] == 1
    by_district = {row["group"]: row for row in response.context["by_district"]}
    assert by_district["Ashford"]["total"] == 2
    assert "Report link health" in response.content.decode()


def test_dashboard_csv_export_is_neutralised(client, staff):
    SchoolFactory(
        name="=cmd|' /C calc'!A0", report_url="https://a.example.org/", district="Ashford"
    )
    response = client.get(reverse("schools_link_health") + "?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["URN", "School"]
    assert rows[1][1] == "'=cmd|' /C calc'!A0"
    assert rows[1][5] == "Not checked yet"


def test_dashboard_button_queues_a_check(client, staff):
    SchoolFactory(report_url="")
    response = client.post(reverse("schools_link_health"))
    assert response.status_code == 302
    assert School.objects.get().last_check_status == "missing"


def test_dashboard_needs_permission(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("schools_link_health")).status_code in {302, 403}
