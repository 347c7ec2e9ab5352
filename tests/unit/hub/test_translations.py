"""Interface translations: complete for the languages we promise, compiled catalogues match their
sources and placeholders survive. (`make lint` checks the catalogues hold every string in the
code: see the `messages-check` target.)"""

import re
from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parents[3] / "locale"
PO_FILES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdf]|\{\{?\s*\w+\s*\}?\}")
# Every interface string is translated into these (issue 8); other languages may be partial.
COMPLETE_LANGUAGES = {"pl", "ur"}


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parts[-3])
def test_compiled_catalogue_matches_its_source(po_path):
    """A stale .mo would show visitors old wording: run `make messages` after editing a .po."""
    source = {e.msgid: e.msgstr for e in polib.pofile(str(po_path)).translated_entries()}
    compiled = {e.msgid: e.msgstr for e in polib.mofile(str(po_path.with_suffix(".mo"))) if e.msgid}
    assert compiled == source


def _forms(entry) -> list[tuple[str, str]]:
    """(source, translation) pairs: one for a plain entry, one per plural form otherwise (the
    first form goes with the singular, the rest with the plural)."""
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)]
    return [
        (entry.msgid if index == 0 else entry.msgid_plural, form)
        for index, form in sorted(entry.msgstr_plural.items())
    ]


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parts[-3])
def test_translations_keep_every_placeholder_and_link(po_path):
    for entry in polib.pofile(str(po_path)).translated_entries():
        for source, translation in _forms(entry):
            placeholders = sorted(set(PLACEHOLDER.findall(source)))
            # A singular form may say "one" instead of printing the number.
            if entry.msgid_plural and translation and source is entry.msgid:
                assert set(PLACEHOLDER.findall(translation)) <= set(placeholders), source
            else:
                assert sorted(set(PLACEHOLDER.findall(translation))) == placeholders, source
            assert translation.count("<a ") == source.count("<a "), source


@pytest.mark.parametrize("language", sorted(COMPLETE_LANGUAGES))
def test_promised_languages_are_complete(language):
    """Nothing untranslated or left fuzzy (fuzzy entries are not used, so visitors would see
    English in the middle of a Polish page)."""
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    missing = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert (missing, fuzzy) == ([], [])


def test_there_are_translations_to_check():
    assert {p.parts[-3] for p in PO_FILES} >= COMPLETE_LANGUAGES
