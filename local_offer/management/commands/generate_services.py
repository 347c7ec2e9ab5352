"""``manage.py generate_services N``: add N published services with random (but realistic in
shape) details, for benchmarks and load tests. Bulk inserts, so 5,000 take seconds; the
services get no revisions and are not in the search index."""

import random
import uuid

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from hub.page_cache import content_changed
from local_offer.factories import random_service_values
from local_offer.models import Organisation, Service, Taxonomy, TaxonomyTerm
from local_offer.vocabularies import ensure_vocabularies

RELATIONS = ("need_types", "districts", "delivery_modes", "categories")


def generate_services(count: int, seed: int = 1) -> int:
    rng = random.Random(seed)  # noqa: S311 - repeatable test data, not security
    locale = Locale.get_default()
    ensure_vocabularies()
    terms = list(TaxonomyTerm.objects.all())
    vocab = {
        "needs": [t for t in terms if t.taxonomy == Taxonomy.SEND_NEED and t.parent_id],
        "districts": [t for t in terms if t.taxonomy == Taxonomy.DISTRICT],
        "delivery": [t for t in terms if t.taxonomy == Taxonomy.DELIVERY_MODE],
        "categories": [t for t in terms if t.taxonomy == Taxonomy.SERVICE_CATEGORY],
    }
    organisations = [
        Organisation.objects.create(
            name=f"Generated provider {uuid.uuid4().hex[:8]}",
            description="A provider created for benchmarks.",
            locale=locale,
        )
        for _ in range(max(1, count // 50))
    ]
    services, links = [], []
    for number in range(count):
        values = random_service_values(rng, rng.choice(organisations), vocab)
        related = {name: values.pop(name) for name in RELATIONS}
        services.append(
            Service(
                locale=locale,
                translation_key=uuid.uuid4(),
                name=f"Generated service {number + 1}",
                description="A generated service for support with SEND, used for benchmarks.",
                who_it_is_for="Children and young people with SEND.",
                how_to_access="Contact the service.",
                **values,
            )
        )
        links.append(related)
    with transaction.atomic():
        Service.objects.bulk_create(services, batch_size=500)
        for relation in RELATIONS:
            through = getattr(Service, relation).through
            through.objects.bulk_create(
                [
                    through(service_id=service.pk, taxonomyterm_id=term.pk)
                    for service, related in zip(services, links, strict=True)
                    for term in related[relation]
                ],
                batch_size=2000,
            )
        # bulk_create sends no signals: the Local Offer pages cached so far are out of date.
        content_changed()
    return count


class Command(BaseCommand):
    help = "Create N published services with random details, for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, count, seed, **options):
        if not 1 <= count <= 100_000:
            raise CommandError("N must be from 1 to 100,000.")
        generate_services(count, seed)
        self.stdout.write(f"Created {count} services.")
