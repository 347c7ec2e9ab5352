"""Search latency at the size of a county: 5,000 services, 600 schools in 53 Communities of
Schools and 300 pages. `make bench` (PostgreSQL when DATABASE_URL is set), never `make test`.

Times `search.query.site_search` for twenty queries a parent or SENCo would type (acronyms,
misspellings, place names, another language), the results page's query count at this size, and
the autocomplete's suggestions. Prints a table and writes it to docs/performance.md ("Search").
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import time
from pathlib import Path

import pytest
from county_data import build_communities_and_schools, build_information_pages, build_services
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from local_offer.factories import LocalOfferPageFactory
from local_offer.vocabularies import ensure_vocabularies
from schools.factories import SchoolFinderPageFactory

pytestmark = [pytest.mark.perf, pytest.mark.django_db]

SERVICES = 5_000
SCHOOLS = 600
COMMUNITIES = 53
PAGES = 300
REPEATS = 15
PAGE_REQUESTS = 10
DOCS = Path(__file__).resolve().parents[2] / "docs" / "performance.md"
START, END = "<!-- search-benchmark:start -->", "<!-- search-benchmark:end -->"

QUERIES = [
    "senco",
    "sendco",
    "ehcp",
    "ehc plan",
    "education health and care plan",
    "salt",
    "speech and language therapy",
    "asd",
    "autism support canterbury",
    "autsim",  # misspelt
    "dyslexia",
    "adhd",
    "short breaks",
    "portage",
    "school transport",
    "oakwood",
    "st johns primary",
    "ashford",
    "szkoła",  # Polish: "school"
    "zzzz nothing matches this",
]


def build_site(home) -> dict:
    """The pages, services, schools and communities; bulk inserts where the models allow."""
    ensure_vocabularies()
    directory = LocalOfferPageFactory(parent=home)
    finder = SchoolFinderPageFactory(parent=home)
    build_services(SERVICES, seed=7)
    build_communities_and_schools(COMMUNITIES, SCHOOLS)
    build_information_pages(home, PAGES)
    call_command("update_index", verbosity=0)
    if connection.vendor == "postgresql":
        # A live database's autovacuum keeps planner statistics; freshly bulk-loaded tables
        # have none, and the planner would guess (badly) that they are nearly empty.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {"directory": directory, "finder": finder}


def percentile(sorted_values: list[float], fraction: float) -> float:
    return sorted_values[max(0, int(round(len(sorted_values) * fraction)) - 1)]


def time_site_search(site_search, query: str) -> dict:
    site_search(query, language="en-gb")
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        outcome = site_search(query, language="en-gb")
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        site_search(query, language="en-gb")
    timings.sort()
    return {
        "p50": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "total": outcome.total,
        "queries": len(queries),
        "timings": timings,
    }


def time_get(client, url: str, requests: int = PAGE_REQUESTS) -> dict:
    client.get(url)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    return {
        "p50": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "queries": len(queries),
    }


def machine() -> str:
    memory = ""
    try:
        with open("/proc/meminfo") as meminfo:
            kib = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read()).group(1))
            memory = f", {kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, AttributeError):
        pass
    version = (
        connection.cursor().connection.info.server_version
        if connection.vendor == "postgresql"
        else ""
    )
    database = f"PostgreSQL {version // 10000}.{version % 10000}" if version else connection.vendor
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return (
        f"{os.cpu_count()} CPUs{memory}{load}, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, {database}"
    )


def write_docs(text: str) -> None:
    section = f"{START}\n{text}\n{END}"
    current = DOCS.read_text() if DOCS.exists() else "# Performance\n\nResults of `make bench`.\n"
    if START in current and END in current:
        current = re.sub(
            re.escape(START) + ".*?" + re.escape(END), lambda _m: section, current, flags=re.S
        )
    else:
        current = current.rstrip() + "\n\n## Search\n\n" + section + "\n"
    DOCS.write_text(current)


def test_search_latency_at_county_size(client, home, capsys):
    from search.query import site_search

    cache.clear()
    started = time.perf_counter()
    build_site(home)
    build_seconds = time.perf_counter() - started

    rows = [(query, time_site_search(site_search, query)) for query in QUERIES]
    everything = sorted(t for _query, r in rows for t in r["timings"])
    pages = {
        "results page, ?q=autism": time_get(client, "/search/?q=autism"),
        "results page, ?q=autism&page=3": time_get(client, "/search/?q=autism&page=3"),
        "results page, ?q=ehcp&type=service": time_get(client, "/search/?q=ehcp&type=service"),
        "results page, no results": time_get(client, "/search/?q=zzzz+nothing+matches"),
        "suggest, ?q=oak": time_get(client, "/search/suggest/?q=oak", 50),
        "suggest, ?q=autism": time_get(client, "/search/suggest/?q=autism", 50),
    }

    lines = [
        f"Measured {timezone.localdate():%-d %B %Y} by `tests/perf/test_search_perf.py` "
        f"(`make bench`) on {machine()}.",
        "",
        f"{SERVICES:,} services, {SCHOOLS} schools in {COMMUNITIES} Communities of Schools, "
        f"{PAGES} pages; data built and indexed in {build_seconds:.0f} s. "
        f"`site_search` called in-process {REPEATS} times per query after one warm-up; "
        "pages through Django's test client (no network).",
        "",
        "| query | results | p50 ms | p95 ms | queries |",
        "| --- | ---: | ---: | ---: | ---: |",
        *(
            f"| {q} | {r['total']} | {r['p50']:.1f} | {r['p95']:.1f} | {r['queries']} |"
            for q, r in rows
        ),
        f"| **all {len(QUERIES)} queries** | | **{statistics.median(everything):.1f}** | "
        f"**{percentile(everything, 0.95):.1f}** | |",
        "",
        "| page | p50 ms | p95 ms | queries |",
        "| --- | ---: | ---: | ---: |",
        *(
            f"| {name} | {r['p50']:.1f} | {r['p95']:.1f} | {r['queries']} |"
            for name, r in pages.items()
        ),
    ]
    text = "\n".join(lines)
    write_docs(text)
    with capsys.disabled():
        print(f"\n\nSearch at county size ({connection.vendor})\n{text}\n")

    # The results page's cost does not depend on the page of results or the type filter. (The
    # first page of a new search also records it in the tally: a savepoint and an UPDATE.)
    assert (
        pages["results page, ?q=autism&page=3"]["queries"]
        == pages["results page, ?q=ehcp&type=service"]["queries"]
    ), pages
    assert pages["suggest, ?q=oak"]["queries"] == pages["suggest, ?q=autism"]["queries"] == 2
