"""Hostile answers to a questionnaire and the other places public text is shown back or
exported: every question type refuses what it cannot take with a message; what it takes is
stored exactly as typed, shown escaped (check your answers, the analysis, the coding screen,
problem reports, the search terms report), neutralised in every spreadsheet download, and a
response is saved whole or not at all.
"""

from __future__ import annotations

import csv
import io
from unittest import mock

import hostile
import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import DatabaseError
from django.utils.html import escape
from hostile import PAYLOADS, RAW_VALUES, has_error_summary, problems
from openpyxl import load_workbook

from consultations.models import Answer, Response, SavedProgress
from consultations.wizard import wizard_prefix
from local_offer.models import ProblemReport

pytestmark = pytest.mark.django_db

world = hostile.world  # the fixture: a small site with every public form and endpoint

STEP_1 = {"who": "parent-carer"}
STEP_2 = {"school": "mainstream", "district": "ashford"}
# Typed text a short or long answer accepts: markup, links, SQL and formulas are just words.
ACCEPTED_TEXT = [
    "script",
    "img-onerror",
    "javascript-url",
    "sql",
    "sql-drop",
    "formula",
    "formula-plus",
    "formula-minus",
    "formula-at",
    "formula-tab",
    "formula-cr",
    "control",
    "bidi",
    "emoji",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def analyst(client):
    user = User.objects.create_user("analyst", password="x")
    user.groups.add(Group.objects.get(name="Consultation analysts"))
    return user


def _post_step(client, w, step: str, answers: dict, **extra):
    payload = {f"{wizard_prefix(w.consultation)}-current_step": step}
    payload.update({f"{step}-{key}": value for key, value in answers.items()})
    payload.update(extra)
    return client.post(f"{w.consultation.url}answer/{step}/", payload)


def _answer_everything(client, w, step_1: dict, step_2: dict | None = None):
    client.get(f"{w.consultation.url}answer/")
    first = _post_step(client, w, "step-1", {**STEP_1, **step_1})
    assert first.status_code == 302, first.content.decode()[:2000]
    second = _post_step(client, w, "step-2", {**STEP_2, **(step_2 or {})})
    assert second.status_code == 302
    return client.get(f"{w.consultation.url}answer/check/")


# --- Every question type ----------------------------------------------------------------------

FIELDS = {
    "step-1": ["who", "name", "story", "contact", "age", "when_day", "when_month", "when_year"],
    "step-2": [
        "school",
        "help",
        "ehcp",
        "rating",
        "agree",
        "district",
        "band",
        "consent",
        "website",
    ],
}


@pytest.mark.parametrize(
    ("step", "field"), [(step, field) for step, fields in FIELDS.items() for field in fields]
)
def test_every_question_type_takes_hostile_input_without_an_error(client, world, step, field):
    """Each payload in each question of the questionnaire: the step either moves on or shows
    an error summary, never a server error or markup."""
    client.get(f"{world.consultation.url}answer/")
    if step == "step-2":
        _post_step(client, world, "step-1", STEP_1)
    valid = STEP_1 if step == "step-1" else STEP_2
    failures = []
    for kind, payload in PAYLOADS.items():
        response = _post_step(client, world, step, {**valid, field: payload})
        found = problems(response)
        if response.status_code == 200 and not has_error_summary(response):
            found.append("a 200 without an error summary")
        if found:
            failures.append(f"{field}={kind}: {', '.join(found)}")
    prefix = wizard_prefix(world.consultation)
    for kind, raw in RAW_VALUES.items():
        body = f"{prefix}-current_step={step}&{step}-{field}={raw}".encode("latin-1")
        response = client.generic(
            "POST",
            f"{world.consultation.url}answer/{step}/",
            body,
            content_type="application/x-www-form-urlencoded",
        )
        found = problems(response)
        if found:
            failures.append(f"{field}={kind}: {', '.join(found)}")
    assert failures == []


@pytest.mark.parametrize("kind", ACCEPTED_TEXT)
def test_typed_answers_are_stored_as_typed_and_shown_escaped(client, world, kind):
    payload = PAYLOADS[kind]
    check = _answer_everything(client, world, {"name": payload, "story": payload})
    assert check.status_code == 200
    assert problems(check) == []
    typed = payload.strip()  # Django trims spaces, tabs and line breaks round an answer
    assert escape(typed) in check.content.decode()

    sent = client.post(f"{world.consultation.url}answer/check/", {"submit": "1"})
    assert sent.status_code == 302
    answers = dict(Answer.objects.values_list("question_key", "value"))
    assert answers["name"] == typed
    assert answers["story"] == typed


def test_an_answer_too_long_is_refused_and_nothing_is_kept(client, world):
    client.get(f"{world.consultation.url}answer/")
    response = _post_step(client, world, "step-1", {**STEP_1, "story": PAYLOADS["long"]})
    assert response.status_code == 200
    assert has_error_summary(response)
    assert not Response.objects.exists()


def test_a_huge_step_is_refused_plainly(client, world):
    client.get(f"{world.consultation.url}answer/")
    response = _post_step(client, world, "step-1", {**STEP_1, "story": "x" * 5_000_000})
    assert response.status_code == 400
    assert "Sorry, we could not read what was sent" in response.content.decode()
    assert not Response.objects.exists()


def test_nul_is_refused_with_a_plain_message(client, world):
    client.get(f"{world.consultation.url}answer/")
    response = _post_step(client, world, "step-1", {**STEP_1, "name": PAYLOADS["nul"]})
    assert has_error_summary(response)
    assert "There is a hidden character in your answer" in response.content.decode()


# --- Save and come back later ----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["nul", "only-nul", "long", "script", "control"])
def test_save_and_return_keeps_hostile_drafts_without_an_error(client, world, kind):
    """Saving part-way keeps what was typed, valid or not, so a NUL (which PostgreSQL will not
    store in JSON) or a huge value in any field, even one the form does not have, must not
    break it."""
    client.get(f"{world.consultation.url}answer/")
    payload = PAYLOADS[kind]
    response = _post_step(
        client,
        world,
        "step-1",
        {**STEP_1, "name": payload, "story": payload, "not-a-question": payload},
        save_and_return="1",
        **{"made-up-field": payload},
    )
    assert problems(response) == []
    assert response.status_code == 200
    code = SavedProgress.objects.get()
    kept = code.wizard_data["step_data"]["step-1"]
    assert kept["step-1-who"] == ["parent-carer"]
    assert kept["step-1-story"] == [payload.replace("\x00", "")]
    assert not {"made-up-field", "step-1-not-a-question"} & set(kept)

    again = client.post(
        f"{world.consultation.url}continue/",
        {"code": response.context["code"]},
    )
    assert again.status_code == 302
    step = client.get(again["Location"])
    assert problems(step) == []


# --- Whole or nothing --------------------------------------------------------------------------


def test_a_response_is_saved_whole_or_not_at_all(client, world):
    """A database failure part-way through saving (after the response row, before the tags)
    leaves no response and no answers, and the answers are still in the session to send again."""
    _answer_everything(client, world, {"name": "Sam", "story": PAYLOADS["formula"]})
    client.raise_request_exception = False
    with mock.patch(
        "consultations.saving.inherit_question_tags", side_effect=DatabaseError("disk full")
    ):
        failed = client.post(f"{world.consultation.url}answer/check/", {"submit": "1"})
    assert failed.status_code == 500
    assert not Response.objects.exists()
    assert not Answer.objects.exists()

    sent = client.post(f"{world.consultation.url}answer/check/", {"submit": "1"})
    assert sent.status_code == 302
    assert Response.objects.count() == 1
    assert Answer.objects.get(question_key="story").value == PAYLOADS["formula"]


# --- Shown to staff and exported ----------------------------------------------------------------


def _responses_with(client, world, texts: list[str]) -> None:
    for text in texts:
        client.cookies.clear()
        _answer_everything(client, world, {"name": text, "story": text})
        client.post(f"{world.consultation.url}answer/check/", {"submit": "1"})
    assert Response.objects.count() == len(texts)


FORMULAS = [PAYLOADS[kind] for kind in ACCEPTED_TEXT if kind.startswith("formula")]


def test_exports_neutralise_formulas_and_keep_the_words(client, world, analyst):
    _responses_with(client, world, [*FORMULAS, PAYLOADS["control"], PAYLOADS["script"]])
    client.force_login(analyst)
    page_id = world.consultation.pk

    text = client.get(f"/admin/consultations/{page_id}/export.csv").content.decode()
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    names = [row[header.index("name")] for row in body]
    for formula in FORMULAS:
        assert "'" + formula.strip() in names
    assert all(not cell.startswith(FORMULA_STARTS) for row in body for cell in row)

    xlsx = client.get(f"/admin/consultations/{page_id}/export.xlsx")
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value]
    assert all(cell.data_type != "f" for cell in cells)
    assert all(not str(cell.value).startswith(FORMULA_STARTS) for cell in cells)
    values = {cell.value for cell in cells}
    for formula in FORMULAS:
        assert "'" + formula.strip() in values
    # A control character an .xlsx file cannot hold is replaced, the rest of the answer kept.
    assert "a\ufffd\ufffd\ufffd\ufffdb" in values


def test_staff_screens_show_answers_escaped(client, world, analyst):
    _responses_with(client, world, [PAYLOADS["script"], PAYLOADS["img-onerror"]])
    client.force_login(analyst)
    page_id = world.consultation.pk
    for url in (
        f"/admin/consultations/{page_id}/analysis/",
        f"/admin/consultations/{page_id}/coding/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert problems(response) == [], url
        assert escape(PAYLOADS["script"]) in response.content.decode(), url


def test_a_problem_report_is_stored_as_typed_and_shown_escaped(client, world):
    url = f"{world.directory.url}service/{world.service.translation_key}/report-a-problem/"
    typed = PAYLOADS["script"] + " " + PAYLOADS["formula"]
    response = client.post(url, {"kind": "other", "details": typed})
    assert response.status_code == 302
    report = ProblemReport.objects.get()
    assert report.details == typed

    admin = User.objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(admin)
    for view in ("list", "inspect"):
        path = "" if view == "list" else f"inspect/{report.pk}/"
        response = client.get(f"/admin/snippets/local_offer/problemreport/{path}")
        assert response.status_code == 200, view
        assert problems(response) == [], view
    assert escape(PAYLOADS["script"]) in response.content.decode()


def test_search_terms_report_neutralises_typed_queries(client, world):
    for kind in ("formula", "formula-plus", "formula-at", "script"):
        client.get("/search/", {"q": PAYLOADS[kind]})
    admin = User.objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(admin)
    page = client.get("/admin/reports/search-terms/")
    assert page.status_code == 200
    assert problems(page) == []
    download = client.get("/admin/reports/search-terms/", {"download": "popular"})
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))[1:]
    queries = [row[0] for row in rows]
    assert queries and all(not query.startswith(FORMULA_STARTS) for query in queries)
    assert any(query.startswith("'=hyperlink") for query in queries)


def test_school_and_dashboard_downloads_neutralise_formulas(client, world):
    """Not typed by the public, but by staff or the GIAS file: the same rule holds."""
    from outcomes.dashboard import Chart, csv_text
    from schools.admin_views import export_csv
    from schools.factories import SchoolFactory

    SchoolFactory(name=PAYLOADS["formula"], report_url="https://example.org/report")
    rows = list(csv.reader(io.StringIO(export_csv().content.decode("utf-8-sig"))))
    assert "'" + PAYLOADS["formula"] in [row[1] for row in rows]

    chart = Chart(
        slug="who",
        title="Who",
        description="",
        kind="bar",
        label_heading="Who",
        value_heading="Responses",
        rows=[(PAYLOADS["formula-at"], 3)],
    )
    rows = list(csv.reader(io.StringIO(csv_text([chart]))))
    assert rows[1][1] == "'" + PAYLOADS["formula-at"]
