"""Server-side latency of every page type on the demo site: `make bench`, never `make test`.

Renders each page type through Django's test client (no network, no static files) and reports
the median, 95th percentile and worst time, with the queries each page makes. Load testing over
HTTP with many users is issue 9's benchmark; this one tracks the cost of rendering itself.
"""

import statistics
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.models import EasyReadPage, HomePage, IndexPage, InformationPage
from outcomes.models import AmbitionPage

pytestmark = [pytest.mark.perf, pytest.mark.django_db]

REQUESTS = 200
PAGE_TYPES = [HomePage, InformationPage, IndexPage, EasyReadPage, AmbitionPage]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


def _measure(client, url):
    client.get(url, HTTP_HOST="localhost")
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST="localhost")
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_HOST="localhost")
    timings.sort()
    return {
        "p50": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "max": timings[-1],
        "queries": len(queries),
    }


def test_page_type_render_latency(client, demo, capsys):
    english = Locale.get_default()
    rows = []
    for model in PAGE_TYPES:
        for language, prefix in (("en-gb", ""), ("ur", "/ur")):
            page = model.objects.live().filter(locale=english).first()
            url = prefix + page.url if prefix else page.url
            result = _measure(client, url)
            rows.append((model.__name__, language, url, result))
    with capsys.disabled():
        print(f"\n\nRender latency over {REQUESTS} requests per page (ms), {connection.vendor}")
        print(f"{'page type':<16}{'lang':<7}{'p50':>8}{'p95':>8}{'max':>8}{'queries':>9}")
        for name, language, _url, r in rows:
            print(
                f"{name:<16}{language:<7}{r['p50']:>8.1f}{r['p95']:>8.1f}{r['max']:>8.1f}"
                f"{r['queries']:>9}"
            )
