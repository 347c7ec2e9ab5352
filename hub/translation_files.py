"""Translating pages from PO files, the format translators work in.

wagtail-localize's editor lets a translator download a page's strings as a PO file and upload it
back ("Download PO file" / "Upload PO file" in the translation editor); `Translation.import_po`
does the work. Its entries are matched on the source text *and* the place it appears, and a
StreamField place includes the block's random id, so a PO file only fits the database it was
exported from.

The demo's translations (hub/demo_content/po/) must fit every fresh demo build, so
`translate_from_po` matches on the source text alone: it asks wagtail-localize for a PO file of
the page as it is now, fills each entry from the given file by its source text, and imports that.
Everything else (which strings exist, how rich text and links are rebuilt, converting the
language's alias copy into a real translation, publishing) is wagtail-localize's own code.
"""

from __future__ import annotations

import polib
from django.db import transaction
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import Translation, TranslationSource


def translations_by_source_text(po: polib.POFile) -> dict[str, str]:
    """msgid → msgstr for every translated entry (the first wins if a text repeats)."""
    found: dict[str, str] = {}
    for entry in po.translated_entries():
        found.setdefault(entry.msgid, entry.msgstr)
    return found


def page_translation(page: Page | TranslatableMixin, locale: Locale) -> Translation:
    """The wagtail-localize translation of `page` (or a translatable snippet) into `locale`, its
    strings brought up to date with the page (as the editor's "Translate this page" and "Sync
    translated pages" do)."""
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation


@transaction.atomic
def translate_from_po(
    page: Page | TranslatableMixin, locale: Locale, po: polib.POFile, *, publish: bool = True
):
    """Translate `page` (or a translatable snippet) into `locale` with the strings of `po`,
    matched by source text.

    Returns the translation, and the source texts `po` had no translation for (those stay
    untranslated, so wagtail-localize shows the original text in their place). A page's parents
    without a copy in `locale` get one first: an alias, as locale synchronisation would make.
    """
    if isinstance(page, Page):
        parent = page.get_parent()
        if parent.depth > 1 and parent.get_translation_or_none(locale) is None:
            parent.specific.copy_for_translation(locale, copy_parents=True, alias=True)

    translation = page_translation(page, locale)
    known = translations_by_source_text(po)
    current = translation.export_po()
    missing = []
    for entry in current:
        if entry.msgid in known:
            entry.msgstr = known[entry.msgid]
        elif not entry.msgstr:
            missing.append(entry.msgid)
    translation.import_po(current)
    translation.save_target(publish=publish)
    translated = page.get_translation(locale)
    return (translated.specific if isinstance(translated, Page) else translated), missing
