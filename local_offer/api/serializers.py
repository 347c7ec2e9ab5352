"""Local Offer records as Open Referral UK 3.0 JSON.

Optional fields with no value are left out, never sent as null or "": the ORUK validator fails
empty strings in format-checked fields. Ids are UUIDs throughout. Ids that the CMS does not
store (service areas, languages, attributes, addresses, phones) are derived with uuid5 from the
record they belong to, so they are stable from one request to the next.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.utils import timezone

from local_offer.models import TAXONOMY_DESCRIPTIONS, Taxonomy, TaxonomyTerm, taxonomy_id

TAXONOMY_URI = "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25"


def compact(data: dict) -> dict:
    """Drop optional fields with no value."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _id(value) -> str:
    return str(value)


def _derived(parent, name: str) -> str:
    return str(uuid.uuid5(uuid.UUID(str(parent)), name))


def _number(value):
    if isinstance(value, Decimal):
        return float(value)
    return value


def taxonomy(key: str) -> dict:
    label = Taxonomy(key).label
    return compact(
        {
            "id": _id(taxonomy_id(key)),
            "name": str(label),
            "description": str(TAXONOMY_DESCRIPTIONS[Taxonomy(key)]),
            "uri": TAXONOMY_URI if key == Taxonomy.SEND_NEED else None,
        }
    )


def taxonomy_term(term: TaxonomyTerm, parents: dict | None = None) -> dict:
    """`parents` maps parent pks to ORUK ids, so a listing need not join the parent."""
    parent_id = None
    if term.parent_id:
        parent_id = (parents or {}).get(term.parent_id) or term.parent.oruk_id
    return compact(
        {
            "id": _id(term.oruk_id),
            "name": term.name,
            "description": term.description,
            "parent_id": _id(parent_id) if parent_id else None,
            "taxonomy": str(Taxonomy(term.taxonomy).label),
            "taxonomy_id": _id(taxonomy_id(term.taxonomy)),
            "term": term.code,
        }
    )


def organization(org, services=None) -> dict:
    data = {
        "id": _id(org.translation_key),
        "name": org.name,
        "description": org.description,
        "email": org.email,
        "website": org.website,
    }
    if services is not None:
        data["services"] = [{"id": _id(s.translation_key), "name": s.name} for s in services]
    return compact(data)


def _iso(value) -> str | None:
    if value is None:
        return None
    return timezone.localtime(value).isoformat()


def service_flat(service) -> dict:
    """The one-to-one fields of a service, for listings."""
    return compact(
        {
            "id": _id(service.translation_key),
            "organization_id": _id(service.organisation.translation_key),
            "name": service.name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": service.last_reviewed.isoformat(),
            "last_modified": _iso(service.last_modified),
            "organization": organization(service.organisation),
        }
    )


def address(location) -> dict:
    return compact(
        {
            "id": _derived(location.oruk_id, "address"),
            "location_id": _id(location.oruk_id),
            "address_1": ", ".join(filter(None, [location.address_1, location.address_2])),
            "city": location.city,
            "state_province": location.county,
            "postal_code": location.postcode,
            "country": "GB",
            "address_type": "physical",
        }
    )


def location(loc) -> dict:
    return compact(
        {
            "id": _id(loc.oruk_id),
            "location_type": "physical",
            "name": loc.name,
            "description": loc.description,
            "latitude": _number(loc.latitude),
            "longitude": _number(loc.longitude),
            "addresses": [address(loc)],
        }
    )


def service_at_location(sal, service=None) -> dict:
    data = {
        "id": _id(sal.oruk_id),
        "service_id": _id((service or sal.service).translation_key),
        "location_id": _id(sal.location.oruk_id),
        "location": location(sal.location),
    }
    return compact(data)


def schedule(slot, service) -> dict:
    return compact(
        {
            "id": _id(slot.oruk_id),
            "service_id": _id(service.translation_key),
            "freq": "WEEKLY",
            "byday": slot.weekday,
            "opens_at": slot.opens_at.strftime("%H:%M"),
            "closes_at": slot.closes_at.strftime("%H:%M"),
            "description": slot.notes,
        }
    )


def cost_option(cost, service) -> dict:
    return compact(
        {
            "id": _id(cost.oruk_id),
            "service_id": _id(service.translation_key),
            "option": cost.option,
            "amount": _number(cost.amount),
            "amount_description": cost.amount_description,
        }
    )


def contact(person, service) -> dict:
    phones = []
    if person.phone:
        phones.append(
            {
                "id": _id(person.phone_oruk_id),
                "contact_id": _id(person.oruk_id),
                "number": person.phone,
            }
        )
    return compact(
        {
            "id": _id(person.oruk_id),
            "service_id": _id(service.translation_key),
            "name": person.name,
            "title": person.title,
            "email": person.email,
            "phones": phones,
        }
    )


def attribute(term: TaxonomyTerm, service) -> dict:
    return {
        "id": _derived(service.translation_key, f"attribute:{term.oruk_id}"),
        "link_id": _id(service.translation_key),
        "link_type": "service",
        "taxonomy_term_id": _id(term.oruk_id),
        "taxonomy_term": taxonomy_term(term),
    }


def service_full(service) -> dict:
    """A service with everything that belongs to it (GET /services/{id})."""
    data = service_flat(service)
    terms = [
        *service.need_types.all(),
        *service.categories.all(),
        *service.districts.all(),
        *service.delivery_modes.all(),
        *service.accessibility_features.all(),
    ]
    key = service.translation_key
    data.update(
        compact(
            {
                "schedules": [schedule(slot, service) for slot in service.schedules.all()],
                "service_areas": [
                    {
                        "id": _derived(key, f"area:{district.oruk_id}"),
                        "service_id": _id(key),
                        "name": district.name,
                        "extent_type": "district",
                    }
                    for district in service.districts.all()
                ],
                "service_at_locations": [
                    service_at_location(sal, service) for sal in service.service_at_locations.all()
                ],
                "languages": [
                    {"id": _derived(key, f"language:{name}"), "service_id": _id(key), "name": name}
                    for name in service.language_list
                ],
                "cost_options": [cost_option(cost, service) for cost in service.cost_options.all()],
                "contacts": [contact(person, service) for person in service.contacts.all()],
                "phones": (
                    [
                        {
                            "id": _derived(key, "phone"),
                            "service_id": _id(key),
                            "number": service.phone,
                        }
                    ]
                    if service.phone
                    else []
                ),
                "attributes": [attribute(term, service) for term in terms],
            }
        )
    )
    return data
