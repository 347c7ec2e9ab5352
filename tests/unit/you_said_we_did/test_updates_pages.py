"""The updates index and update pages: filters with counts, what an update shows, the evidence it
cites, the approval workflow, the home page's lists and flat query counts."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from consultations.factories import (
    AnswerFactory,
    ConsultationPageFactory,
    ResponseFactory,
    ThemeFactory,
)
from outcomes.factories import AmbitionFactory, OutcomeFactory
from you_said_we_did.factories import (
    ProgressNoteFactory,
    UpdateIndexPageFactory,
    UpdatePageFactory,
)
from you_said_we_did.models import Evidence, Quote, UpdatePage
from you_said_we_did.quotes import anonymise

pytestmark = pytest.mark.django_db


@pytest.fixture
def ambitions():
    return {n: AmbitionFactory(number=n, title=f"Ambition title {n}") for n in (1, 2, 3)}


@pytest.fixture
def index(home):
    return UpdateIndexPageFactory(parent=home)


@pytest.fixture
def consultation(home):
    return ConsultationPageFactory(parent=home, title="Transport consultation", slug="transport")


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(page_soup) -> list[str]:
    return [a.get_text(strip=True) for a in page_soup.select(".hub-update-list h3 a")]


def test_index_lists_live_updates_and_filters_combine(client, index, ambitions, consultation):
    UpdatePageFactory(
        parent=index, title="Waits", ambitions=[ambitions[1]], status="planned", progress=0
    )
    UpdatePageFactory(
        parent=index,
        title="Letters",
        ambitions=[ambitions[1], ambitions[2]],
        status="in-progress",
        consultations=[consultation],
    )
    UpdatePageFactory(
        parent=index, title="Training", ambitions=[ambitions[2]], status="done", progress=100
    )
    draft = UpdatePageFactory(parent=index, title="Draft one", ambitions=[ambitions[1]])
    draft.unpublish()

    page = soup(client.get(index.url))
    assert sorted(titles(page)) == ["Letters", "Training", "Waits"]
    assert "3 updates" in page.select_one("#results-heading").get_text()

    assert sorted(titles(soup(client.get(index.url, {"ambition": "1"})))) == ["Letters", "Waits"]
    assert titles(soup(client.get(index.url, {"ambition": "1", "status": "planned"}))) == ["Waits"]
    assert titles(soup(client.get(index.url, {"consultation": "transport"}))) == ["Letters"]
    assert titles(soup(client.get(index.url, {"ambition": "3"}))) == []


def test_each_filter_option_shows_its_count(client, index, ambitions):
    UpdatePageFactory(parent=index, ambitions=[ambitions[1]], status="planned", progress=0)
    UpdatePageFactory(
        parent=index, ambitions=[ambitions[1], ambitions[2]], status="done", progress=100
    )
    page = soup(client.get(index.url))
    options = {o["value"]: o.get_text() for o in page.select("select[name=ambition] option")}
    assert "(2 updates)" in options["1"]
    assert "(1 update)" in options["2"]
    assert "(0 updates)" in options["3"]
    statuses = {
        i["value"]: i.find_next("label").get_text() for i in page.select("input[name=status]")
    }
    assert "(1 update)" in statuses["done"]
    assert "(0 updates)" in statuses["in-progress"]


def test_each_count_allows_for_the_other_filters_chosen(client, index, ambitions):
    """An option's count is how many updates choosing it would give, with the other filters as
    they are (with status=done, ambition 1 gives 1 update, not its 2 overall)."""
    UpdatePageFactory(parent=index, ambitions=[ambitions[1]], status="planned", progress=0)
    UpdatePageFactory(
        parent=index, ambitions=[ambitions[1], ambitions[2]], status="done", progress=100
    )
    page = soup(client.get(index.url, {"status": "done"}))
    options = {o["value"]: o.get_text() for o in page.select("select[name=ambition] option")}
    assert "(1 update)" in options["1"]
    assert "(1 update)" in options["2"]
    assert "(0 updates)" in options["3"]
    # A filter's own options are counted without it: the other statuses can still be chosen.
    statuses = {
        i["value"]: i.find_next("label").get_text() for i in page.select("input[name=status]")
    }
    assert "(1 update)" in statuses["planned"] and "(1 update)" in statuses["done"]

    page = soup(client.get(index.url, {"ambition": "2"}))
    statuses = {
        i["value"]: i.find_next("label").get_text() for i in page.select("input[name=status]")
    }
    assert "(0 updates)" in statuses["planned"] and "(1 update)" in statuses["done"]

    # Every option gives what it says.
    for number in ("1", "2", "3"):
        label = options[number]
        got = len(titles(soup(client.get(index.url, {"status": "done", "ambition": number}))))
        assert f"({got} update" in label, (number, label, got)


def test_the_consultation_filter_tells_apart_consultations_with_the_same_slug(
    client, home, index, ambitions
):
    """Slugs are unique only among siblings, so the filter uses the consultation's translation
    key; an old link naming a slug still works when only one consultation has it."""
    from home.factories import IndexPageFactory

    here = ConsultationPageFactory(parent=home, title="Transport 2025", slug="transport")
    section = IndexPageFactory(parent=home, title="Schools", slug="schools")
    there = ConsultationPageFactory(parent=section, title="Transport 2026", slug="transport")
    UpdatePageFactory(parent=index, title="Buses", consultations=[here])
    UpdatePageFactory(parent=index, title="Taxis", consultations=[there])

    page = soup(client.get(index.url))
    options = {o.get_text(): o["value"] for o in page.select("select[name=consultation] option")}
    assert options["Transport 2025 (1 update)"] == str(here.translation_key)
    assert options["Transport 2026 (1 update)"] == str(there.translation_key)
    assert titles(soup(client.get(index.url, {"consultation": here.translation_key}))) == ["Buses"]
    assert titles(soup(client.get(index.url, {"consultation": there.translation_key}))) == ["Taxis"]
    # "transport" could be either, so it is reported and ignored rather than guessed.
    page = soup(client.get(index.url, {"consultation": "transport"}))
    assert page.select_one(".govuk-error-summary")
    assert sorted(titles(page)) == ["Buses", "Taxis"]


def test_the_ambition_hint_says_what_an_ambition_is(client, index, ambitions):
    hint = "Ambitions are the things our SEND strategy most wants to improve."
    page = soup(client.get(index.url))
    assert page.select_one("#id_ambition-hint").get_text(strip=True) == hint
    assert "five" not in page.select_one("form[aria-labelledby=filters-heading]").get_text()
    subscribe = soup(client.get(f"{index.url}subscribe/"))
    assert subscribe.select_one("#id_ambitions-hint").get_text(strip=True).startswith(hint)


def test_a_bad_filter_value_is_reported_not_a_500(client, index, ambitions):
    UpdatePageFactory(parent=index, ambitions=[ambitions[1]])
    page = soup(client.get(index.url, {"ambition": "<script>", "status": "\x00"}))
    assert page.select_one(".govuk-error-summary")
    assert "<script>" not in str(page.select_one("main")).replace("&lt;script&gt;", "")
    assert len(titles(page)) == 1  # the bad filters are ignored


def test_update_page_shows_everything_a_reader_needs(client, index, ambitions, consultation):
    outcome = OutcomeFactory(title="My independence")
    update = UpdatePageFactory(
        parent=index,
        title="Shorter waits",
        status="in-progress",
        progress=55,
        ambitions=[ambitions[2]],
        outcomes=[outcome],
        consultations=[consultation],
    )
    ProgressNoteFactory(page=update, note="Recruited two caseworkers.")
    theme = ThemeFactory(consultation=consultation, name="Waiting times")
    for _ in range(3):
        answer = AnswerFactory(
            response=ResponseFactory(consultation=consultation), value="Waits are too long"
        )
        answer.themes.add(theme)
    evidence = Evidence(
        page=update, consultation=consultation, theme=theme, statement="waits are long"
    )
    evidence.clean()
    evidence.save()
    Quote.objects.create(page=update, answer=answer, text="Waits are too long")
    update.save_revision().publish()

    page = soup(client.get(update.url))
    main = page.select_one("main").get_text(" ", strip=True)
    assert "In progress" in main and "55% complete" in main
    assert "3 people told us waits are long" in main
    assert "Recruited two caseworkers." in main
    assert "Waits are too long" in page.select_one(".hub-quote").get_text()
    assert "My independence" in main
    assert page.select_one(f'a[href="{consultation.url}"]')
    assert page.select_one("rect.hub-progress__done")["width"] == "55"
    assert update.easy_read_summary in main


def test_evidence_must_exist_in_the_consultation(index, consultation, home):
    update = UpdatePageFactory(parent=index, consultations=[consultation])
    theme = ThemeFactory(consultation=consultation)
    with pytest.raises(ValidationError, match="no evidence"):
        Evidence(page=update, consultation=consultation, theme=theme, statement="x").clean()
    other = ThemeFactory(consultation=ConsultationPageFactory(parent=home))
    with pytest.raises(ValidationError, match="another consultation"):
        Evidence(page=update, consultation=consultation, theme=other, statement="x").clean()
    with pytest.raises(ValidationError, match="Choose what to count"):
        Evidence(page=update, consultation=consultation, statement="x").clean()


def test_evidence_counts_people_not_answers(index, consultation):
    update = UpdatePageFactory(parent=index)
    ambition = AmbitionFactory(number=4)
    response = ResponseFactory(consultation=consultation)
    for key in ("change-1", "change-2"):
        AnswerFactory(response=response, question_key=key).ambitions.add(ambition)
    AnswerFactory(response=ResponseFactory(consultation=consultation)).ambitions.add(ambition)
    AnswerFactory(response=ResponseFactory(consultation=consultation))  # untagged
    evidence = Evidence(page=update, consultation=consultation, ambition=ambition, statement="x")
    evidence.clean()
    assert evidence.count == 2
    evidence = Evidence(
        page=update,
        consultation=consultation,
        question_key="change-1",
        answer_value="More help at school.",
        statement="x",
    )
    evidence.clean()
    assert evidence.count == 3


def test_status_and_progress_must_agree(index):
    update = UpdatePageFactory.build(status=UpdatePage.Status.DONE, progress=60)
    with pytest.raises(ValidationError):
        update.clean()
    update = UpdatePageFactory.build(status=UpdatePage.Status.PLANNED, progress=100)
    with pytest.raises(ValidationError):
        update.clean()


def test_quotes_are_anonymised_when_taken_from_an_answer(index, consultation):
    answer = AnswerFactory(
        response=ResponseFactory(consultation=consultation),
        value="Call me on 07700 900123 or mum@example.com, we live at ME14 1XX https://x.test/a",
    )
    quote = Quote(page=UpdatePageFactory(parent=index), answer=answer)
    with pytest.raises(ValidationError, match="tagged or coded"):
        quote.clean()  # untagged answers are not evidence
    answer.themes.add(ThemeFactory(consultation=consultation))
    quote.clean()
    assert "07700" not in quote.text and "example.com" not in quote.text
    assert "ME14" not in quote.text and "x.test" not in quote.text
    assert "[phone number removed]" in quote.text
    assert anonymise("  plain   words ") == "plain words"


def admin_form_data(response, form_id: str = "page-edit-form") -> dict:
    """What a browser would post from the admin form in `response`, as it stands."""
    form = soup(response).find("form", id=form_id)
    data: dict = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        kind = field.get("type", "")
        if not name or field.has_attr("disabled") or kind in {"submit", "button", "file"}:
            continue
        if kind in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.name == "select":
            chosen = [o.get("value", o.get_text()) for o in field.find_all("option", selected=True)]
            data[name] = chosen if field.has_attr("multiple") else (chosen or [""])[0]
        elif field.name == "textarea":
            data[name] = field.get_text()
        else:
            data[name] = field.get("value", "")
    return data


def test_editors_cannot_publish_updates_without_approval(client, index, ambitions):
    """An editor's "Publish" on an update's edit form only saves a draft; submitted, it waits
    for a moderator, and goes live only when a moderator approves it."""
    from django.urls import reverse

    editor = User.objects.create_user("editor", password="pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    moderator = User.objects.create_user("moderator", password="pw", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    update = UpdatePageFactory(parent=index, title="Needs approval", ambitions=[ambitions[1]])
    update.unpublish()
    edit_url = reverse("wagtailadmin_pages:edit", args=[update.pk])

    client.force_login(editor)
    form = admin_form_data(client.get(edit_url))
    assert form["title"] == "Needs approval"  # the project's own edit form, as shown
    form["title"] = "Approved update"
    response = client.post(edit_url, {**form, "action-publish": "action-publish"})
    assert response.status_code == 302
    update.refresh_from_db()
    assert not update.live
    assert update.latest_revision.content["title"] == "Approved update"  # saved as a draft
    assert client.get(update.url).status_code == 404

    response = client.post(edit_url, {**form, "action-submit": "action-submit"})
    assert response.status_code == 302
    update.refresh_from_db()
    assert not update.live and update.workflow_in_progress

    client.force_login(moderator)
    task_state = update.current_workflow_state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[update.pk, "approve", task_state.pk]
    )
    assert client.post(approve_url, {"comment": ""}).status_code in {200, 302}
    update.refresh_from_db()
    assert update.live and update.title == "Approved update"
    client.logout()
    assert client.get(update.url).status_code == 200


def test_home_page_shows_open_consultations_and_latest_updates(client, home, index):
    ConsultationPageFactory(parent=home, title="Open now")
    closed = ConsultationPageFactory(parent=home, title="Closed already")
    closed.closes_at = closed.opens_at
    closed.opens_at = closed.opens_at.replace(year=closed.opens_at.year - 1)
    closed.save_revision().publish()
    UpdatePageFactory(parent=index, title="Newest update")
    page = soup(client.get(home.url))
    consultations = page.select_one("#open-consultations").find_parent("section").get_text()
    assert "Open now" in consultations and "Closed already" not in consultations
    assert "Newest update" in page.select_one("#latest-updates").find_parent("section").get_text()


def test_translated_index_uses_the_default_ambitions_when_untranslated(client, home, ambitions):
    """A Polish index whose ambitions have not been translated yet still filters by them."""
    english = UpdateIndexPageFactory(parent=home)
    polish_locale = Locale.objects.get_or_create(language_code="pl")[0]
    assert polish_locale.pk != Locale.get_default().pk
    polish_home = home.copy_for_translation(polish_locale)
    polish_home.save_revision().publish()
    polish = english.copy_for_translation(polish_locale)
    polish.save_revision().publish()
    UpdatePageFactory(parent=polish, title="Po polsku", ambitions=[ambitions[1]])
    UpdatePageFactory(parent=polish, title="Inne", ambitions=[ambitions[2]])
    page = soup(client.get(polish.url, {"ambition": "1"}))
    options = [o["value"] for o in page.select("select[name=ambition] option")]
    assert options == ["", "1", "2", "3"]
    assert titles(page) == ["Po polsku"]


QUERY_BUDGET = {"index": 23, "update": 30}


def test_index_and_update_query_counts_do_not_grow(index, ambitions, consultation, count_queries):
    first = UpdatePageFactory(parent=index, ambitions=[ambitions[1]], consultations=[consultation])
    ProgressNoteFactory(page=first)
    small = (count_queries(index.url), count_queries(first.url))
    for n in range(12):
        update = UpdatePageFactory(
            parent=index, ambitions=[ambitions[1], ambitions[2]], consultations=[consultation]
        )
        ProgressNoteFactory(page=update)
        ProgressNoteFactory(page=first, note=f"Step {n}")
        Quote.objects.create(page=first, text=f"Quote {n}")
    first.save_revision().publish()
    assert (count_queries(index.url), count_queries(first.url)) == small
    assert small == (QUERY_BUDGET["index"], QUERY_BUDGET["update"])


def test_staff_can_find_and_delete_subscriptions_but_not_add_or_edit_them(client):
    from django.urls import reverse

    from you_said_we_did.factories import SubscriptionFactory

    admin = User.objects.create_superuser("boss", password="pw")
    client.force_login(admin)
    subscription = SubscriptionFactory()
    listing = client.get(reverse("wagtailsnippets_you_said_we_did_subscription:list"))
    assert listing.status_code == 200 and subscription.email in listing.content.decode()
    add = client.get(reverse("wagtailsnippets_you_said_we_did_subscription:add"))
    edit = client.get(
        reverse("wagtailsnippets_you_said_we_did_subscription:edit", args=[subscription.pk])
    )
    assert add.status_code in {302, 403} and edit.status_code in {302, 403}
    delete_url = reverse(
        "wagtailsnippets_you_said_we_did_subscription:delete", args=[subscription.pk]
    )
    assert client.post(delete_url).status_code == 302
    assert not type(subscription).objects.filter(pk=subscription.pk).exists()
