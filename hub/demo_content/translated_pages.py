"""The demo's human translations: a few pages in Polish and Urdu, so the multilingual site can be
seen working (issue 8): the home page, the Communities of Schools guide and its easy-read version,
the young people's questionnaire, and the council text in every page's header and footer.

Each translation is a PO file in po/<language>/<page key>.po, in the format wagtail-localize's
translation editor downloads and uploads, so a translator can improve one and the next demo build
uses it. Files are matched to pages by source text (see hub.translation_files), because the block
ids in their msgctxt lines belong to the database they were exported from.

Every other page stays an alias of the English page, shown with an honest "not translated yet"
notice, as on a real site part-way through translation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Locale, Page

from hub.models import CouncilSettings
from hub.translation_files import translate_from_po

PO_DIR = Path(__file__).resolve().parent / "po"

# Page key (the PO file's name) → how to find the English page: its URL path under the site root.
PAGES = {
    "home": "",
    "communities-of-schools": "guides-for-families/communities-of-schools/",
    "communities-of-schools-easy-read": "guides-for-families/communities-of-schools/easy-read/",
    "young-people-have-your-say": "have-your-say/young-people-have-your-say/",
}


# Snippet key (the PO file's name) → how to find the English snippet from the site's root page.
SNIPPETS = {
    "council-text": lambda root: CouncilSettings.for_site(root.get_site()).text,
}


class TranslationFileError(LookupError):
    """A demo PO file with no English page to translate."""


@dataclass
class DemoTranslations:
    # Language code → the number of pages translated into it.
    counts: dict[str, int] = field(default_factory=dict)
    # PO file (hub/demo_content/po/<language>/<page key>.po) → the page's source texts it has no
    # translation for, which stay in English on the translated page.
    missing: dict[str, list[str]] = field(default_factory=dict)


def shown(path: Path) -> str:
    """A file's path as a person would look for it: from the project folder, when it is in it."""
    try:
        return str(path.relative_to(settings.BASE_DIR))
    except ValueError:
        return str(path)


def english_page(root: Page, path: str) -> Page | None:
    return (
        Page.objects.filter(url_path=f"{root.url_path}{path}", locale_id=root.locale_id)
        .specific()
        .first()
    )


def translate_demo_pages(root: Page, po_dir: Path | None = None) -> DemoTranslations:
    """Translate the demo pages that have a PO file and are not translated yet (an alias or no
    copy at all), so running the demo again never overwrites a translator's work.

    Returns the number of pages translated per language and the strings each file did not cover.
    Raises TranslationFileError for a PO file whose page is not in the demo (renamed or moved),
    rather than leaving that page untranslated without a word.
    """
    po_dir = po_dir or PO_DIR
    result = DemoTranslations()
    for language_dir in sorted(path for path in po_dir.iterdir() if path.is_dir()):
        locale = Locale.objects.filter(language_code=language_dir.name).first()
        if locale is None:
            continue  # the language is switched off on this site
        result.counts[locale.language_code] = 0
        for po_file in sorted(language_dir.glob("*.po")):
            if po_file.stem not in PAGES and po_file.stem not in SNIPPETS:
                raise TranslationFileError(
                    f"{shown(po_file)}: {po_file.stem!r} is not one of the demo's translated "
                    f"pages or snippets (PAGES and SNIPPETS in {__name__})."
                )
        for key in [*PAGES, *SNIPPETS]:
            po_file = language_dir / f"{key}.po"
            if not po_file.exists():
                continue
            source = english_page(root, PAGES[key]) if key in PAGES else SNIPPETS[key](root)
            if source is None:
                where = f"no page at /{PAGES[key]}" if key in PAGES else f"no {key}"
                raise TranslationFileError(
                    f"{shown(po_file)}: there is {where} to translate (has it moved? PAGES and "
                    f"SNIPPETS in {__name__} say where things are)."
                )
            existing = source.get_translation_or_none(locale)
            if existing is not None and getattr(existing, "alias_of_id", None) is None:
                continue
            _translated, missing = translate_from_po(source, locale, polib.pofile(str(po_file)))
            if missing:
                result.missing[shown(po_file)] = missing
            result.counts[locale.language_code] += 1
    return result
