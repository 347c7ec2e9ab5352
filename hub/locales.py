"""Keep Wagtail's Locale rows in step with WAGTAIL_CONTENT_LANGUAGES.

A council switches a language on by adding its code to the environment variable; after the next
`migrate` the language exists in the CMS, ready for translators. Locales are never deleted here:
that would delete their pages.
"""

from collections.abc import Iterable

from django.conf import settings
from django.utils import translation


def language_name(code: str) -> str:
    """The language's name in itself, as the site's language table gives it."""
    return dict(settings.LANGUAGES).get(code) or translation.get_language_info(code)["name_local"]


def text_direction(code: str) -> str:
    return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"


def live_translations(locale_id: int, translation_keys: Iterable) -> dict:
    """The live pages in `locale_id` with these translation keys, keyed by translation key.

    One query however many keys; pages with no live copy in that language are left out.
    """
    from wagtail.models import Page

    return {
        page.translation_key: page
        for page in Page.objects.live().filter(
            locale_id=locale_id, translation_key__in=set(translation_keys)
        )
    }


def create_configured_locales(**kwargs) -> None:
    from wagtail.models import Locale

    existing = set(Locale.objects.values_list("language_code", flat=True))
    Locale.objects.bulk_create(
        Locale(language_code=code)
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code not in existing
    )


def synchronise_locale_trees() -> int:
    """Keep every configured language's page tree in step with the default language's.

    wagtail-localize creates an alias of each page in each language until a translator translates
    it, so every page has an address in every language (showing the original with an honest
    "not translated yet" notice) and translators always have the page to work on. Returns the
    number of languages synchronised.
    """
    from wagtail.models import Locale
    from wagtail_localize.models import LocaleSynchronization

    default = Locale.get_default()
    targets = Locale.objects.filter(
        language_code__in=[code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    ).exclude(pk=default.pk)
    for locale in targets:
        sync, created = LocaleSynchronization.objects.get_or_create(
            locale=locale, defaults={"sync_from": default}
        )
        if not created:
            # Creating one synchronises at once; an existing one may have pages added since.
            sync.sync_trees()
    return len(targets)
