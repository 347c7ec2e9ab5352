"""Latency of the Local Offer directory and the ORUK API list with 5,000 services: `make bench`.

Also checks that the query counts at that size are the ones pinned by the unit tests (taken
with a handful of services), so the pages do not slow down as the directory grows.
"""

import statistics
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from local_offer.factories import LocalOfferPageFactory
from local_offer.vocabularies import ensure_vocabularies

pytestmark = [pytest.mark.perf, pytest.mark.django_db]

SERVICES = 5_000
REQUESTS = 30
# The pinned counts from tests/unit/local_offer/test_directory.py and test_api.py.
DIRECTORY_QUERIES = 28
API_LIST_QUERIES = 3


def _measure(client, url):
    client.get(url)
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    return {
        "p50": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "max": timings[-1],
        "queries": len(queries),
    }


def test_local_offer_latency_with_5000_services(client, home, capsys):
    ensure_vocabularies()
    directory = LocalOfferPageFactory(parent=home)
    call_command("generate_services", str(SERVICES), verbosity=0)
    urls = {
        "directory": directory.url,
        "directory, 4 filters": directory.url + "?area=communication&age=7&district=dover&free=on",
        "directory, keyword": directory.url + "?q=generated+support",
        "directory, page 100": directory.url + "?page=100",
        "API /services": "/api/openreferral/services?per_page=50",
        "API /services filtered": "/api/openreferral/services?minimum_age=5&maximum_age=9&page=10",
    }
    rows = [(name, _measure(client, url)) for name, url in urls.items()]
    with capsys.disabled():
        print(
            f"\n\nLocal Offer with {SERVICES} services, {REQUESTS} requests each (ms), {connection.vendor}"
        )
        print(f"{'endpoint':<26}{'p50':>8}{'p95':>8}{'max':>8}{'queries':>9}")
        for name, r in rows:
            print(f"{name:<26}{r['p50']:>8.1f}{r['p95']:>8.1f}{r['max']:>8.1f}{r['queries']:>9}")
    results = dict(rows)
    assert results["directory, 4 filters"]["queries"] == DIRECTORY_QUERIES
    assert results["API /services"]["queries"] == API_LIST_QUERIES
