"""Easy read checks: what editors are told about the easy-read text they are writing."""

import pytest
from django.contrib.auth.models import User

from consultations.factories import ConsultationPageFactory, question, step
from home.factories import EasyReadPageFactory, InformationPageFactory
from hub.easy_read_checks import (
    EasyReadChecker,
    acronyms,
    check_easy_read_page,
    check_questionnaire,
    reading_ease,
    sentences,
)
from hub.factories import AccessibleImageFactory
from search import synonyms
from search.models import SynonymSet

pytestmark = pytest.mark.django_db


@pytest.fixture
def standard(home):
    return InformationPageFactory(parent=home, title="Help at school", slug="help-at-school")


def row(text, image=None):
    return {"type": "row", "value": {"image": image.pk if image else None, "text": text}}


def checks(report):
    return [(finding.check, finding.where) for finding in report.findings]


def jargon(text, language="en"):
    """The jargon messages for one piece of text."""
    checker = EasyReadChecker(language)
    checker.text("Row 1", text)
    return [f.message for f in checker.finish().findings if f.check == "jargon"]


@pytest.fixture
def synonym_set():
    """Adds a synonym set; the cached sets are forgotten afterwards, as the rollback is not
    signalled."""
    yield lambda terms: SynonymSet.objects.create(terms="\n".join(terms))
    synonyms.invalidate()


def test_sentences_split_on_full_stops_and_paragraphs():
    assert sentences("<p>You can ask for help. It is free!</p><p>Ask your SENCo</p>") == [
        "You can ask for help.",
        "It is free!",
        "Ask your SENCo",
    ]


URDU = (
    "<p>آپ اسکول میں مدد لے سکتے ہیں۔ ہم آپ کے بچے کی بات سنیں گے۔ "
    "کیا آپ کو مدد چاہیے؟ ہم سے بات کریں۔</p>"
)


def test_urdu_full_stops_and_question_marks_end_sentences():
    assert len(sentences(URDU)) == 4
    checker = EasyReadChecker("ur")
    checker.text("Row 1", URDU)
    assert sum(len(s.split()) for s in sentences(URDU)) > 15  # too long as one sentence
    assert checker.finish().passed


def test_acronyms_are_only_checked_in_english():
    """The synonym sets, and so the explanations, are English."""
    assert jargon("<p>You may get an EHCP.</p>", "en-gb")
    assert jargon("<p>Możesz dostać EHCP.</p>", "pl") == []
    assert jargon("<p>آپ کو EHCP مل سکتا ہے۔</p>", "ur") == []


def test_a_phrase_using_the_acronym_does_not_explain_it():
    assert "ehc plan" not in acronyms()["ehcp"]
    assert "education health and care plan" in acronyms()["ehcp"]
    messages = jargon("<p>You may get an EHCP. An EHCP is an EHC plan.</p>")
    assert messages and "“EHCP”" in messages[0]
    assert "education health and care plan" in messages[0]


def test_each_unexplained_acronym_is_named_once():
    """ "SEN" is not hidden by the message about "SENCo", which contains it."""
    messages = jargon("<p>Ask your SENCo about SEN. Your SENCo knows about SEN.</p>")
    assert len(messages) == 2
    assert "“SENCo”" in messages[0] and "“SEN”" in messages[1]


def test_an_acronym_with_no_phrase_to_suggest_is_still_flagged(synonym_set):
    synonym_set(["PCP", "PCP meeting"])  # the only phrase uses the acronym
    assert acronyms()["pcp"] == []
    assert jargon("<p>Come to the PCP.</p>") == [
        "“PCP” is not explained. Say what it means in words."
    ]


def test_reading_ease_tells_plain_words_from_officialese():
    plain = ["You can ask for help.", "We will call you back.", "It is free to ask."]
    dense = [
        "Comprehensive multidisciplinary assessments facilitate individualised provision.",
        "Statutory responsibilities necessitate collaborative organisational arrangements.",
        "Accessibility considerations permeate institutional decision-making.",
    ]
    assert reading_ease(plain) > 90
    assert reading_ease(dense) < 0
    assert reading_ease(plain[:2]) is None  # too little text to score


def test_an_easy_read_page_with_problems(home, standard):
    picture = AccessibleImageFactory(title="Teacher", alt_text="IMG_2041.jpg")
    page = EasyReadPageFactory(
        parent=standard,
        standard_page=standard,
        body=[
            row("<p>You can get help at school.</p>", AccessibleImageFactory()),
            row(
                "<p>If your child has special educational needs the school will work with "
                "you and other people to plan the support that your child needs every day.</p>",
                picture,
            ),
            row("<p>You may get an EHCP.</p>"),
        ],
    )

    report = check_easy_read_page(page)

    assert checks(report) == [
        ("sentence-length", "Row 2"),
        ("alt-text", "Row 2"),
        ("jargon", "Row 3"),
        ("no-picture", "Row 3"),
    ]
    assert "26 words" in report.findings[0].message
    assert "education health and care plan" in report.findings[2].message
    assert report.reading_ease is not None


def test_a_good_easy_read_page_passes(home, standard):
    page = EasyReadPageFactory(
        parent=standard,
        standard_page=standard,
        body=[
            row("<p>You can get help at school.</p>", AccessibleImageFactory()),
            row("<p>An EHCP is an education, health and care plan.</p>", AccessibleImageFactory()),
            row("<p>Your EHCP says what help you get.</p>", AccessibleImageFactory()),
        ],
    )
    report = check_easy_read_page(page)
    assert report.passed, report.findings
    assert report.reading_ease >= 80


def test_questionnaire_easy_read_text_is_checked(home):
    page = ConsultationPageFactory(
        parent=home,
        easy_read_introduction="There are 2 questions.",
        questionnaire=[
            step(
                "Your views",
                question(
                    "long_text",
                    "views",
                    "Please describe, in as much detail as you consider appropriate, your "
                    "experience of the statutory assessment process and its timeliness.",
                ),
                question("yes_no", "salt", "Do you see SALT?", easy_read_label="Do you see SALT?"),
            )
        ],
    )
    report = check_questionnaire(page)
    assert [f.check for f in report.findings] == ["sentence-length", "jargon", "reading-ease"]
    assert "speech and language therapy" in report.findings[1].message
    # Each question is named by its words, not its key.
    assert [f.where for f in report.findings[:2]] == [
        "Step 1: “Please describe, in as much detail…”",
        "Step 1: “Do you see SALT?”",
    ]


def test_editors_see_the_checks_in_the_page_editor(client, home, standard):
    page = EasyReadPageFactory(
        parent=standard, standard_page=standard, body=[row("<p>You may get an EHCP.</p>")]
    )
    client.force_login(User.objects.create_superuser("admin", "a@example.org", "x"))
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Easy read checks" in html
    assert 'data-check="jargon"' in html and 'data-check="no-picture"' in html


# --- In the preview, as the editor types ---------------------------------------------------------


def preview_html(page) -> str:
    """The page as Wagtail's preview panel draws it: from the editor's unsaved form."""
    response = page.make_preview_request()
    assert response.status_code == 200
    return response.content.decode()


def test_the_preview_shows_the_checks_for_unsaved_text(home, standard):
    page = EasyReadPageFactory(
        parent=standard,
        standard_page=standard,
        body=[row("<p>You can get help at school.</p>", AccessibleImageFactory())],
    )
    assert "No problems found." in preview_html(page)
    # Typed in the editor, not saved: the preview (which the editor's panel redraws as they type)
    # already names the problem.
    page.body = [row("<p>You may get an EHCP.</p>", AccessibleImageFactory())]
    html = preview_html(page)
    assert 'data-check="jargon"' in html
    assert "1 thing to look at:" in html
    assert page.specific_class.objects.get(pk=page.pk).body[0].value["text"].source == (
        "<p>You can get help at school.</p>"
    )


def test_the_published_page_never_shows_the_checks(client, home, standard):
    page = EasyReadPageFactory(
        parent=standard, standard_page=standard, body=[row("<p>You may get an EHCP.</p>")]
    )
    html = client.get(page.url).content.decode()
    assert "Easy read checks" not in html
    assert "data-check" not in html


def test_the_questionnaire_preview_shows_its_easy_read_checks(client, home):
    page = ConsultationPageFactory(
        parent=home,
        easy_read_introduction="There are 2 questions.",
        questionnaire=[
            step("Your views", question("yes_no", "salt", "Do you see SALT?")),
        ],
    )
    assert 'data-check="jargon"' in preview_html(page)
    assert "data-check" not in client.get(page.url).content.decode()
