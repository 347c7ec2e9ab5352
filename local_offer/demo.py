"""Demo data for the Local Offer: called by ``manage.py load_demo_content`` inside its
transaction, after the editorial pages exist. Safe to run again: records are matched by stable
ids and names, and existing ones are left as editors left them."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    Locale,
    Site,
    Workflow,
    WorkflowContentType,
    WorkflowTask,
)

from .demo_data import ALL, ORGANISATIONS, family_hub_services
from .demo_services import COUNTYWIDE_SERVICES
from .demo_services_more import MORE_COUNTYWIDE_SERVICES
from .models import (
    CostOption,
    LocalOfferPage,
    Location,
    Organisation,
    RegularSchedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from .vocabularies import ensure_vocabularies

DEMO_NAMESPACE = uuid.UUID("0e6f8d3c-3b8e-4a8e-9a51-5d1f3c6c2b10")
PROVIDERS_GROUP = "Local Offer providers"
APPROVERS_GROUP = "Local Offer approvers"
WORKFLOW_NAME = "Local Offer approval"


def demo_key(kind: str, name: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{name}")


def ensure_directory_page() -> LocalOfferPage:
    home = Site.objects.get(is_default_site=True).root_page.specific
    page = LocalOfferPage.objects.child_of(home).first()
    if page is None:
        page = LocalOfferPage(
            title="Find support: the Local Offer",
            slug="find-support",
            summary=(
                "Search for services for children and young people with special educational "
                "needs and disabilities (SEND), aged 0 to 25, by need, age and where you live."
            ),
            show_in_menus=True,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        # Finding support is what most families come for: first in the navigation.
        page.move(home, pos="first-child")
    return page


def ensure_organisations(locale) -> dict[str, Organisation]:
    found = {}
    for key, (name, description, email) in ORGANISATIONS.items():
        org = Organisation.objects.filter(
            translation_key=demo_key("org", key), locale=locale
        ).first()
        if org is None:
            org = Organisation.objects.create(
                translation_key=demo_key("org", key),
                locale=locale,
                name=name,
                description=description,
                email=email,
            )
            org.save_revision().publish()
        found[key] = org
    return found


def _terms(taxonomy: str, wanted, by_code: dict, by_name: dict):
    pool = [t for t in by_code.values() if t.taxonomy == taxonomy]
    if taxonomy == Taxonomy.SEND_NEED:
        pool = [t for t in pool if t.parent_id]
    if wanted == ALL:
        return pool
    lookup = by_name if taxonomy == Taxonomy.DISTRICT else by_code
    return [lookup[(taxonomy, value)] for value in wanted]


def _location(spec) -> Location:
    name, street, town, postcode, lat, lng = spec
    location, _created = Location.objects.get_or_create(
        oruk_id=demo_key("location", name),
        defaults={
            "name": name,
            "address_1": street,
            "city": town,
            "postcode": postcode,
            "latitude": Decimal(str(lat)),
            "longitude": Decimal(str(lng)),
        },
    )
    return location


def create_service(spec: dict, organisations, locale, by_code, by_name) -> bool:
    key = demo_key("service", spec["name"])
    if Service.objects.filter(translation_key=key, locale=locale).exists():
        return False
    low, high = spec["ages"]
    service = Service(
        translation_key=key,
        locale=locale,
        organisation=organisations[spec["org"]],
        name=spec["name"],
        description=spec["description"],
        who_it_is_for=spec["who"],
        how_to_access=spec["how"],
        minimum_age=low,
        maximum_age=high,
        referral_route=spec["referral"],
        is_free=spec.get("free", True),
        url=spec.get("url", ""),
        email=spec.get("email", ""),
        phone=spec.get("phone", ""),
        languages=spec.get("languages", "English"),
        last_reviewed=timezone.localdate() - datetime.timedelta(days=spec["reviewed_days_ago"]),
    )
    service.need_types.set(_terms(Taxonomy.SEND_NEED, spec["needs"], by_code, by_name))
    service.districts.set(_terms(Taxonomy.DISTRICT, spec["districts"], by_code, by_name))
    service.delivery_modes.set(_terms(Taxonomy.DELIVERY_MODE, spec["delivery"], by_code, by_name))
    service.categories.set(_terms(Taxonomy.SERVICE_CATEGORY, spec["categories"], by_code, by_name))
    service.accessibility_features.set(
        _terms(Taxonomy.ACCESSIBILITY, spec.get("access", []), by_code, by_name)
    )
    service.schedules = [
        RegularSchedule(
            weekday=day,
            opens_at=datetime.time.fromisoformat(opens),
            closes_at=datetime.time.fromisoformat(closes),
            notes=notes,
        )
        for day, opens, closes, notes in spec.get("schedule", [])
    ]
    service.cost_options = [
        CostOption(option=option, amount=Decimal(amount), amount_description=more)
        for option, amount, more in spec.get("costs", [])
    ]
    if spec.get("location"):
        service.service_at_locations = [ServiceAtLocation(location=_location(spec["location"]))]
    service.save()
    service.save_revision().publish()
    return True


def ensure_approval_workflow() -> Workflow:
    """Providers may add and change services but not publish them; their changes go to the
    approvers through the Local Offer approval workflow."""
    service_type = ContentType.objects.get_for_model(Service)
    providers, _created = Group.objects.get_or_create(name=PROVIDERS_GROUP)
    approvers, _created = Group.objects.get_or_create(name=APPROVERS_GROUP)
    admin_access = Permission.objects.get(
        codename="access_admin", content_type__app_label="wagtailadmin"
    )
    local_offer_permissions = Permission.objects.filter(content_type__app_label="local_offer")
    providers.permissions.add(
        admin_access,
        *local_offer_permissions.filter(
            content_type=service_type,
            codename__in=["add_service", "change_service", "view_service"],
        ),
    )
    approvers.permissions.add(admin_access, *local_offer_permissions)
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
        task.groups.set([approvers])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    # WorkflowTask directly: the cluster relation's create() would not save.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowContentType.objects.get_or_create(
        content_type=service_type, defaults={"workflow": workflow}
    )
    return workflow


def load_demo(stdout) -> str:
    locale = Locale.get_default()
    ensure_vocabularies()
    page = ensure_directory_page()
    organisations = ensure_organisations(locale)
    all_terms = list(TaxonomyTerm.objects.all())
    by_code = {(t.taxonomy, t.code): t for t in all_terms}
    by_name = {(t.taxonomy, t.name): t for t in all_terms}
    created = 0
    for spec in family_hub_services() + COUNTYWIDE_SERVICES + MORE_COUNTYWIDE_SERVICES:
        created += create_service(spec, organisations, locale, by_code, by_name)
    ensure_approval_workflow()
    total = Service.objects.filter(locale=locale).count()
    return (
        f"{total} services ({created} new) from {len(organisations)} organisations, "
        f"listed at {page.url_path.removeprefix(page.get_parent().url_path)!r}."
    )
