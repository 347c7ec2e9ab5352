"""Interface translations: compiled catalogues match their sources and placeholders survive."""

import re
from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parents[3] / "locale"
PO_FILES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\{?\s*\w+\s*\}?\}")


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parts[-3])
def test_compiled_catalogue_matches_its_source(po_path):
    """A stale .mo would show visitors old wording: run `make messages` after editing a .po."""
    source = {e.msgid: e.msgstr for e in polib.pofile(str(po_path)).translated_entries()}
    compiled = {e.msgid: e.msgstr for e in polib.mofile(str(po_path.with_suffix(".mo"))) if e.msgid}
    assert compiled == source


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parts[-3])
def test_translations_keep_every_placeholder_and_link(po_path):
    for entry in polib.pofile(str(po_path)).translated_entries():
        assert sorted(PLACEHOLDER.findall(entry.msgstr)) == sorted(
            PLACEHOLDER.findall(entry.msgid)
        ), entry.msgid
        assert entry.msgstr.count("<a ") == entry.msgid.count("<a "), entry.msgid


def test_there_are_translations_to_check():
    assert {p.parts[-3] for p in PO_FILES} >= {"pl", "ur"}
