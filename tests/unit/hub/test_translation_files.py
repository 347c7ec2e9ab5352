"""Translators' PO files: downloaded from wagtail-localize, edited, uploaded back, and the page's
translation changes; and the demo's own PO files, matched by source text."""

import polib
import pytest
from wagtail.models import Locale

from home.factories import InformationPageFactory, paragraph_body
from hub.translation_files import page_translation, translate_from_po

pytestmark = pytest.mark.django_db


@pytest.fixture
def polish():
    return Locale.objects.get(language_code="pl")


@pytest.fixture
def guide(home):
    return InformationPageFactory(
        parent=home,
        title="Short breaks",
        slug="short-breaks",
        body=paragraph_body("Short breaks give families time to rest."),
    )


def fill(po: polib.POFile, translations: dict[str, str]) -> polib.POFile:
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    return po


def upload(translation, po, publish_now):
    """What the editor's "Upload PO file" and "Publish" do. wagtail-localize publishes once the
    transaction commits, which tests stand in for with django_capture_on_commit_callbacks."""
    translation.import_po(po)
    with publish_now(execute=True):
        translation.save_target(publish=True)


def test_a_po_round_trip_changes_the_pages_translation(
    client, guide, polish, django_capture_on_commit_callbacks
):
    home_copy = guide.get_parent().specific.copy_for_translation(polish, alias=True)
    assert home_copy.alias_of_id is not None
    translation = page_translation(guide, polish)

    # What a translator downloads: every string of the page, the slug included, untranslated.
    downloaded = polib.pofile(str(translation.export_po()))
    assert {e.msgid for e in downloaded} >= {
        "Short breaks",
        "Short breaks give families time to rest.",
    }
    assert all(not e.msgstr for e in downloaded)

    first = fill(
        downloaded,
        {
            "Short breaks": "Krótkie przerwy",
            "Short breaks give families time to rest.": "Krótkie przerwy dają rodzinom czas na odpoczynek.",
        },
    )
    upload(translation, polib.pofile(str(first)), django_capture_on_commit_callbacks)
    polish_page = guide.get_translation(polish)
    assert polish_page.title == "Krótkie przerwy"
    response = client.get(polish_page.url)
    assert "Krótkie przerwy dają rodzinom czas na odpoczynek." in response.content.decode()

    # The translator corrects a word and uploads again: the live page changes.
    second = polib.pofile(str(translation.export_po()))
    assert {e.msgid: e.msgstr for e in second}["Short breaks"] == "Krótkie przerwy"
    upload(
        translation,
        fill(second, {"Short breaks": "Krótki wypoczynek"}),
        django_capture_on_commit_callbacks,
    )
    polish_page.refresh_from_db()
    assert polish_page.title == "Krótki wypoczynek"
    assert "Krótki wypoczynek" in client.get(polish_page.url).content.decode()


def test_demo_po_files_match_by_source_text_whatever_the_block_ids(
    guide, polish, django_capture_on_commit_callbacks
):
    """A PO file exported from another database (other block ids) still translates the page."""
    po = polib.POFile()
    po.append(polib.POEntry(msgctxt="title", msgid="Short breaks", msgstr="Krótkie przerwy"))
    po.append(
        polib.POEntry(
            msgctxt="body.00000000-0000-0000-0000-000000000000",
            msgid="Short breaks give families time to rest.",
            msgstr="Krótkie przerwy dają rodzinom czas na odpoczynek.",
        )
    )

    with django_capture_on_commit_callbacks(execute=True):
        polish_page, missing = translate_from_po(guide, polish, po)

    polish_page.refresh_from_db()
    assert polish_page.locale == polish and polish_page.live
    assert polish_page.alias_of_id is None
    assert polish_page.title == "Krótkie przerwy"
    assert "czas na odpoczynek" in str(polish_page.body)
    # Strings the file does not cover stay in English and are reported.
    assert "What you need to know about short breaks." in missing
    assert (
        polish_page.get_parent().get_translation(Locale.get_default()).pk == guide.get_parent().pk
    )


def route(*pages) -> list[dict]:
    links = [{"text": page.title, "page": page.pk, "url": ""} for page in pages]
    return [{"type": "route", "value": {"heading": "Parents", "description": "", "links": links}}]


def test_links_in_a_translated_page_go_to_pages_in_its_language(
    client, home, guide, polish, django_capture_on_commit_callbacks
):
    """wagtail-localize keeps chosen pages as the English ones; the Polish home page must still
    link to Polish pages where they exist, in one query however many links there are."""
    others = [
        InformationPageFactory(parent=home, title=f"Guide {n}", slug=f"guide-{n}") for n in range(3)
    ]
    home.routes = route(guide, *others)
    home.save_revision().publish()
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Short breaks", msgstr="Krótkie przerwy"))
    with django_capture_on_commit_callbacks(execute=True):
        translate_from_po(home, polish, polib.POFile())
        polish_guide, _missing = translate_from_po(guide, polish, po)

    html = client.get("/pl/").content.decode()
    assert f'href="{polish_guide.url}"' in html and polish_guide.url.startswith("/pl/")
    # Not translated (not even as an alias here): the English page, rather than no link.
    assert f'href="{others[0].url}"' in html

    polish_home = home.get_translation(polish)
    few = len(_queries_for(client, "/pl/"))
    polish_home.routes = route(guide, *others, *others)
    polish_home.save_revision().publish()
    assert len(_queries_for(client, "/pl/")) == few


def _queries_for(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # caches (site root paths, settings) warm, as on a live site
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return queries
