"""Who may use every admin screen and API endpoint the project adds, role by role.

The table below is the decision: for each address, what each role gets. A test walks Django's URL
resolver and fails when a project admin or API address is missing from it, so a new screen
cannot ship before someone decides who may use it. The roles and records are in
permission_world.py. See docs/decisions/0014-roles-and-permissions.md.

Outcomes, as a browser sees them:
  OK         200, the screen or the file
  LOGIN      a redirect to the admin sign-in page
  DENIED     403, or Wagtail's "Sorry, you do not have permission" redirect to the dashboard
  NOT_FOUND  404: another organisation's record, or a record nobody may see through that door
  MOVED      any other redirect (a settings menu going to the site's settings, say)

State-changing POSTs are in CHANGES: each role's POST must either make the change or be refused
and leave nothing changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from permission_world import (
    ADMIN,
    ANALYST,
    ANONYMOUS,
    APPROVER,
    EDITOR,
    MODERATOR,
    PROVIDER,
    REPORTER_EMAIL,
    RESPONDENT_EMAIL,
    ROLES,
    SUBSCRIBER_EMAIL,
    WRITTEN_ANSWER,
    make_world,
)
from wagtail.models import TaskState

from consultations.models import Answer, OutcomeSubscription, Response, Theme
from local_offer.models import Organisation, OrganisationMembership, ProblemReport, Service
from schools.models import School
from search.models import SynonymSet
from you_said_we_did.models import Subscription

OK, LOGIN, DENIED, NOT_FOUND = "OK", "LOGIN", "DENIED", "NOT_FOUND"
MOVED = "MOVED"  # a redirect somewhere else than the sign-in page or the dashboard

STAFF = frozenset(ROLES) - {ANONYMOUS}  # everyone who can sign in to the admin
PAGE_EDITORS = frozenset({EDITOR, MODERATOR, ADMIN})
LOCAL_OFFER_TEAM = frozenset({APPROVER, ADMIN})
ANALYSTS = frozenset({ANALYST, ADMIN})


@dataclass(frozen=True)
class Row:
    """One address and what each role gets from a GET of it."""

    url: str
    ok: frozenset = frozenset()
    not_found: frozenset = frozenset()
    public: bool = False  # an open endpoint: anonymous visitors get the same as staff
    granted: str = OK  # what the roles in `ok` get
    refused: str = DENIED  # what the other signed-in roles get

    def expected(self, role: str) -> str:
        if role in self.not_found:
            return NOT_FOUND
        if self.public or role in self.ok:
            return self.granted
        return LOGIN if role == ANONYMOUS else self.refused


def row(url, ok=(), not_found=(), **options) -> Row:
    return Row(url, frozenset(ok), frozenset(not_found), **options)


def api(url, found=True) -> Row:
    return Row(url, public=True, not_found=frozenset() if found else frozenset(ROLES))


def snippet(
    model: str, pk: str, ok, views: list[str], not_found=(), revisions=("", ""), **overrides
) -> list[Row]:
    """Rows for a snippet's own screens. `ok` may use every view listed unless `overrides`
    (keyed by the view's address ending) says otherwise for that view."""
    rows = []
    for view in views:
        filled = view.format(pk=pk, rev_a=revisions[0], rev_b=revisions[1])
        path = f"/admin/snippets/{model}/{filled}"
        override = overrides.get(view.split("/")[0] or "list", {})
        rows.append(row(path, override.get("ok", ok), override.get("not_found", not_found)))
    return rows


def chooser(model: str, pk: str, ok, not_found=(), create_ok=None) -> list[Row]:
    """Rows for a snippet's chooser. Its "create" address only works where Wagtail offers a
    form, so it is refused on the project's guarded choosers (`create_ok=()`)."""
    base = f"/admin/snippets/choose/{model}/"
    return [
        row(base, ok),
        row(f"{base}results/", ok),
        row(f"{base}chosen/{pk}/", ok, not_found),
        row(f"{base}chosen-multiple/?id={pk}", ok, not_found),
        row(f"{base}create/", ok if create_ok is None else create_ok),
    ]


BASIC = ["", "results/", "add/", "edit/{pk}/", "delete/{pk}/", "usage/{pk}/", "history/{pk}/"]
BASIC += ["history-results/{pk}/", "copy/{pk}/"]
REVISIONS = [
    "history/{pk}/revisions/{rev_a}/revert/",
    "history/{pk}/revisions/compare/{rev_a}...{rev_b}/",
    "history/{pk}/revisions/{rev_b}/unschedule/",
    "unpublish/{pk}/",
    "workflow_history/{pk}/",
    "workflow/confirm_cancellation/{pk}/",
]


def service_rows(pk: str, rev_a: str, rev_b: str, task: str, workflow: str, provider: str):
    """A service's screens, for the provider's own service (`provider` OK) or another
    organisation's (`provider` NOT_FOUND)."""
    base = "/admin/snippets/local_offer/service/"
    mine = {PROVIDER} if provider == OK else set()
    hidden = {PROVIDER} if provider == NOT_FOUND else set()
    editors = LOCAL_OFFER_TEAM | mine  # change permission
    publishers = LOCAL_OFFER_TEAM  # publish, delete, lock
    urls = [
        (f"edit/{pk}/", editors),
        (f"delete/{pk}/", publishers),
        (f"usage/{pk}/", editors),
        (f"history/{pk}/", editors),
        (f"history-results/{pk}/", editors),
        (f"copy/{pk}/", editors),
        (f"preview/{pk}/", editors),
        (f"history/{pk}/revisions/{rev_a}/view/", editors),
        (f"history/{pk}/revisions/{rev_a}/revert/", editors),
        (f"history/{pk}/revisions/compare/{rev_a}...{rev_b}/", editors),
        (f"history/{pk}/revisions/{rev_b}/unschedule/", publishers),
        (f"unpublish/{pk}/", publishers),
        (f"workflow/action/{pk}/approve/{task}/", LOCAL_OFFER_TEAM),
        (f"workflow/collect_action_data/{pk}/approve/{task}/", LOCAL_OFFER_TEAM),
        (f"workflow/confirm_cancellation/{pk}/", editors),
        (f"workflow_history/{pk}/", editors),
        (f"workflow_history/{pk}/detail/{workflow}/", editors),
        (f"workflow/preview/{pk}/{{task}}/", LOCAL_OFFER_TEAM),
    ]
    return [row(base + url, ok, hidden) for url, ok in urls]


# --- The table ------------------------------------------------------------------------------

CONSULTATION_RESULTS = [
    row("/admin/consultations/", ANALYSTS),
    row("/admin/consultations/{consultation}/analysis/", ANALYSTS),
    row("/admin/consultations/{consultation}/export.csv", ANALYSTS),
    row("/admin/consultations/{consultation}/export.xlsx", ANALYSTS),
    row("/admin/consultations/{consultation}/coding/", ANALYSTS),
    row("/admin/consultations/{consultation}/coding/{answer}/", ANALYSTS),
    row("/admin/consultations/{consultation}/themes/", ANALYSTS),
    row("/admin/consultations/{consultation}/themes/{theme}/", ANALYSTS),
    row("/admin/consultations/{consultation}/themes/{theme}/delete/", ANALYSTS),
    # Paper entry is for whoever may edit the consultation, as well as analysts.
    row("/admin/consultations/{consultation}/paper/", ANALYSTS | PAGE_EDITORS),
    # The quote chooser for updates shows what people wrote.
    row("/admin/tagged_answer_chooser/", ANALYSTS),
    row("/admin/tagged_answer_chooser/results/", ANALYSTS),
    row("/admin/tagged_answer_chooser/chosen/{answer}/", ANALYSTS),
    row("/admin/tagged_answer_chooser/chosen-multiple/?id={answer}", ANALYSTS),
    # Answers come from people, never from the chooser.
    row("/admin/tagged_answer_chooser/create/", ()),
]

REPORTS = [
    # Only groups given "Can view search log"; no group has it out of the box.
    row("/admin/reports/search-terms/", {ADMIN}),
    row("/admin/reports/search-terms/?download=popular", {ADMIN}),
    row("/admin/reports/search-terms/?download=zero-results", {ADMIN}),
    # Providers see their own services' review dates.
    row("/admin/reports/local-offer-reviews/", LOCAL_OFFER_TEAM | {PROVIDER}),
    row("/admin/reports/local-offer-reviews/?band=overdue", LOCAL_OFFER_TEAM | {PROVIDER}),
    row("/admin/schools/link-health/", {ADMIN}),
    row("/admin/schools/link-health/?format=csv", {ADMIN}),
]

SETTINGS = [
    row("/admin/settings/hub/councilsettings/", {ADMIN}, granted=MOVED),
    row("/admin/settings/hub/councilsettings/{site}/", {ADMIN}),
    # Council settings have no preview.
    row("/admin/settings/hub/councilsettings/{site}/preview/", (), {ADMIN}),
]

SNIPPETS = [
    # Services: the Local Offer team, and providers for their own organisation only.
    row("/admin/snippets/local_offer/service/", LOCAL_OFFER_TEAM | {PROVIDER}),
    row("/admin/snippets/local_offer/service/results/", LOCAL_OFFER_TEAM | {PROVIDER}),
    row(
        "/admin/snippets/local_offer/service/?organisation={other_org}",
        LOCAL_OFFER_TEAM | {PROVIDER},
    ),
    row("/admin/snippets/local_offer/service/add/", LOCAL_OFFER_TEAM | {PROVIDER}),
    row("/admin/snippets/local_offer/service/preview/", LOCAL_OFFER_TEAM | {PROVIDER}),
    *service_rows(
        "{own_service}", "{own_rev_a}", "{own_rev_b}", "{own_task}", "{own_workflow}", OK
    ),
    *service_rows(
        "{other_service}",
        "{other_rev_a}",
        "{other_rev_b}",
        "{other_task}",
        "{other_workflow}",
        NOT_FOUND,
    ),
    *chooser("local_offer/service", "{own_service}", STAFF, create_ok=()),
    row(
        "/admin/snippets/choose/local_offer/service/chosen/{other_service}/",
        STAFF - {PROVIDER},
        {PROVIDER},
    ),
    *snippet(
        "local_offer/organisation",
        "{other_org}",
        LOCAL_OFFER_TEAM,
        BASIC + REVISIONS,
        revisions=("{org_rev_a}", "{org_rev_b}"),
    ),
    # Organisations have no approval workflow: its screens find no task or workflow.
    row(
        "/admin/snippets/local_offer/organisation/workflow/action/{other_org}/approve/0/",
        (),
        LOCAL_OFFER_TEAM,
    ),
    row(
        "/admin/snippets/local_offer/organisation/workflow/collect_action_data/{other_org}/approve/0/",
        (),
        LOCAL_OFFER_TEAM,
    ),
    row(
        "/admin/snippets/local_offer/organisation/workflow_history/{other_org}/detail/0/",
        (),
        LOCAL_OFFER_TEAM,
    ),
    *chooser("local_offer/organisation", "{other_org}", STAFF, create_ok=()),
    *snippet("local_offer/location", "{location}", LOCAL_OFFER_TEAM, BASIC),
    *chooser("local_offer/location", "{location}", STAFF, create_ok=()),
    *snippet("local_offer/taxonomyterm", "{term}", LOCAL_OFFER_TEAM, BASIC),
    *chooser("local_offer/taxonomyterm", "{term}", STAFF, create_ok=()),
    # Who provides for which organisation: the Local Offer team decides.
    *snippet("local_offer/organisationmembership", "{membership}", LOCAL_OFFER_TEAM, BASIC),
    *chooser("local_offer/organisationmembership", "{membership}", LOCAL_OFFER_TEAM, create_ok=()),
    # Problem reports can hold the reporter's email address.
    *snippet(
        "local_offer/problemreport",
        "{report}",
        LOCAL_OFFER_TEAM,
        [v for v in BASIC if v != "copy/{pk}/"] + ["inspect/{pk}/"],
    ),
    *chooser("local_offer/problemreport", "{report}", LOCAL_OFFER_TEAM, create_ok=()),
    # The strategy's vocabulary, schools, synonyms and the council's words: no group out of
    # the box; the council gives them to whoever keeps them.
    *snippet("outcomes/ambition", "{ambition}", {ADMIN}, BASIC),
    *chooser("outcomes/ambition", "{ambition}", STAFF, create_ok={ADMIN}),
    *snippet("outcomes/outcome", "{outcome}", {ADMIN}, BASIC),
    *chooser("outcomes/outcome", "{outcome}", STAFF, create_ok={ADMIN}),
    *snippet("schools/school", "{school}", {ADMIN}, BASIC),
    *chooser("schools/school", "{school}", STAFF, create_ok=()),
    *snippet("schools/communityofschools", "{community}", {ADMIN}, BASIC),
    *chooser("schools/communityofschools", "{community}", STAFF, create_ok=()),
    *snippet("search/synonymset", "{synonyms}", {ADMIN}, BASIC),
    *chooser("search/synonymset", "{synonyms}", STAFF, create_ok=()),
    *snippet("hub/counciltext", "{council_text}", {ADMIN}, BASIC),
    *chooser("hub/counciltext", "{council_text}", STAFF, create_ok={ADMIN}),
    # Email addresses people gave: only those given the model's permissions.
    *snippet(
        "consultations/outcomesubscription",
        "{outcome_email}",
        {ADMIN},
        BASIC + ["inspect/{pk}/"],
    ),
    *chooser("consultations/outcomesubscription", "{outcome_email}", {ADMIN}, create_ok=()),
    # Nobody adds or changes a subscription: only its owner can, by email.
    *snippet(
        "you_said_we_did/subscription",
        "{subscription}",
        {ADMIN},
        BASIC + ["inspect/{pk}/"],
        add={"ok": ()},
        edit={"ok": ()},
        copy={"ok": ()},
        usage={"ok": ()},
    ),
    *chooser("you_said_we_did/subscription", "{subscription}", {ADMIN}, create_ok=()),
]

# Two-factor authentication: every member of staff, for their own account (hub/sign_in/).
TWO_FACTOR = [
    row("/admin/two-factor/", STAFF),
    row("/admin/two-factor/set-up/", STAFF),
    # Without an authenticator set up, these send staff back to the overview or the dashboard.
    row("/admin/two-factor/backup-codes/", STAFF, granted=MOVED),
    row("/admin/two-factor/turn-off/", STAFF, granted=MOVED),
    row("/admin/two-factor/code/", ()),
]

API = [
    api("/api/openreferral/"),
    api("/api/openreferral/services"),
    api("/api/openreferral/services/{api_service}"),
    api("/api/openreferral/services/{api_draft_service}", found=False),
    api("/api/openreferral/taxonomies"),
    api("/api/openreferral/taxonomies/{api_taxonomy}"),
    api("/api/openreferral/taxonomy_terms"),
    api("/api/openreferral/taxonomy_terms/{api_term}"),
    api("/api/openreferral/organizations"),
    api("/api/openreferral/organizations/{api_organisation}"),
    api("/api/openreferral/service_at_locations"),
    api("/api/openreferral/service_at_locations/{api_service_at_location}"),
]

# Wagtail's own screens: not guarded by the resolver test, but the roles must land right.
WAGTAIL = [
    row("/admin/", STAFF),
    row("/admin/pages/", PAGE_EDITORS),
    row("/admin/pages/{home}/", PAGE_EDITORS),
    row("/admin/pages/{consultation}/edit/", PAGE_EDITORS),
    row("/admin/pages/{home}/add_subpage/", PAGE_EDITORS),
    row("/admin/pages/{consultation}/delete/", {MODERATOR, ADMIN}),
    row("/admin/pages/{consultation}/unpublish/", {MODERATOR, ADMIN}),
    row("/admin/users/", {ADMIN}),
    row("/admin/groups/", {ADMIN}),
    row("/admin/workflows/list/", {ADMIN}),
    row("/admin/workflows/tasks/index/", {ADMIN}),
    row("/admin/sites/", {ADMIN}),
    row("/admin/locales/", {ADMIN}),
    row("/admin/redirects/", {ADMIN}),
    row("/admin/searchpicks/", {ADMIN}),
    row("/admin/images/", PAGE_EDITORS),
    row("/admin/documents/", PAGE_EDITORS),
    row("/admin/reports/site-history/", STAFF),
    row("/admin/reports/workflow/", PAGE_EDITORS),
    row("/admin/pages/search/?q=transport", PAGE_EDITORS),
    # Wagtail's page chooser (and the admin API behind it) is open to all staff.
    row("/admin/api/main/pages/?child_of=root", STAFF),
    row("/admin/choose-page/", STAFF),
    row("/admin/redirects/import/", {ADMIN}),
    # Translators (Editors and Moderators have "submit translation") may translate any
    # translatable record, services included; providers may not.
    row("/admin/localize/submit/snippet/local_offer/service/{other_service}/", PAGE_EDITORS),
    row(
        "/admin/localize/submit/snippet/you_said_we_did/subscription/{subscription}/",
        (),
        PAGE_EDITORS,
    ),
    # wagtail-localize's snippet lookup (used by its translation editor) shows each record's
    # name, which for a subscription is the email address.
    row("/admin/localize/api/snippets/you_said_we_did/subscription/", {ADMIN}),
    row("/admin/localize/api/snippets/you_said_we_did/subscription/{subscription}/", {ADMIN}),
    row("/admin/localize/api/snippets/consultations/outcomesubscription/", {ADMIN}),
    row("/admin/localize/api/snippets/local_offer/problemreport/", LOCAL_OFFER_TEAM),
    row("/admin/localize/api/snippets/local_offer/organisationmembership/", LOCAL_OFFER_TEAM),
    row("/admin/localize/api/snippets/outcomes/ambition/{ambition}/", STAFF),
    row(
        "/admin/localize/api/snippets/local_offer/service/{other_service}/",
        STAFF - {PROVIDER},
        {PROVIDER},
    ),
    # Django's own admin, for superusers only; everyone else is asked to sign in there.
    row("/django-admin/", {ADMIN}, refused=LOGIN),
]

TABLE = CONSULTATION_RESULTS + REPORTS + SETTINGS + SNIPPETS + TWO_FACTOR + API + WAGTAIL

# Words from records holding personal data: a role that may not open the record must not see
# them anywhere.
PERSONAL = {
    RESPONDENT_EMAIL: {ADMIN},
    SUBSCRIBER_EMAIL: {ADMIN},
    REPORTER_EMAIL: LOCAL_OFFER_TEAM,
    WRITTEN_ANSWER: ANALYSTS,
}


# --- Fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The roles and records, made once for the module inside a transaction that is rolled back
    at the end. Each test runs in a savepoint of its own, so what one test posts is undone
    before the next."""
    with django_db_blocker.unblock():
        cache.clear()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            data = make_world()
            clients = {ANONYMOUS: Client()}
            for role, user in data.pop("users").items():
                clients[role] = Client()
                clients[role].force_login(user)
            yield data, clients
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


def outcome(response) -> str:
    status, location = response.status_code, response.get("Location", "")
    if status == 200:
        return OK
    if status == 404:
        return NOT_FOUND
    if status == 403 or (status == 302 and location == "/admin/"):
        return DENIED
    if status == 302 and "/login/" in location:
        return LOGIN
    if status == 302:
        return MOVED
    return f"{status} {location}".strip()


# --- The table, role by role -----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("entry", TABLE, ids=lambda entry: entry.url)
def test_who_may_open(world, entry):
    data, clients = world
    url = entry.url.format(**data)
    wrong = []
    for role in ROLES:
        response = clients[role].get(url)
        got, expected = outcome(response), entry.expected(role)
        if got != expected:
            wrong.append(f"{role}: expected {expected}, got {got}")
        body = response.content.decode(errors="replace") if got == OK else ""
        for words, allowed in PERSONAL.items():
            if words in body and role not in allowed:
                wrong.append(f"{role}: sees personal data {words!r}")
    assert not wrong, f"GET {url}\n  " + "\n  ".join(wrong)


# --- Changes: who may make them, and whether they happened ----------------------------------


@dataclass(frozen=True)
class Change:
    """A POST that changes something, who may make it, and how to tell whether it happened.
    A refused role must get its refusal (`refused_as` overrides it: a form shown again with an
    error) and leave nothing changed."""

    name: str
    url: str
    allowed: frozenset
    happened: Callable[[dict], bool]
    data: Callable[[dict], dict] = lambda world: {}
    not_found: frozenset = frozenset()
    refused_as: dict = field(default_factory=dict)
    before: Callable[[dict], None] = lambda world: None  # sets the scene, as staff would

    def refusal(self, role: str) -> str:
        if role in self.refused_as:
            return self.refused_as[role]
        if role in self.not_found:
            return NOT_FOUND
        return LOGIN if role == ANONYMOUS else DENIED


def change(name, url, allowed, happened, data=None, **options) -> Change:
    return Change(name, url, frozenset(allowed), happened, data or (lambda world: {}), **options)


def _answer_has_theme(world) -> bool:
    return Answer.objects.filter(pk=world["answer"], themes=world["theme"]).exists()


def _latest_name(world, key: str) -> str:
    """The name in a service's latest revision: what a save (not a publish) changes."""
    revision = Service.objects.get(pk=world[key]).latest_revision
    return revision.content["name"] if revision else ""


CONSULTATION = "/admin/consultations/{consultation}"
SERVICE = "/admin/snippets/local_offer/service"

CHANGES = [
    change(
        "code answers in bulk",
        f"{CONSULTATION}/coding/",
        ANALYSTS,
        _answer_has_theme,
        lambda w: {"answers": [w["answer"]], "action": "add", "themes": [w["theme"]]},
    ),
    change(
        "code one answer",
        f"{CONSULTATION}/coding/{{answer}}/",
        ANALYSTS,
        _answer_has_theme,
        lambda w: {"themes": [w["theme"]]},
    ),
    change(
        "add a theme",
        f"{CONSULTATION}/themes/",
        ANALYSTS,
        lambda w: Theme.objects.filter(name="Walking routes").exists(),
        lambda w: {"name": "Walking routes"},
    ),
    change(
        "rename a theme",
        f"{CONSULTATION}/themes/{{theme}}/",
        ANALYSTS,
        lambda w: Theme.objects.filter(pk=w["theme"], name="Renamed").exists(),
        lambda w: {"name": "Renamed"},
    ),
    change(
        "delete a theme",
        f"{CONSULTATION}/themes/{{theme}}/delete/",
        ANALYSTS,
        lambda w: not Theme.objects.filter(pk=w["theme"]).exists(),
    ),
    change(
        "enter a paper response",
        f"{CONSULTATION}/paper/",
        ANALYSTS | PAGE_EDITORS,
        lambda w: Response.objects.filter(channel="paper").exists(),
        lambda w: {"who": "young-person", "agree-1": "2", "change-1": "Written on paper"},
    ),
    change(
        "queue a check of every report link",
        "/admin/schools/link-health/",
        {ADMIN},
        lambda w: School.objects.get(pk=w["school"]).last_check_status == "missing",
    ),
    change(
        "save another organisation's service",
        f"{SERVICE}/edit/{{other_service}}/",
        LOCAL_OFFER_TEAM,
        lambda w: _latest_name(w, "other_service") == "Taken over",
        lambda w: w["other_service_form"],
        not_found={PROVIDER},
    ),
    # (The provider's other service waits for approval, locked to all but the approvers.)
    change(
        "save the provider's own service",
        f"{SERVICE}/edit/{{draft_service}}/",
        LOCAL_OFFER_TEAM | {PROVIDER},
        lambda w: _latest_name(w, "draft_service") == "Own service, new times",
        lambda w: w["own_service_form"],
    ),
    change(
        "add a service to another organisation",
        f"{SERVICE}/add/",
        LOCAL_OFFER_TEAM,
        lambda w: Service.objects.filter(name="Brand new service").exists(),
        lambda w: w["new_service_form"],
        refused_as={PROVIDER: OK},  # the form again: "You can add services for your own ..."
    ),
    change(
        "delete another organisation's service",
        f"{SERVICE}/delete/{{other_service}}/",
        LOCAL_OFFER_TEAM,
        lambda w: not Service.objects.filter(pk=w["other_service"]).exists(),
        not_found={PROVIDER},
    ),
    change(
        "delete another organisation's service in bulk",
        "/admin/bulk/local_offer/service/delete/?id={other_service}",
        LOCAL_OFFER_TEAM,
        lambda w: not Service.objects.filter(pk=w["other_service"]).exists(),
        # Wagtail's bulk actions send the refused back to the (now empty) action.
        refused_as=dict.fromkeys(STAFF - LOCAL_OFFER_TEAM, MOVED),
    ),
    change(
        "approve another organisation's service",
        f"{SERVICE}/workflow/action/{{other_service}}/approve/{{other_task}}/",
        LOCAL_OFFER_TEAM,
        lambda w: TaskState.objects.get(pk=w["other_task"]).status == "approved",
        lambda w: {"comment": ""},
        not_found={PROVIDER},
    ),
    change(
        "unpublish another organisation's service",
        f"{SERVICE}/unpublish/{{other_service}}/",
        LOCAL_OFFER_TEAM,
        lambda w: not Service.objects.get(pk=w["other_service"]).live,
        not_found={PROVIDER},
    ),
    change(
        "lock another organisation's service",
        f"{SERVICE}/lock/{{other_service}}/",
        LOCAL_OFFER_TEAM,
        lambda w: Service.objects.get(pk=w["other_service"]).locked,
        not_found={PROVIDER},
    ),
    # While a service waits for approval, only whoever locked it (or a superuser) unlocks it.
    change(
        "unlock another organisation's service",
        f"{SERVICE}/unlock/{{other_service}}/",
        {ADMIN},
        lambda w: not Service.objects.get(pk=w["other_service"]).locked,
        not_found={PROVIDER},
        before=lambda w: Service.objects.filter(pk=w["other_service"]).update(
            locked=True, locked_by_id=w["admin_user"]
        ),
    ),
    change(
        "lock an organisation",
        "/admin/snippets/local_offer/organisation/lock/{other_org}/",
        LOCAL_OFFER_TEAM,
        lambda w: Organisation.objects.get(pk=w["other_org"]).locked,
    ),
    change(
        "unlock an organisation",
        "/admin/snippets/local_offer/organisation/unlock/{other_org}/",
        LOCAL_OFFER_TEAM,
        lambda w: not Organisation.objects.get(pk=w["other_org"]).locked,
        before=lambda w: Organisation.objects.filter(pk=w["other_org"]).update(locked=True),
    ),
    change(
        "link a provider to another organisation",
        "/admin/snippets/local_offer/organisationmembership/add/",
        LOCAL_OFFER_TEAM,
        lambda w: OrganisationMembership.objects.filter(organisation_id=w["other_org"]).exists(),
        lambda w: {"user": w["provider_user"], "organisation": w["other_org"]},
    ),
    change(
        "mark a problem report dealt with",
        "/admin/snippets/local_offer/problemreport/edit/{report}/",
        LOCAL_OFFER_TEAM,
        lambda w: ProblemReport.objects.get(pk=w["report"]).resolved,
        lambda w: {"resolved": "on"},
    ),
    change(
        "add a synonym set",
        "/admin/snippets/search/synonymset/add/",
        {ADMIN},
        lambda w: SynonymSet.objects.filter(terms__contains="Pelican crossing").exists(),
        lambda w: {"terms": "Zebra crossing\nPelican crossing", "note": ""},
    ),
    change(
        "delete an update subscription",
        "/admin/snippets/you_said_we_did/subscription/delete/{subscription}/",
        {ADMIN},
        lambda w: not Subscription.objects.filter(pk=w["subscription"]).exists(),
    ),
    change(
        "sign someone up for updates",
        "/admin/snippets/you_said_we_did/subscription/add/",
        (),
        lambda w: Subscription.objects.filter(email="signed.up@example.org").exists(),
        lambda w: {"email": "signed.up@example.org", "language": "en-gb"},
    ),
    change(
        "sign someone up for updates from the chooser",
        "/admin/snippets/choose/you_said_we_did/subscription/create/",
        (),
        lambda w: Subscription.objects.filter(email="signed.up@example.org").exists(),
        lambda w: {"email": "signed.up@example.org", "language": "en-gb"},
        # The chooser offers no form to create one.
    ),
    change(
        "delete an email given for outcomes",
        "/admin/snippets/consultations/outcomesubscription/delete/{outcome_email}/",
        {ADMIN},
        lambda w: not OutcomeSubscription.objects.filter(pk=w["outcome_email"]).exists(),
    ),
    change(
        "translate another organisation's service",
        "/admin/localize/submit/snippet/local_offer/service/{other_service}/",
        {EDITOR, MODERATOR, ADMIN},
        lambda w: Service.objects.filter(
            translation_key=Service.objects.get(pk=w["other_service"]).translation_key,
            locale_id=w["polish"],
        ).exists(),
        lambda w: {"locales": [w["polish"]]},
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "entry, role",
    [(entry, role) for entry in CHANGES for role in ROLES],
    ids=lambda value: value if isinstance(value, str) else value.name,
)
def test_who_may_change(world, entry, role):
    data, clients = world
    url = entry.url.format(**data)
    entry.before(data)
    response = clients[role].post(url, entry.data(data))
    got, happened = outcome(response), entry.happened(data)
    if role in entry.allowed:
        assert happened, f"{role} could not {entry.name}: POST {url} gave {got}"
    else:
        assert not happened, f"{role} managed to {entry.name}: POST {url} gave {got}"
        assert got == entry.refusal(role), f"POST {url} as {role}"


# --- The guard: every project admin and API address is in the table --------------------------

PROJECT_APPS = set(settings.PROJECT_APPS)


def walk(patterns, prefix=""):
    """(route, pattern) for every address, routes joined as Django's ResolverMatch.route joins
    them (a nested regular expression loses its "^")."""
    for pattern in patterns:
        part = str(pattern.pattern)
        route = prefix + part.removeprefix("^") if prefix else part
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern


def is_project_route(route: str, pattern: URLPattern) -> bool:
    """An admin or API address whose view is the project's own, or that serves one of its
    models (snippet screens and choosers, settings)."""
    if not route.startswith(("admin/", "api/")):
        return False
    view = getattr(pattern.callback, "view_class", pattern.callback)
    if view.__module__.split(".")[0] in PROJECT_APPS:
        return True
    parts = route.split("/")
    return parts[1] == "snippets" and (set(parts[2:4]) & PROJECT_APPS) != set()


def resolve_entry(url: str):
    """Where a table address goes, with any record it names standing in as 1."""
    return resolve(re.sub(r"\{\w+\}", "1", url.split("?")[0]))


def table_routes() -> set[str]:
    """The resolver routes the table's addresses reach, with settings' app and model filled in
    (one generic route serves every setting)."""
    routes = set()
    for entry in [*TABLE, *CHANGES]:
        match = resolve_entry(entry.url)
        route = match.route
        if route.startswith("admin/settings/"):
            route = route.replace("<slug:app_name>", match.kwargs["app_name"])
            route = route.replace("<slug:model_name>", match.kwargs["model_name"])
        routes.add(route)
    return routes


def project_routes() -> set[str]:
    from wagtail.contrib.settings.registry import registry as settings_registry

    routes = {route for route, pattern in walk(get_resolver().url_patterns)}
    found = {
        route
        for route, pattern in walk(get_resolver().url_patterns)
        if is_project_route(route, pattern)
    }
    for model in settings_registry:
        if model._meta.app_label in PROJECT_APPS:
            for route in routes:
                if route.startswith("admin/settings/<slug:app_name>/<slug:model_name>/"):
                    found.add(
                        route.replace("<slug:app_name>", model._meta.app_label).replace(
                            "<slug:model_name>", model._meta.model_name
                        )
                    )
    return found


def test_every_project_admin_and_api_address_is_in_the_table():
    missing = sorted(project_routes() - table_routes())
    assert not missing, (
        "Decide who may use these addresses and add them to the table in "
        "tests/unit/hub/test_permissions.py:\n  " + "\n  ".join(missing)
    )


def test_the_table_names_no_address_that_has_gone():
    """Wagtail's admin answers any unknown address with its "not found" catch-all, so a row
    for a removed screen would pass quietly."""
    catch_all = resolve("/admin/no-such-screen/").func
    stale = [
        entry.url for entry in [*TABLE, *CHANGES] if resolve_entry(entry.url).func is catch_all
    ]
    assert not stale


def test_snippets_holding_personal_data_keep_their_chooser_closed():
    """Wagtail lets anyone who can sign in list any snippet in its chooser. A snippet with an
    email address or a user account in it must not be listed that way."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.db.models import EmailField, ForeignKey

    from hub.admin_access import GuardedSnippetViewSet

    # Contact addresses published for parents: an organisation's, a service's, a school's SENCo.
    public_addresses = {"local_offer.Organisation", "local_offer.Service", "schools.School"}
    open_choosers = []
    for model in apps.get_models():
        viewset = getattr(model, "snippet_viewset", None)
        if viewset is None or model._meta.app_label not in PROJECT_APPS:
            continue
        personal = any(
            isinstance(f, EmailField)
            or (isinstance(f, ForeignKey) and f.related_model is get_user_model())
            for f in model._meta.get_fields()
            if f.name != "locked_by"  # Wagtail's own note of who is editing
        )
        closed = isinstance(viewset, GuardedSnippetViewSet) and viewset.chooser_needs_permission
        if personal and model._meta.label not in public_addresses and not closed:
            open_choosers.append(model._meta.label)
    assert not open_choosers
