"""The demo's human translations: a few pages in Polish and Urdu, so the multilingual site can be
seen working (issue 8): the home page, the Communities of Schools guide and its easy-read version,
and the young people's questionnaire.

Each translation is a PO file in po/<language>/<page key>.po, in the format wagtail-localize's
translation editor downloads and uploads, so a translator can improve one and the next demo build
uses it. Files are matched to pages by source text (see hub.translation_files), because the block
ids in their msgctxt lines belong to the database they were exported from.

Every other page stays an alias of the English page, shown with an honest "not translated yet"
notice, as on a real site part-way through translation.
"""

from __future__ import annotations

from pathlib import Path

import polib
from wagtail.models import Locale, Page

from hub.translation_files import translate_from_po

PO_DIR = Path(__file__).resolve().parent / "po"

# Page key (the PO file's name) → how to find the English page: its URL path under the site root.
PAGES = {
    "home": "",
    "communities-of-schools": "guides-for-families/communities-of-schools/",
    "communities-of-schools-easy-read": "guides-for-families/communities-of-schools/easy-read/",
    "young-people-have-your-say": "have-your-say/young-people-have-your-say/",
}


def english_page(root: Page, path: str) -> Page | None:
    return (
        Page.objects.filter(url_path=f"{root.url_path}{path}", locale_id=root.locale_id)
        .specific()
        .first()
    )


def translate_demo_pages(root: Page) -> dict[str, int]:
    """Translate the demo pages that have a PO file and are not translated yet (an alias or no
    copy at all), so running the demo again never overwrites a translator's work. Returns the
    number of pages translated per language."""
    counts: dict[str, int] = {}
    for language_dir in sorted(path for path in PO_DIR.iterdir() if path.is_dir()):
        locale = Locale.objects.filter(language_code=language_dir.name).first()
        if locale is None:
            continue  # the language is switched off on this site
        counts[locale.language_code] = 0
        for key, path in PAGES.items():
            po_file = language_dir / f"{key}.po"
            page = english_page(root, path)
            if page is None or not po_file.exists():
                continue
            existing = page.get_translation_or_none(locale)
            if existing is not None and existing.alias_of_id is None:
                continue
            translate_from_po(page, locale, polib.pofile(str(po_file)))
            counts[locale.language_code] += 1
    return counts
