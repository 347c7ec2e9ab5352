"""Template tags for site furniture: navigation, breadcrumbs, language switcher, text direction.

Each tag makes at most one query, whatever the size of the site, so page query counts stay flat.
"""

from django import template
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from hub.locales import language_name, live_translations, text_direction

register = template.Library()


def _localized_root(context):
    """The home page in the active language, looked up once per request."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_hub_localized_root"):
        site = Site.find_for_request(request)
        # .localized falls back to the default-language page when there is no translation.
        request._hub_localized_root = site.root_page.localized if site else None
    return request._hub_localized_root


@register.simple_tag(name="text_direction")
def active_text_direction() -> str:
    """'rtl' for right-to-left languages (Urdu, Arabic), else 'ltr'."""
    return "rtl" if translation.get_language_bidi() else "ltr"


@register.simple_tag(takes_context=True)
def site_root(context):
    return _localized_root(context)


@register.inclusion_tag("components/service_navigation.html", takes_context=True)
def service_navigation(context):
    root = _localized_root(context)
    current = context.get("page")
    items = []
    if root is not None:
        for child in root.get_children().live().public().in_menu():
            active = current is not None and current.path.startswith(child.path)
            items.append(
                {
                    "page": child,
                    "active": active,
                    "current": current == child,
                    "lang": _untranslated_title_language(child),
                }
            )
    return {"items": items, "request": context.get("request")}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = []
    if page is not None and page.depth > 2:
        ancestors = [
            {"page": ancestor, "lang": _untranslated_title_language(ancestor)}
            for ancestor in page.get_ancestors().filter(depth__gt=1).live()
        ]
    return {"ancestors": ancestors, "request": context.get("request")}


def _untranslated_title_language(page: Page) -> str | None:
    """The language of a page's title when it is an untranslated alias, for its `lang`.

    Locale trees are synchronised from the default language (hub.locales), so an alias's title
    is in that language.
    """
    from django.conf import settings

    if page.alias_of_id and translation.get_language() != settings.LANGUAGE_CODE:
        return settings.LANGUAGE_CODE
    return None


def _page_languages(context) -> list[dict]:
    """This page in every language it is published in, in the site's language order.

    Computed once per request and shared by the language switcher and the hreflang links.
    """
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page):
        return []
    if request is not None and hasattr(request, "_hub_page_languages"):
        return request._hub_page_languages
    current_language = translation.get_language()
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    languages = [
        {
            "code": translated.locale.language_code,
            "name": language_name(translated.locale.language_code),
            "dir": text_direction(translated.locale.language_code),
            "url": translated.get_url(request),
            "full_url": translated.get_full_url(request),
            "current": translated.locale.language_code == current_language,
        }
        for translated in sorted(translations, key=lambda p: _language_order(p.locale))
    ]
    if request is not None:
        request._hub_page_languages = languages
    return languages


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language it has been published in, each named in itself."""
    languages = _page_languages(context)
    return {"items": languages if len(languages) > 1 else []}


@register.inclusion_tag("components/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for search engines, with x-default for the default language."""
    from django.conf import settings

    languages = _page_languages(context)
    default = next((lang for lang in languages if lang["code"] == settings.LANGUAGE_CODE), None)
    return {"items": languages if len(languages) > 1 else [], "default": default}


def _language_order(locale: Locale) -> int:
    from django.conf import settings

    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return codes.index(locale.language_code) if locale.language_code in codes else len(codes)


@register.filter
def heading_anchor(text: str) -> str:
    from django.utils.text import slugify

    return slugify(text)


@register.simple_tag(takes_context=True)
def untranslated_content(context):
    """When this page's text is not in the visitor's language, say which language it is in.

    Happens for pages that have not been translated yet: wagtail-localize keeps each language's
    tree in step by creating aliases of the original pages, and a language without its own tree
    falls back to the default one. The template marks the content with its real `lang` and tells
    the visitor honestly, with a link to the original.
    """
    page = context.get("page")
    if not isinstance(page, Page):
        return None
    source = page
    if page.alias_of_id:
        source = (
            Page.objects.select_related("locale")
            .only("url_path", "locale__language_code")
            .get(pk=page.alias_of_id)
        )
    code = source.locale.language_code
    if code == translation.get_language():
        return None
    return {
        "code": code,
        "dir": text_direction(code),
        "name": language_name(code),
        "visitor_language": language_name(translation.get_language()),
        "url": source.get_url(context.get("request")),
    }


@register.simple_tag
def default_language() -> str:
    """The site's default language: the one site settings and untranslated pages are written in."""
    from django.conf import settings

    return settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def footer_links(context, brand):
    """The footer's links to the pages chosen in the council settings, in the visitor's language."""
    chosen = [
        (_("Accessibility statement"), brand.accessibility_page),
        (_("Privacy"), brand.privacy_page),
        (_("Cookies"), brand.cookies_page),
        (_("Contact us"), brand.contact_page),
    ]
    chosen = [(text, page) for text, page in chosen if page is not None]
    pages = localized_pages(context, *(page for _text, page in chosen))
    return [{"text": text, "page": page} for (text, _page), page in zip(chosen, pages, strict=True)]


@register.simple_tag(takes_context=True)
def localized_page(context, page):
    """One page in the visitor's language where it exists (shares localized_pages' query)."""
    if page is None:
        return None
    return localized_pages(context, page)[0]


@register.simple_tag(takes_context=True)
def localized_pages(context, *pages):
    """The given pages in the visitor's language where they exist.

    Used for the site furniture (footer links, contact page), which is chosen once in the council
    settings but should keep a visitor reading in Urdu on Urdu pages. Results are remembered for
    the request, so the footer, phase banner and error page share one query.
    """
    pages = [page for page in pages if page is not None]
    request = context.get("request")
    cache = request.__dict__.setdefault("_hub_localized_pages", {}) if request else {}
    missing = [page for page in pages if page.pk not in cache]
    if missing:
        translations = live_translations(
            Locale.get_active().pk, (page.translation_key for page in missing)
        )
        for page in missing:
            cache[page.pk] = translations.get(page.translation_key, page)
    return [cache[page.pk] for page in pages]
