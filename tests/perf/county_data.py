"""Data at the size of a county, shared by the benchmarks: services, Communities of Schools,
schools and information pages, made with bulk inserts where the models allow.

Used by the search benchmark (test_search_perf.py, into the test database) and by the load
benchmark (load/dataset.py, on top of the demo site in its own database).
"""

from __future__ import annotations

import random

from home.factories import IndexPageFactory, InformationPageFactory, paragraph_body
from hub.demo_data import KENT_DISTRICTS
from local_offer.management.commands.generate_services import generate_services
from local_offer.models import Service
from schools.models import CommunityOfSchools, School

TOPICS = [
    ("Autism", "autism spectrum condition ASD ASC social communication"),
    ("Speech and language therapy", "speech language communication SALT SLT"),
    ("Dyslexia", "reading writing specific learning difficulty"),
    ("ADHD", "attention deficit hyperactivity disorder"),
    ("Short breaks", "short breaks holiday activities respite"),
    ("Portage", "home visiting early years under fives"),
    ("Parent carer forum", "parents carers support groups"),
    ("Sensory", "sensory processing hearing vision impairment"),
    ("Emotional wellbeing", "social emotional mental health SEMH anxiety"),
    ("Physical disability", "wheelchair mobility physiotherapy occupational therapy"),
    ("SENCo network", "special educational needs coordinator SENCO schools"),
    ("EHC needs assessment", "education health and care plan EHCP annual review"),
    ("Travel training", "school transport independent travel"),
    ("Preparing for adulthood", "post 16 college employment independence"),
]
KINDS = ["support group", "outreach", "drop-in", "advice line", "holiday club", "training"]
SCHOOL_NAMES = [
    "St John's Church of England",
    "Oakwood",
    "Holy Trinity",
    "Riverside",
    "Hillview",
    "St Mary's Catholic",
    "Greenfields",
    "Westgate",
    "Kingsmead",
    "Chartham",
    "Beechwood",
    "Marlowe",
]
SCHOOL_KINDS = ["Primary School", "Infant School", "Junior School", "Academy", "High School"]


def build_services(count: int, seed: int = 7) -> None:
    """`count` published services with names and descriptions a search can tell apart (the
    generator's own are all alike)."""
    rng = random.Random(seed)  # noqa: S311 - repeatable benchmark data
    generate_services(count, seed=seed)
    services = list(Service.objects.filter(name__startswith="Generated service").only("pk"))
    for number, service in enumerate(services):
        topic, words = TOPICS[number % len(TOPICS)]
        district = KENT_DISTRICTS[number % len(KENT_DISTRICTS)]
        service.name = f"{topic} {rng.choice(KINDS)} {district} {number}"
        service.description = f"{topic} support in {district}: {words}. For families with SEND."
    Service.objects.bulk_update(services, ["name", "description"], batch_size=500)


def build_communities_and_schools(communities: int, schools: int, first_urn: int = 100_000):
    """`communities` Communities of Schools and `schools` schools spread across them; every
    tenth school closed, as in a real GIAS extract. URNs start at `first_urn`."""
    made = CommunityOfSchools.objects.bulk_create(
        CommunityOfSchools(
            name=f"{KENT_DISTRICTS[n % len(KENT_DISTRICTS)]} Community {n + 1}",
            slug=f"community-{n + 1}",
            primary_care_network=f"{KENT_DISTRICTS[n % len(KENT_DISTRICTS)]} PCN {n + 1}",
            area=KENT_DISTRICTS[n % len(KENT_DISTRICTS)],
            description="Local schools working together with health and care services.",
        )
        for n in range(communities)
    )
    rows = []
    for n in range(schools):
        town = KENT_DISTRICTS[n % len(KENT_DISTRICTS)]
        school = School(
            urn=first_urn + n,
            name=f"{SCHOOL_NAMES[n % len(SCHOOL_NAMES)]} {SCHOOL_KINDS[n % 5]} {n}",
            la_code="886",
            la_name="Kent",
            phase="Primary" if n % 5 < 3 else "Secondary",
            gias_status="Closed" if n % 10 == 9 else "Open",
            closed=n % 10 == 9,
            town=town,
            postcode=f"CT{n % 20} {n % 9}AB",
            district=town,
            community=made[n % len(made)] if made else None,
        )
        school.search_text = school.build_search_text()
        rows.append(school)
    School.objects.bulk_create(rows, batch_size=500)


def build_information_pages(parent, count: int, sections: int = 6) -> None:
    """`count` pages in all: `sections` index pages under `parent` and information pages
    spread across them."""
    made = [
        IndexPageFactory(parent=parent, title=f"{topic} information")
        for topic, _words in TOPICS[:sections]
    ]
    for n in range(count - len(made)):
        topic, words = TOPICS[n % len(TOPICS)]
        InformationPageFactory(
            parent=made[n % len(made)],
            title=f"{topic}: guide {n + 1}",
            slug=f"guide-{n + 1}",
            body=paragraph_body(f"{topic}. {words}. What families in Kent can expect."),
        )
