"""The addresses the load benchmark visits, worked out from its database, and what a request to
each costs on its own: queries and time (Django's test client with CaptureQueriesContext, in
this process: no network, nothing else queued).

Several addresses per endpoint where the real traffic would vary (filters, search words, which
service), so a run is not one cached row read again and again by PostgreSQL.
"""

from __future__ import annotations

import random
import re
import statistics
import time
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from step_form import step_fields
from wagtail.models import Locale

from consultations.models import ConsultationPage
from local_offer.models import LocalOfferPage, Service
from outcomes.models import AmbitionPage
from schools.models import SchoolFinderPage
from you_said_we_did.models import UpdateIndexPage

DIRECTORY_FILTERS = [
    "?area=communication&age=7&district=dover&free=on",
    "?district=ashford",
    "?area=social-emotional&age=14",
    "?area=cognition&district=canterbury&page=2",
    "?age=4",
]
SCHOOL_QUERIES = ["oakwood", "ashford", "st johns", "primary canterbury", "ct1", "riverside"]
SITE_QUERIES = ["autism", "senco", "ehcp", "short breaks", "school transport", "dyslexia"]
SERVICE_SAMPLE = 200
HOST = "127.0.0.1"


def discover() -> dict:
    """The JSON the locustfile reads from LOAD_TARGETS."""
    english = Locale.get_default()

    def live(model):
        return model.objects.live().filter(locale=english)

    directory = live(LocalOfferPage).first().url
    finder = live(SchoolFinderPage).first().url
    keys = list(
        Service.objects.filter(live=True, locale=english)
        .order_by("pk")
        .values_list("translation_key", flat=True)
    )
    sample = random.Random(9).sample(keys, min(SERVICE_SAMPLE, len(keys)))  # noqa: S311
    # The demo's own strategy consultation: its questionnaire is the one parents would meet.
    consultation = live(ConsultationPage).get(slug="draft-send-strategy")
    return {
        "directory": [directory + query for query in DIRECTORY_FILTERS],
        "services": [f"{directory}service/{key}/" for key in sample],
        "school_search": [f"{finder}?q={q.replace(' ', '+')}" for q in SCHOOL_QUERIES],
        "site_search": [f"/search/?q={q.replace(' ', '+')}" for q in SITE_QUERIES],
        "updates": live(UpdateIndexPage).first().url,
        "ambitions": [page.url for page in live(AmbitionPage).order_by("path")],
        "questionnaire": consultation.url + "answer/",
    }


@dataclass
class PageCost:
    """What one request to an endpoint costs on its own: its queries (the most any of its
    addresses needs) and the median time in this process, with nothing else queued."""

    queries: int
    alone_ms: float
    # This process's CPU time alone (the database's is not in it): what the page costs in
    # Python, which a busy machine slows down but does not inflate.
    cpu_ms: float


def measure_pages(targets: dict, repeats: int = 3) -> dict[str, PageCost]:
    """Each endpoint through the test client, every address fetched once beforehand so
    per-process caches (site root, content types) are warm."""
    pages = {
        "home": ["/"],
        "directory, filtered": targets["directory"],
        "service page": targets["services"][:5],
        "school search": targets["school_search"],
        "site search": targets["site_search"],
        "updates index": [targets["updates"]],
        "ambition dashboard": targets["ambitions"],
    }
    client = Client(HTTP_HOST=HOST)
    costs: dict[str, PageCost] = {}
    for name, urls in pages.items():
        queries, timings, cpu = 0, [], []
        for url in urls:
            client.get(url)
            for _ in range(repeats):
                started, started_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
                if response.status_code != 200:
                    raise RuntimeError(f"{url} answered {response.status_code}, not 200")
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            queries = max(queries, len(captured))
        costs[name] = PageCost(queries, statistics.median(timings), statistics.median(cpu))
    costs.update(_questionnaire_costs(client, targets["questionnaire"], repeats))
    return costs


def _questionnaire_costs(client: Client, start: str, repeats: int) -> dict[str, PageCost]:
    """Starting, then the first step's GET and POST, the way the locustfile sends them; the
    queries are counted on the last round."""
    timings: dict[str, list[float]] = {"start": [], "get": [], "post": []}
    cpu: dict[str, list[float]] = {"start": [], "get": [], "post": []}
    queries: dict[str, int] = {}
    for _ in range(repeats + 1):
        client.cookies.clear()
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(start)
            timings["start"].append((time.perf_counter() - started) * 1000)
            cpu["start"].append((time.process_time() - started_cpu) * 1000)
        queries["start"] = len(captured)
        if response.status_code != 302:
            raise RuntimeError(f"{start} answered {response.status_code}, not a redirect")
        step_url = response["Location"]
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            step = client.get(step_url)
            timings["get"].append((time.perf_counter() - started) * 1000)
            cpu["get"].append((time.process_time() - started_cpu) * 1000)
        queries["get"] = len(captured)
        fields = step_fields(step.content.decode())
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            posted = client.post(step_url, fields)
            timings["post"].append((time.perf_counter() - started) * 1000)
            cpu["post"].append((time.process_time() - started_cpu) * 1000)
        queries["post"] = len(captured)
        if posted.status_code != 302:
            errors = re.findall(r'govuk-error-message">(.*?)<', posted.content.decode(), re.S)
            raise RuntimeError(f"the questionnaire step was not accepted: {errors or posted}")
    names = {
        "start": "questionnaire start",
        "get": "questionnaire step, GET",
        "post": "questionnaire step, POST",
    }
    # The first round warmed the caches up: it is not timed.
    return {
        names[key]: PageCost(
            queries[key], statistics.median(timings[key][1:]), statistics.median(cpu[key][1:])
        )
        for key in names
    }
