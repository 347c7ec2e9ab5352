"""The council's words (name, service name, opening hours) are translatable with wagtail-localize,
like any snippet, and every page shows them in its own language when they are translated
(issue 8: "site settings text")."""

import polib
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from hub.factories import CouncilSettingsFactory
from hub.models import CouncilSettings, CouncilText
from hub.translation_files import page_translation, translate_from_po

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(home):
    settings = CouncilSettings.for_site(home.get_site())
    settings.text.opening_hours = "Monday to Friday, 9am to 5pm"
    settings.text.save()
    return settings.text


@pytest.fixture
def polish(home):
    return Locale.objects.get_or_create(language_code="pl")[0]


def translate(text, locale, entries, capture):
    po = polib.POFile()
    for msgid, msgstr in entries.items():
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    # wagtail-localize saves the translated copy when the transaction commits.
    with capture(execute=True):
        translated, missing = translate_from_po(text, locale, po)
    return translated, missing


def test_translators_see_only_the_words(council, polish):
    exported = page_translation(council, polish).export_po()
    assert {entry.msgid for entry in exported} == {
        "Kent County Council",
        "SEND Information Hub",
        "Monday to Friday, 9am to 5pm",
    }


def test_a_translated_language_shows_its_own_words(
    client, home, council, polish, django_capture_on_commit_callbacks
):
    home.copy_for_translation(polish, alias=True)
    translated, missing = translate(
        council,
        polish,
        {
            "Kent County Council": "Rada Hrabstwa Kent",
            "SEND Information Hub": "Centrum informacji SEND",
            "Monday to Friday, 9am to 5pm": "Od poniedziałku do piątku, 9:00–17:00",
        },
        django_capture_on_commit_callbacks,
    )
    assert missing == []
    assert translated.locale == polish and translated.translation_key == council.translation_key

    html = client.get("/pl/").content.decode()
    assert "Centrum informacji SEND – Rada Hrabstwa Kent</title>" in html
    assert '<span class="hub-header__service-name">Centrum informacji SEND</span>' in html
    assert "<span>Od poniedziałku do piątku, 9:00–17:00</span>" in html
    # English is unchanged.
    html = client.get("/").content.decode()
    assert '<span class="hub-header__service-name">SEND Information Hub</span>' in html


def test_an_untranslated_language_shows_the_default_words_marked_as_such(
    client, home, council, polish
):
    home.copy_for_translation(polish, alias=True)
    html = client.get("/pl/").content.decode()
    assert '<span class="hub-header__service-name" lang="en-gb">SEND Information Hub</span>' in html
    assert '© <span lang="en-gb">Kent County Council</span>' in html


def test_the_default_language_costs_no_query_and_a_translation_one(
    client, home, council, polish, django_capture_on_commit_callbacks
):
    home.copy_for_translation(polish, alias=True)
    translate(
        council, polish, {"SEND Information Hub": "Centrum"}, django_capture_on_commit_callbacks
    )
    for url, expected in (("/", 0), ("/pl/", 1)):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        text_queries = [q["sql"] for q in queries if 'FROM "hub_counciltext"' in q["sql"]]
        assert len(text_queries) == expected, (url, text_queries)


def test_a_site_without_council_text_shows_the_defaults(client, home):
    settings = CouncilSettings.for_site(home.get_site())
    settings.text = None
    settings.save()
    html = client.get("/").content.decode()
    assert "SEND Information Hub – Your council</title>" in html


def test_factory_gives_each_site_settings_its_council_text(home):
    settings = CouncilSettingsFactory(site=home.get_site())
    assert isinstance(settings.text, CouncilText)
    assert settings.council_name == "Kent County Council"
