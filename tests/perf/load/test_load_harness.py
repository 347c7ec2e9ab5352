"""The load benchmark's own parts that can go wrong quietly: reading locust's and wrk's output,
the form a questionnaire step posts, and rewriting docs/performance.md.

Plain unit tests (no perf marker, no database): they run with the unit layer, while the
benchmark itself only runs from `make bench`.
"""

import math
from collections import namedtuple

import pytest
from report import (
    END,
    START,
    EndpointStats,
    locust_table,
    pages_over_target,
    read_locust_stats,
    read_wrk_summary,
    write_docs,
)
from step_form import FREE_TEXT, step_fields

# Stands in for targets.PageCost, which needs Django.
Cost = namedtuple("Cost", "queries alone_ms cpu_ms")

LOCUST_CSV = """\
Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%
GET,"directory, filtered",120,0,41,45.2,30.1,210.5,44362.8,2.0,0.0,41,44,47,50,60,88,120,150,210,210,210
POST,"questionnaire step, POST",60,2,35,36.0,20.0,90.0,0.0,1.0,0.03,35,36,38,40,50,70,80,90,90,90,90
GET,site search,0,3,0,0,0,0,0,0.0,0.05,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A
,Aggregated,180,5,39,42.0,20.0,210.5,29000.0,3.0,0.08,39,42,45,48,58,86,110,140,210,210,210
"""


def test_locust_rows_are_read_with_the_aggregate_last(tmp_path):
    path = tmp_path / "run_stats.csv"
    path.write_text(LOCUST_CSV)
    rows = read_locust_stats(path)
    assert [row.name for row in rows] == [
        "directory, filtered",
        "questionnaire step, POST",
        "site search",
        "all",
    ]
    directory = rows[0]
    assert (directory.requests, directory.failures, directory.rps) == (120, 0, 2.0)
    assert (directory.p50, directory.p95, directory.p99) == (41, 88, 150)
    assert rows[1].failures == 2
    # An endpoint whose every request failed has no times, and must not pass the target.
    assert math.isnan(rows[2].p95)
    assert pages_over_target(rows) == ["site search"]


def test_the_target_is_marked_only_on_pages_that_miss_it():
    rows = [
        EndpointStats("home", 10, 0, 1.0, 20, 149, 160),
        EndpointStats("service page", 10, 0, 1.0, 90, 150, 200),
        EndpointStats("all", 20, 0, 2.0, 50, 150, 200),
    ]
    assert pages_over_target(rows) == ["service page"]
    costs = {"home": Cost(12, 8.4, 6.1), "service page": Cost(20, 31.6, 20.2)}
    table = locust_table(rows, costs)
    assert "| home | 10 | 0 | 1.0 | 20 | 149 | 160 | 12 | 8 | 6 |" in table
    assert "| service page | 10 | 0 | 1.0 | 90 | 150 ⚠ | 200 | 20 | 32 | 20 |" in table
    assert table[-1].startswith("| **all** |") and "⚠" not in table[-1]


def test_wrk_summary_line_is_found_after_wrks_own_report():
    output = (
        "Running 20s test @ http://127.0.0.1:8000/\n  2 threads and 10 connections\n"
        "Requests/sec:    812.40\n"
        '{"requests": 16250, "seconds": 20.002, "errors": 0, "non2xx": 3, '
        '"p50": 11.20, "p95": 19.80, "p99": 31.00}\n'
    )
    result = read_wrk_summary(output)
    assert result.requests == 16250 and result.non2xx == 3
    assert result.rps == pytest.approx(812.42, abs=0.01)
    assert (result.p50, result.p95, result.p99) == (11.2, 19.8, 31.0)
    with pytest.raises(ValueError):
        read_wrk_summary("Requests/sec: 812.40\n")


STEP_HTML = """
<form method="get" action="/search/"><input name="q" value="search me"></form>
<form method="post" novalidate>
  <input type="hidden" name="csrfmiddlewaretoken" value="tok123">
  <input type="hidden" name="consultation_abc-current_step" value="step-1">
  <input type="text" name="website" value="" class="honeypot">
  <input type="radio" name="step-1-who" value="parent-carer">
  <input type="radio" name="step-1-who" value="young-person">
  <select name="step-1-district"><option value="">Choose</option>
    <option value="ashford">Ashford</option><option value="dover">Dover</option></select>
  <input type="checkbox" name="step-1-involve" value="online">
  <textarea name="step-1-change"></textarea>
  <button type="submit" name="save_and_return" value="1">Save and come back later</button>
  <input type="submit" name="continue" value="Continue">
</form>
"""


def test_a_step_posts_what_a_browser_would():
    assert step_fields(STEP_HTML) == {
        "csrfmiddlewaretoken": "tok123",
        "consultation_abc-current_step": "step-1",
        "website": "",
        "step-1-who": "parent-carer",
        "step-1-district": "ashford",
        "step-1-change": FREE_TEXT,
    }


def test_docs_section_is_replaced_between_its_markers_and_the_rest_kept(tmp_path):
    docs = tmp_path / "performance.md"
    docs.write_text("# Performance\n\n## Search\n\nsearch table\n")
    write_docs("first run", docs)
    write_docs("second run", docs)
    text = docs.read_text()
    assert text.count(START) == text.count(END) == 1
    assert "second run" in text and "first run" not in text
    assert text.startswith("# Performance\n\n## Search\n\nsearch table\n")
    assert text.index("## Load") < text.index(START)
