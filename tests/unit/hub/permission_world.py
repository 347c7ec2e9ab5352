"""The people and records the permission table (test_permissions.py) is checked against.

One of each role the council gives out, and one record of every kind an admin or API screen
shows, made once per test module with the apps' own factories. Provider records come in pairs:
one from the provider's own organisation and one from somebody else's.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import Group, User
from django.utils import timezone
from site_home import make_home
from wagtail.models import Locale, Site, Workflow

from consultations.factories import AnswerFactory, ConsultationPageFactory, ResponseFactory
from consultations.models import OutcomeSubscription, Theme
from consultations.permissions import ANALYSTS
from local_offer.demo import (
    APPROVERS_GROUP,
    PROVIDERS_GROUP,
    WORKFLOW_NAME,
    ensure_approval_workflow,
)
from local_offer.factories import (
    LocalOfferPageFactory,
    LocationFactory,
    OrganisationFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)
from local_offer.models import (
    OrganisationMembership,
    ProblemReport,
    Taxonomy,
    TaxonomyTerm,
    taxonomy_id,
)
from outcomes.factories import AmbitionFactory, OutcomeFactory
from schools.factories import CommunityOfSchoolsFactory, SchoolFactory
from search.models import SearchLog, SynonymSet
from you_said_we_did.factories import SubscriptionFactory

ANONYMOUS = "anonymous"
EDITOR = "editor"  # Wagtail's "Editors" group: pages, images, documents
MODERATOR = "moderator"  # Wagtail's "Moderators" group: editors who also publish and approve
APPROVER = "approver"  # "Local Offer approvers": the council's Local Offer team
ANALYST = "analyst"  # "Consultation analysts": read and code what people wrote
PROVIDER = "provider"  # "Local Offer providers", linked to one organisation
ADMIN = "admin"  # a superuser
ROLES = (ANONYMOUS, EDITOR, MODERATOR, APPROVER, ANALYST, PROVIDER, ADMIN)

GROUPS = {
    EDITOR: "Editors",
    MODERATOR: "Moderators",
    APPROVER: APPROVERS_GROUP,
    ANALYST: ANALYSTS,
    PROVIDER: PROVIDERS_GROUP,
}

# Words planted in records that hold personal data, looked for in every response a role gets.
RESPONDENT_EMAIL = "respondent.private@example.org"
SUBSCRIBER_EMAIL = "subscriber.private@example.org"
REPORTER_EMAIL = "reporter.private@example.org"
WRITTEN_ANSWER = "Private words about my son's school"


def make_users() -> dict[str, User]:
    users = {}
    for role in ROLES[1:]:
        if role == ADMIN:
            users[role] = User.objects.create_superuser(role, f"{role}@example.org", "pw")
            continue
        user = User.objects.create_user(role, f"{role}@example.org", "pw")
        user.groups.add(Group.objects.get(name=GROUPS[role]))
        users[role] = user
    return users


def make_world() -> dict:
    """Every record the table's addresses point at, by name. Values are primary keys (or, for
    the API, public ids), so a row reads like "/admin/consultations/{consultation}/analysis/"."""
    ensure_approval_workflow()
    home = make_home()
    users = make_users()

    # Consultations: one with responses, written answers, a theme and an email for outcomes.
    ambition = AmbitionFactory(number=1, title="Ambition one")
    outcome = OutcomeFactory(title="My independence", ambitions=[ambition])
    consultation = ConsultationPageFactory(parent=home, title="Transport", slug="transport")
    response = ResponseFactory(consultation=consultation, respondent_type="parent-carer")
    AnswerFactory(response=response, question_key="agree-1", question_type="agree_scale", value="4")
    answer = AnswerFactory(response=response, value=WRITTEN_ANSWER)
    answer.ambitions.add(ambition)
    theme = Theme.objects.create(consultation=consultation, name="School transport")
    outcome_email = OutcomeSubscription.objects.create(response=response, email=RESPONDENT_EMAIL)

    # The Local Offer: its directory page, the provider's organisation and another.
    LocalOfferPageFactory(parent=home)
    own_org = OrganisationFactory(name="Own organisation")
    other_org = OrganisationFactory(name="Other organisation")
    OrganisationMembership.objects.create(user=users[PROVIDER], organisation=own_org)
    own_service = ServiceFactory(name="Own service", organisation=own_org)
    other_service = ServiceFactory(name="Other service", organisation=other_org)
    revisions = {}
    for name, service in (("own", own_service), ("other", other_service), ("org", other_org)):
        first = service.save_revision(user=users[ADMIN])
        service.description += " Now with evening sessions."
        second = service.save_revision(user=users[ADMIN])
        revisions[name] = (first.pk, second.pk)
    draft_service = ServiceFactory(name="Draft service", organisation=own_org, live=False)
    # Both services wait for approval: the provider sent in their own, staff the other.
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    own_state = workflow.start(own_service, users[PROVIDER])
    other_state = workflow.start(other_service, users[ADMIN])
    location = LocationFactory(organisation=other_org)
    service_at_location = ServiceAtLocationFactory(service=other_service, location=location)
    membership = OrganisationMembership.objects.get(user=users[PROVIDER])
    report = ProblemReport.objects.create(
        service=other_service,
        service_name=other_service.name,
        kind="wrong-contact",
        details="The phone number is wrong.",
        email=REPORTER_EMAIL,
    )

    # Schools, with no report links, so a queued link check makes no web requests.
    community = CommunityOfSchoolsFactory(name="Ashford North")
    school = SchoolFactory(name="Ashford Oaks", community=community, report_url="")

    # Search and updates.
    synonyms = SynonymSet.objects.create(terms="SENCo\nSENDCo", note="Same role")
    SearchLog.objects.create(
        query="respite", language="en-gb", date=timezone.localdate(), searches=3
    )
    subscription = SubscriptionFactory(email=SUBSCRIBER_EMAIL)

    from hub.models import CouncilText

    settings = Site.objects.get(is_default_site=True).councilsettings
    return {
        "users": users,
        "other_service_form": service_form(other_service, name="Taken over"),
        "own_service_form": service_form(draft_service, name="Own service, new times"),
        "new_service_form": service_form(other_service, name="Brand new service"),
        "home": home.pk,
        "site": settings.site_id,
        "consultation": consultation.pk,
        "response": response.pk,
        "answer": answer.pk,
        "theme": theme.pk,
        "outcome_email": outcome_email.pk,
        "ambition": ambition.pk,
        "outcome": outcome.pk,
        "own_org": own_org.pk,
        "other_org": other_org.pk,
        "own_service": own_service.pk,
        "other_service": other_service.pk,
        "api_service": own_service.translation_key,
        "api_draft_service": draft_service.translation_key,
        "api_organisation": own_org.translation_key,
        "api_service_at_location": service_at_location.oruk_id,
        "api_taxonomy": taxonomy_id(Taxonomy.SEND_NEED),
        "api_term": TaxonomyTerm.objects.order_by("pk").first().oruk_id,
        "own_rev_a": revisions["own"][0],
        "own_rev_b": revisions["own"][1],
        "other_rev_a": revisions["other"][0],
        "other_rev_b": revisions["other"][1],
        "own_workflow": own_state.pk,
        "own_task": own_state.current_task_state.pk,
        "other_workflow": other_state.pk,
        "other_task": other_state.current_task_state.pk,
        "task": own_state.current_task_state.task_id,
        "org_rev_a": revisions["org"][0],
        "org_rev_b": revisions["org"][1],
        "location": location.pk,
        "term": TaxonomyTerm.objects.order_by("pk").first().pk,
        "membership": membership.pk,
        "report": report.pk,
        "community": community.pk,
        "school": school.pk,
        "synonyms": synonyms.pk,
        "subscription": subscription.pk,
        "council_text": CouncilText.objects.get().pk,
        "locale": Locale.get_default().pk,
        "polish": Locale.objects.get(language_code="pl").pk,
        "provider_user": users[PROVIDER].pk,
        "admin_user": users[ADMIN].pk,
        "draft_service": draft_service.pk,
        "yesterday": (timezone.now() - datetime.timedelta(days=1)).date().isoformat(),
    }


def service_form(service, **changes) -> dict:
    """The service edit form as the CMS posts it, with `changes` made."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    data = nested_form_data(
        {
            "organisation": service.organisation_id,
            "name": service.name,
            "status": service.status,
            "description": service.description,
            "who_it_is_for": service.who_it_is_for,
            "how_to_access": service.how_to_access,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "referral_route": service.referral_route,
            "is_free": "on",
            "last_reviewed": service.last_reviewed.isoformat(),
            "cost_options": inline_formset([]),
            "contacts": inline_formset([]),
            "service_at_locations": inline_formset([]),
            "schedules": inline_formset([]),
            **changes,
        }
    )
    for relation in ("need_types", "districts", "delivery_modes", "categories"):
        data[relation] = [term.pk for term in getattr(service, relation).all()]
    return data
