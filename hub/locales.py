"""Keep Wagtail's Locale rows in step with WAGTAIL_CONTENT_LANGUAGES.

A council switches a language on by adding its code to the environment variable; after the next
`migrate` the language exists in the CMS, ready for translators. Locales are never deleted here:
that would delete their pages.
"""

from django.conf import settings


def create_configured_locales(**kwargs) -> None:
    from wagtail.models import Locale

    existing = set(Locale.objects.values_list("language_code", flat=True))
    Locale.objects.bulk_create(
        Locale(language_code=code)
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code not in existing
    )
