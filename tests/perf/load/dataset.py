"""The load benchmark's data: the demo site, topped up to the size issue 9 names.

Run inside a Django process already pointed at the benchmark's own database (see
run_load_benchmark.py). The demo content comes first, so every page type exists with its real
content; then services, Communities of Schools, schools, consultations, answers and pages are
added until the totals reach the scale asked for. Bulk inserts wherever the models allow.
"""

from __future__ import annotations

import json
import logging
import math
import random
import time
from collections.abc import Callable

from county_data import build_communities_and_schools, build_information_pages, build_services
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale, Page, Site

from consultations.demo import _consultation, _generate_responses, strategy_questionnaire
from consultations.models import Answer, ConsultationPage
from home.models import IndexPage
from local_offer.models import Service
from local_offer.vocabularies import ensure_vocabularies
from outcomes.models import Ambition, Outcome
from schools.models import CommunityOfSchools, School

# Issue 9's county: the totals the benchmark's database holds (demo content included).
FULL = {
    "services": 5_000,
    "schools": 600,
    "communities": 53,
    "pages": 300,
    "consultations": 50,
    "answers": 100_000,
}
# For checking the harness itself in a couple of minutes.
SMALL = {
    "services": 300,
    "schools": 60,
    "communities": 20,
    "pages": 60,
    "consultations": 5,
    "answers": 5_000,
}
SCALES = {"full": FULL, "small": SMALL}
# Schools added here get URNs from this number up, far from the demo's real-looking ones.
FIRST_GENERATED_URN = 900_000
SEED = 9


def stamp(scale: dict[str, int]) -> str:
    """What the database is labelled with once built, so the next run can reuse it."""
    return "sendhub load benchmark " + json.dumps(scale, sort_keys=True)


def read_stamp() -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
            "WHERE datname = current_database()"
        )
        return cursor.fetchone()[0] or ""


def write_stamp(scale: dict[str, int], note: str = "") -> None:
    """Labels the database as built at `scale`; `note` (how long it took) follows the label."""
    name = connection.settings_dict["NAME"]
    with connection.cursor() as cursor:
        cursor.execute(f'COMMENT ON DATABASE "{name}" IS %s', [f"{stamp(scale)} {note}".strip()])


def counts() -> dict[str, int]:
    """The totals the scale speaks of, as the database holds them now."""
    default = Locale.get_default()
    return {
        "services": Service.objects.count(),
        "schools": School.objects.count(),
        "communities": CommunityOfSchools.objects.count(),
        "pages": Page.objects.filter(depth__gt=1, locale=default).count(),
        "consultations": ConsultationPage.objects.filter(locale=default).count(),
        "answers": Answer.objects.count(),
    }


def build(scale: dict[str, int], say: Callable[[str], None] = print) -> dict[str, float]:
    """Loads the demo and tops it up to `scale`; returns the seconds each part took."""
    seconds: dict[str, float] = {}

    def timed(name: str, work: Callable[[], object]) -> None:
        started = time.perf_counter()
        work()
        seconds[name] = time.perf_counter() - started
        say(f"  {name}: {seconds[name]:.0f} s")

    # Wagtail logs every page created and published: thousands of lines here.
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    timed("demo content", lambda: call_command("load_demo_content", verbosity=0))
    have = counts()
    ensure_vocabularies()
    timed(
        "services",
        lambda: build_services(max(0, scale["services"] - have["services"]), seed=SEED),
    )
    timed(
        "schools",
        lambda: build_communities_and_schools(
            max(0, scale["communities"] - have["communities"]),
            max(0, scale["schools"] - have["schools"]),
            first_urn=FIRST_GENERATED_URN,
        ),
    )
    timed("consultations and answers", lambda: _consultations_and_answers(scale))
    # Counted after the consultations, which are pages too.
    missing_pages = scale["pages"] - counts()["pages"]
    if missing_pages > 0:
        home = Site.objects.get(is_default_site=True).root_page
        timed("pages", lambda: build_information_pages(home, missing_pages))
    timed("search index", lambda: call_command("update_index", verbosity=0))
    # Freshly bulk-loaded tables have no planner statistics; autovacuum would gather them on a
    # live database soon enough.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return seconds


def _consultations_and_answers(scale: dict[str, int]) -> None:
    """Consultations using the demo strategy's questionnaire (each question tagged to an
    ambition, so the ambition dashboards count their answers) and generated responses until
    the answers reach the scale's total."""
    rng = random.Random(SEED)  # noqa: S311 - repeatable benchmark data
    default = Locale.get_default()
    ambitions = list(Ambition.objects.filter(locale=default).order_by("number"))
    outcomes = {o.title: o for o in Outcome.objects.filter(locale=default)}
    index = IndexPage.objects.get(slug="have-your-say", locale=default)
    new_pages = []
    for number in range(scale["consultations"] - counts()["consultations"]):
        page, _created = _consultation(
            index,
            f"benchmark-consultation-{number + 1}",
            # Opened between a month and a year ago, so the dashboards' charts have a spread.
            30 + (number * 37) % 330,
            title=f"Benchmark consultation {number + 1}: SEND services in your area",
            summary="A consultation made for the load benchmark.",
            questionnaire=strategy_questionnaire(ambitions, outcomes),
        )
        if _created:
            page.ambitions.set(ambitions)
            page.save_revision().publish()
        new_pages.append(page)
    if not new_pages:
        return
    # The questionnaire gives about ten answers per response; measure it on the first page
    # and size the rest from what is still missing.
    for position, page in enumerate(new_pages):
        missing = scale["answers"] - Answer.objects.count()
        if missing <= 0:
            break
        if position == 0:
            responses = max(1, missing // 10 // len(new_pages))
        else:
            per_response = Answer.objects.filter(response__consultation=new_pages[0]).count() / (
                new_pages[0].responses.count() or 1
            )
            left = len(new_pages) - position
            responses = max(1, math.ceil(missing / per_response / left))
        _generate_responses(page, responses, rng)
