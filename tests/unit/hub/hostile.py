"""Hostile input for the public forms and endpoints: the payloads and the checks every response
must pass. Shared by test_hostile_input.py and test_hostile_answers.py.

A payload is text an attacker (or an unlucky copy and paste) could send; a raw value is already
percent-encoded, for what a browser cannot send as text: broken UTF-8, NUL, lone surrogates.
"""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest

SCRIPT = "<script>alert('hostile')</script>"
IMG = '"><img src=x onerror=alert(1)>'

PAYLOADS = {
    "script": SCRIPT,
    "img-onerror": IMG,
    "javascript-url": "javascript:alert(1)",
    "nul": "abc\x00def",
    "only-nul": "\x00",
    "sql": "' OR 1=1 --",
    "sql-drop": "1; DROP TABLE wagtailcore_page; --",
    "formula": '=HYPERLINK("http://evil.example","Click me")',
    "formula-plus": "+cmd|' /C calc'!A0",
    "formula-minus": "-2+3",
    "formula-at": "@SUM(1+1)",
    "formula-tab": "\t=1+1",
    "formula-cr": "\r=1+1",
    "control": "a\x01\x08\x0b\x1bb",
    "bidi": "\u202egnp.exe",
    "long": "x" * 100_000,
    "huge-number": "9" * 40,
    "negative": "-1",
    "percent": "%",
    "emoji": "🧒🏽",
}

# The payloads that differ in what they can do to a query, a route or a header (the formula
# variants, for one, matter to exports, not to a query string): the bigger tables use these.
QUERY_PAYLOADS = {
    kind: PAYLOADS[kind]
    for kind in (
        "script",
        "img-onerror",
        "javascript-url",
        "nul",
        "only-nul",
        "sql",
        "formula",
        "control",
        "bidi",
        "long",
        "huge-number",
        "negative",
    )
}

# Percent-encoded: NUL, invalid UTF-8, an overlong "." (the classic path trick), an encoded lone
# surrogate, broken escapes, and a raw Latin-1 byte.
RAW_VALUES = {
    "raw-nul": "%00",
    "raw-invalid-utf8": "%ff%fe",
    "raw-overlong": "%c0%ae%c0%ae%2f",
    "raw-surrogate": "%ed%a0%80",
    "raw-broken-escape": "%zz%",
    "raw-latin1-byte": "\xff",
}

# Text that must never reach a page as markup.
MARKUP = (SCRIPT, "<img src=x onerror")
JAVASCRIPT_LINK = re.compile(r"""(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.I)


def problems(response) -> list[str]:
    """What is wrong with a response to hostile input; an empty list if nothing is."""
    found = []
    if response.status_code >= 500:
        found.append(f"status {response.status_code}")
        return found
    content_type = response.get("Content-Type", "")
    body = b"".join(response) if response.streaming else response.content
    text = body.decode("utf-8", errors="replace")
    if "html" in content_type or "xml" in content_type:
        found += [f"unescaped {markup!r}" for markup in MARKUP if markup in text]
        if JAVASCRIPT_LINK.search(text):
            found.append("a javascript: link")
    elif "json" in content_type:
        try:
            json.loads(body)
        except ValueError:
            found.append("JSON that does not parse")
    return found


def has_error_summary(response) -> bool:
    """A GOV.UK error summary, and the "Error:" prefix on the title that goes with it."""
    text = response.content.decode()
    return 'class="govuk-error-summary' in text and re.search(r"<title>\s*Error:", text)


# --- A small site with every public form and endpoint ---------------------------------------


def every_question_type() -> list[dict]:
    """A questionnaire with one question of every type: the first step has the typed answers,
    the second the choices."""
    from consultations.factories import options, question, step

    return [
        step(
            "About you",
            question("respondent_type", "who", "Who is answering?"),
            question("short_text", "name", "What should we call you?", required=False),
            question("long_text", "story", "Tell us your story", required=False),
            question("email", "contact", "Your email", required=False),
            question("number", "age", "How old is your child?", required=False, max_value=25),
            question("date", "when", "When did it start?", required=False),
        ),
        step(
            "Your views",
            question("single_choice", "school", "School", options=options("Mainstream", "Special")),
            question(
                "multiple_choice",
                "help",
                "What helped?",
                required=False,
                options=options("Speech therapy", "Respite"),
                none_option="None of these",
            ),
            question("yes_no", "ehcp", "Does your child have an EHC plan?", required=False),
            question("rating", "rating", "How was it?", required=False, points="5", faces=True),
            question("agree_scale", "agree", "Do you agree?", required=False),
            question("district", "district", "Where do you live?", options=options("Ashford")),
            question("age_band", "band", "How old are you?", required=False),
            question("consent", "consent", "I agree to take part", required=False),
        ),
    ]


@pytest.fixture
def world(home):
    """Every page type with a public form or route: a consultation with every question type,
    the Local Offer with one service, the school finder with a school, the updates index with
    an update, and an ambition page."""
    from consultations.factories import ConsultationPageFactory
    from local_offer.factories import (
        LocalOfferPageFactory,
        ServiceAtLocationFactory,
        ServiceFactory,
    )
    from local_offer.vocabularies import ensure_vocabularies
    from outcomes.factories import AmbitionPageFactory
    from schools.factories import CommunityOfSchoolsFactory, SchoolFactory, SchoolFinderPageFactory
    from you_said_we_did.factories import UpdateIndexPageFactory, UpdatePageFactory

    ensure_vocabularies()
    ambition_page = AmbitionPageFactory(parent=home, ambition__number=1)
    consultation = ConsultationPageFactory(
        parent=home,
        title="Have your say",
        slug="have-your-say",
        questionnaire=every_question_type(),
    )
    directory = LocalOfferPageFactory(parent=home)
    service = ServiceFactory(name="Talking Walk-ins")
    ServiceAtLocationFactory(service=service)
    finder = SchoolFinderPageFactory(parent=home)
    community = CommunityOfSchoolsFactory()
    school = SchoolFactory(name="Oakwood Primary School", town="Ashford", community=community)
    updates = UpdateIndexPageFactory(parent=home)
    UpdatePageFactory(
        parent=updates, ambitions=[ambition_page.ambition], consultations=[consultation]
    )
    return SimpleNamespace(
        home=home,
        ambition_page=ambition_page,
        consultation=consultation,
        directory=directory,
        service=service,
        finder=finder,
        community=community,
        school=school,
        updates=updates,
    )
