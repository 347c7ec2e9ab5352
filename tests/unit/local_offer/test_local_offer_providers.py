"""Providers see and edit only their own organisation's services, cannot publish, and their
changes wait for approval; staff see everything and can compare revisions."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Workflow

from local_offer.demo import PROVIDERS_GROUP, ensure_approval_workflow
from local_offer.factories import OrganisationFactory, ServiceFactory
from local_offer.models import OrganisationMembership, Service
from local_offer.permissions import ServicePermissionPolicy

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(home):
    ensure_approval_workflow()
    own_org, other_org = OrganisationFactory(name="Kent PACT"), OrganisationFactory(name="Other")
    own = ServiceFactory(name="PACT coffee mornings", organisation=own_org)
    other = ServiceFactory(name="Someone else's service", organisation=other_org)
    provider = get_user_model().objects.create_user("provider", "p@example.org", "pw")
    provider.groups.add(Group.objects.get(name=PROVIDERS_GROUP))
    OrganisationMembership.objects.create(user=provider, organisation=own_org)
    return {
        "own": own,
        "other": other,
        "provider": provider,
        "own_org": own_org,
        "other_org": other_org,
    }


def test_policy_limits_providers_to_their_organisation(setup):
    policy = ServicePermissionPolicy(Service)
    provider = setup["provider"]
    assert policy.user_has_permission_for_instance(provider, "change", setup["own"])
    assert not policy.user_has_permission_for_instance(provider, "change", setup["other"])
    assert not policy.user_has_permission(provider, "publish")
    assert list(policy.instances_user_has_permission_for(provider, "change")) == [setup["own"]]


def test_provider_listing_and_editing_in_the_cms(client, setup):
    client.force_login(setup["provider"])
    listing = client.get("/admin/snippets/local_offer/service/")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "PACT coffee mornings" in body
    assert "Someone else" not in body
    assert (
        client.get(f"/admin/snippets/local_offer/service/edit/{setup['own'].pk}/").status_code
        == 200
    )
    # Another organisation's service is not found, on this screen as on every other one
    # (tests/unit/hub/test_permissions.py checks them all).
    assert (
        client.get(f"/admin/snippets/local_offer/service/edit/{setup['other'].pk}/").status_code
        == 404
    )


def test_provider_changes_go_to_approval_not_live(client, setup):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    service = setup["own"]
    client.force_login(setup["provider"])
    data = nested_form_data(
        {
            "organisation": setup["own_org"].pk,
            "name": "PACT coffee mornings (new times)",
            "status": "active",
            "description": service.description,
            "who_it_is_for": service.who_it_is_for,
            "how_to_access": service.how_to_access,
            "minimum_age": 0,
            "maximum_age": 25,
            "referral_route": "self",
            "is_free": "on",
            "last_reviewed": "2026-03-03",
            "cost_options": inline_formset([]),
            "contacts": inline_formset([]),
            "service_at_locations": inline_formset([]),
            "schedules": inline_formset([]),
        }
    )
    for relation in ("need_types", "districts", "delivery_modes", "categories"):
        data[relation] = [t.pk for t in getattr(service, relation).all()]
    data["action-submit"] = "Submit for moderation"
    response = client.post(f"/admin/snippets/local_offer/service/edit/{service.pk}/", data)
    assert response.status_code == 302
    service = Service.objects.get(pk=service.pk)
    assert service.name == "PACT coffee mornings"  # still the live version
    assert service.latest_revision.content["name"] == "PACT coffee mornings (new times)"
    assert service.has_unpublished_changes
    assert service.workflow_in_progress
    assert Workflow.objects.get(name="Local Offer approval").workflow_states.count() == 1


def test_staff_can_compare_revisions(client, setup, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    service = setup["own"]
    first = service.save_revision()
    service.name = "Renamed"
    second = service.save_revision()
    client.force_login(admin)
    url = f"/admin/snippets/local_offer/service/history/{service.pk}/revisions/compare/{first.pk}...{second.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Renamed" in response.content.decode()


def test_review_report_lists_services_by_age(client, setup, django_user_model):
    import datetime

    from django.utils import timezone

    setup["other"].last_reviewed = timezone.localdate() - datetime.timedelta(days=400)
    setup["other"].save()
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(admin)
    response = client.get("/admin/reports/local-offer-reviews/?band=overdue")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Someone else" in body and "PACT coffee" not in body
    assert client.get("/admin/reports/local-offer-reviews/?band=nope").status_code == 404
