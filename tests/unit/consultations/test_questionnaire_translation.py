"""A questionnaire translated with wagtail-localize: translators get every label and never a
question key, and answers given in Urdu land on the same keys as answers given in English."""

import polib
import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale
from wagtail_localize.segments.extract import extract_segments

from consultations.models import Answer, Response
from consultations.wizard import wizard_prefix
from hub.translation_files import translate_from_po

pytestmark = pytest.mark.django_db

URDU_LABELS = {
    "Who is answering?": "کون جواب دے رہا ہے؟",
    "Does your child go to school?": "کیا آپ کا بچہ اسکول جاتا ہے؟",
    "How much do you agree?": "آپ کس حد تک متفق ہیں؟",
    "What would you change?": "آپ کیا بدلیں گے؟",
}


@pytest.fixture
def urdu_consultation(consultation, django_capture_on_commit_callbacks):
    po = polib.POFile()
    for english, urdu in URDU_LABELS.items():
        po.append(polib.POEntry(msgid=english, msgstr=urdu))
    with django_capture_on_commit_callbacks(execute=True):
        translated, _missing = translate_from_po(
            consultation, Locale.objects.get(language_code="ur"), po
        )
    translated.refresh_from_db()
    return translated


def test_translators_get_labels_and_never_keys(consultation):
    strings = {
        segment.string.data
        for segment in extract_segments(consultation)
        if hasattr(segment, "string")
    }
    assert set(URDU_LABELS) | {"Mainstream", "Special school", "School"} <= strings
    keys_and_values = {"who", "school", "agree-1", "change-1", "school-type", "mainstream", "yes"}
    assert not strings & keys_and_values


def test_answers_in_urdu_use_the_english_question_keys(client, consultation, urdu_consultation):
    assert urdu_consultation.url.startswith("/ur/")
    assert [q.key for s in urdu_consultation.steps for q in s.questions] == [
        q.key for s in consultation.steps for q in s.questions
    ]
    prefix = wizard_prefix(urdu_consultation)
    base = f"{urdu_consultation.url}answer/"
    client.get(base)

    first = client.get(f"{base}step-1/")
    html = BeautifulSoup(first.content, "html.parser")
    assert html.html["lang"] == "ur" and html.html["dir"] == "rtl"
    assert "کون جواب دے رہا ہے؟" in html.get_text()

    def post(step, data):
        payload = {f"{prefix}-current_step": step, **{f"{step}-{k}": v for k, v in data.items()}}
        return client.post(f"{base}{step}/", payload)

    assert post("step-1", {"who": "parent-carer", "school": "no"}).status_code == 302
    assert post("step-2", {"agree-1": "5", "change-1": "زیادہ مدد"}).status_code == 302
    sent = client.post(f"{base}check/", {"submit": "1"})
    assert sent.status_code == 302

    response = Response.objects.get()
    assert response.language == "ur"
    assert response.consultation_id == consultation.pk  # counted with the English responses
    answers = dict(Answer.objects.values_list("question_key", "value"))
    assert answers == {
        "who": "parent-carer",
        "school": "no",
        "agree-1": "5",
        "change-1": "زیادہ مدد",
    }
