"""Contract tests: every API response validates against the ORUK 3.0 JSON schemas
(vendored in tests/contract/oruk-3.0/schema), walked the way the ORUK validator walks a
feed: read `version` from /, fetch the first, middle and last pages, fail an empty feed, then
fetch each listed record by id."""

import json
from io import StringIO
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from local_offer.demo import load_demo

pytestmark = pytest.mark.django_db

SCHEMA_DIR = Path(__file__).resolve().parent / "oruk-3.0" / "schema"
SCHEMA_URL = "https://openreferraluk.org/specifications/3.0/schema/"
API = "/api/openreferral"


def _registry() -> Registry:
    assert SCHEMA_DIR.is_dir(), f"The ORUK schemas are missing from {SCHEMA_DIR}"
    resources = []
    for path in SCHEMA_DIR.glob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (
                SCHEMA_URL + path.name,
                Resource.from_contents(contents, default_specification=DRAFT202012),
            )
        )
    return Registry().with_resources(resources)


REGISTRY = _registry()


def validate(data, schema_name: str) -> None:
    schema = json.loads((SCHEMA_DIR / schema_name).read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, registry=REGISTRY, format_checker=FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    _no_nulls_or_empty_strings(data)


def _no_nulls_or_empty_strings(value, where="$"):
    if isinstance(value, dict):
        for key, item in value.items():
            _no_nulls_or_empty_strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _no_nulls_or_empty_strings(item, f"{where}[{index}]")
    else:
        assert value is not None and value != "", f"{where} is {value!r}: leave it out instead"


@pytest.fixture
def feed(home):
    load_demo(StringIO())


def fetch(client, path, **params):
    response = client.get(API + path, params)
    assert response.status_code == 200, f"{path} {params}: {response.status_code}"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def walk_pages(client, path, list_schema, per_page):
    """First, middle and last pages, as the validator does; returns every item seen."""
    first = fetch(client, path, per_page=per_page)
    validate(first, list_schema)
    assert first["total_items"] > 0 and not first["empty"], f"{path} is an empty feed"
    pages = sorted({1, (first["total_pages"] + 1) // 2, first["total_pages"]})
    seen = []
    for number in pages:
        data = fetch(client, path, per_page=per_page, page=number)
        validate(data, list_schema)
        assert data["page_number"] == number
        assert data["size"] == len(data["contents"]) > 0
        assert data["first_page"] == (number == 1)
        assert data["last_page"] == (number == first["total_pages"])
        seen.extend(data["contents"])
    return seen


def test_root_declares_oruk_3(client, feed):
    data = fetch(client, "/")
    validate(data, "api_details.json")
    assert data["version"] == "HSDS-UK-3.0"


def test_services_list_and_every_service_validate(client, feed):
    listed = walk_pages(client, "/services", "service_list.json", per_page=7)
    assert len(listed) >= 14
    for service in listed:
        detail = fetch(client, f"/services/{service['id']}")
        validate(detail, "service.json")
        assert detail["id"] == service["id"]
        assert detail["status"] in {"active", "inactive", "defunct", "temporarily closed"}
        assert detail["organization_id"]


def test_every_demo_service_validates_in_full(client, feed):
    everything = fetch(client, "/services", per_page=200)
    assert everything["total_items"] >= 40
    for service in everything["contents"]:
        validate(fetch(client, f"/services/{service['id']}"), "service.json")


def test_taxonomies_and_terms_validate(client, feed):
    for taxonomy in walk_pages(client, "/taxonomies", "taxonomy_list.json", per_page=2):
        validate(fetch(client, f"/taxonomies/{taxonomy['id']}"), "taxonomy.json")
    for term in walk_pages(client, "/taxonomy_terms", "taxonomy_term_list.json", per_page=10):
        validate(fetch(client, f"/taxonomy_terms/{term['id']}"), "taxonomy_term.json")


def test_organizations_validate(client, feed):
    for org in walk_pages(client, "/organizations", "organization_list.json", per_page=3):
        validate(fetch(client, f"/organizations/{org['id']}"), "organization.json")


def test_service_at_locations_validate(client, feed):
    for item in walk_pages(
        client, "/service_at_locations", "service_at_location_list.json", per_page=5
    ):
        validate(fetch(client, f"/service_at_locations/{item['id']}"), "service_at_location.json")


def test_filtered_lists_validate(client, feed):
    term = fetch(client, "/taxonomy_terms", search="SLCN")["contents"][0]
    data = fetch(client, "/services", taxonomy_term_id=term["id"], minimum_age=3, maximum_age=8)
    validate(data, "service_list.json")
    assert data["total_items"] > 0


def test_an_empty_result_still_validates(client, feed):
    data = fetch(client, "/services", search="no-such-service-anywhere")
    validate(data, "service_list.json")
    assert data["empty"] is True and data["contents"] == []
