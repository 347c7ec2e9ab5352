"""The ORUK API's behaviour: filters, paging, errors as JSON 400s, only live records, CORS, no
nulls or empty strings, and a query count that does not grow with the data."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from local_offer.factories import (
    OrganisationFactory,
    ServiceAtLocationFactory,
    ServiceContactFactory,
    ServiceFactory,
)
from local_offer.models import Service, TaxonomyTerm

pytestmark = pytest.mark.django_db

API = "/api/openreferral"
# Pinned: the default locale, the count and the page (list); the service with its organisation,
# then one query per related list (detail).
LIST_QUERIES = 3
DETAIL_QUERIES = 11


def get(client, path, **params):
    response = client.get(API + path, params)
    return response, json.loads(response.content)


def test_root_gives_version_profile_and_openapi_url(client):
    response, data = get(client, "/")
    assert data["version"] == "HSDS-UK-3.0"
    assert data["openapi_url"].startswith("https://")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_services_are_paged(client):
    for number in range(5):
        ServiceFactory(name=f"Service {number}")
    _response, data = get(client, "/services", per_page=2, page=3)
    assert data["total_items"] == 5
    assert data["total_pages"] == 3
    assert data["page_number"] == 3
    assert data["size"] == 1
    assert data["last_page"] is True and data["first_page"] is False
    assert data["empty"] is False
    _response, beyond = get(client, "/services", per_page=2, page=9)
    assert beyond["contents"] == [] and beyond["empty"] is True


def test_only_live_default_language_services_appear(client):
    from wagtail.models import Locale

    live = ServiceFactory(name="Live")
    ServiceFactory(name="Draft", live=False)
    live.copy_for_translation(Locale.objects.get(language_code="ur")).save()
    _response, data = get(client, "/services")
    assert [s["name"] for s in data["contents"]] == ["Live"]
    draft = Service.objects.get(name="Draft")
    response, _data = get(client, f"/services/{draft.translation_key}")
    assert response.status_code == 404


def test_filters(client):
    org = OrganisationFactory()
    young = ServiceFactory(
        name="Young", minimum_age=0, maximum_age=4, need_codes=["SLCN"], organisation=org
    )
    ServiceFactory(
        name="Older",
        minimum_age=11,
        maximum_age=25,
        need_codes=["SEMH"],
        description="Anxiety help",
    )
    slcn = TaxonomyTerm.objects.get(code="SLCN")

    def listed(**params):
        return [s["name"] for s in get(client, "/services", **params)[1]["contents"]]

    assert listed(taxonomy_term_id=str(slcn.oruk_id)) == ["Young"]
    assert listed(taxonomy_id=str(slcn.taxonomy_id)) == ["Older", "Young"]
    assert listed(organization_id=str(org.translation_key)) == ["Young"]
    assert listed(minimum_age=10) == ["Older"]
    assert listed(maximum_age=3) == ["Young"]
    assert listed(search="anxiety") == ["Older"]
    future = (timezone.now() + datetime.timedelta(days=1)).isoformat()
    assert listed(modified_after=future) == []
    assert listed(modified_after="2020-01-01") == ["Older", "Young"]
    assert young.translation_key


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"page": "abc"},
        {"per_page": "100000"},
        {"per_page": "-1"},
        {"minimum_age": "99999999999999999999"},
        {"maximum_age": "ten"},
        {"taxonomy_term_id": "not-a-uuid"},
        {"organization_id": "123"},
        {"modified_after": "yesterday"},
        {"modified_after": "2026-13-45"},
        {"search": "a\x00b"},
        {"format": "xml"},
    ],
)
def test_bad_parameters_get_a_json_400(client, params):
    response, data = get(client, "/services", **params)
    assert response.status_code == 400
    assert data["error"]
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "path",
    [
        "/services/nope",
        "/services/00000000-0000-0000-0000-000000000000",
        "/organizations/x",
        "/taxonomies/1",
        "/taxonomy_terms/%00",
        "/service_at_locations/abc",
    ],
)
def test_unknown_ids_get_a_json_404(client, path):
    response, data = get(client, path)
    assert response.status_code == 404
    assert data["error"]


def test_only_get_is_allowed(client):
    assert client.post(API + "/services").status_code == 405
    assert client.options(API + "/services")["Access-Control-Allow-Origin"] == "*"


def _walk(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)
    yield value


def test_empty_optional_fields_are_left_out(client):
    service = ServiceFactory(url="", email="", phone="")
    ServiceContactFactory(service=service, title="", email="")
    _response, data = get(client, f"/services/{service.translation_key}")
    assert "url" not in data and "email" not in data
    for value in _walk(data):
        assert value is not None and value != ""


def test_service_detail_is_fully_nested(client):
    service = ServiceFactory(
        need_codes=["ASD"], district_codes=["dover"], languages="English, Nepali"
    )
    ServiceAtLocationFactory(service=service)
    ServiceContactFactory(service=service)
    _response, data = get(client, f"/services/{service.translation_key}")
    assert data["organization"]["id"] == str(service.organisation.translation_key)
    assert data["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == "TN24 8UX"
    assert data["service_areas"][0]["name"] == "Dover"
    assert {a["taxonomy_term"]["term"] for a in data["attributes"]} >= {"ASD", "dover"}
    assert data["contacts"][0]["phones"][0]["number"] == "01632 960000"
    assert [lang["name"] for lang in data["languages"]] == ["English", "Nepali"]
    assert data["assured_date"] == service.last_reviewed.isoformat()


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_list_and_detail_query_counts_are_pinned_and_flat(client):
    first = ServiceFactory(need_codes=["ASD"])
    ServiceAtLocationFactory(service=first)
    small_list = _queries(client, API + "/services?per_page=50")
    small_detail = _queries(client, f"{API}/services/{first.translation_key}")
    for number in range(30):
        service = ServiceFactory(name=f"S{number}", need_codes=["ASD", "SLCN", "HI"])
        ServiceAtLocationFactory(service=service)
        ServiceContactFactory(service=first)
    assert small_list == _queries(client, API + "/services?per_page=50") == LIST_QUERIES
    assert (
        small_detail
        == _queries(client, f"{API}/services/{first.translation_key}")
        == DETAIL_QUERIES
    )
