"""Page objects for the browser layer: where each page type of the demo site lives.

Addresses are found in the database at run time (the first live page of each type, in page-tree
order), so the tests follow the demo content as it changes instead of hard-coding its slugs.
Only the keys in PAGE_TYPES are fixed, because pytest needs them to name the tests before the
database exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Locale, Page, Site

from consultations.models import ConsultationPage
from home.models import EasyReadPage, HomePage, IndexPage, InformationPage
from hub.models import CouncilSettings
from local_offer.models import LocalOfferPage
from outcomes.models import AmbitionPage
from schools.models import SchoolFinderPage
from you_said_we_did.models import UpdateIndexPage, UpdatePage

# Test id -> page model. Every public page type the site has; add new ones here.
PAGE_TYPES: dict[str, type[Page]] = {
    "home": HomePage,
    "index": IndexPage,
    "information": InformationPage,
    "easy_read": EasyReadPage,
    "ambition": AmbitionPage,
    "local_offer": LocalOfferPage,
    "consultation": ConsultationPage,
    "school_finder": SchoolFinderPage,
    "update_index": UpdateIndexPage,
    "update": UpdatePage,
}

NOT_FOUND_URL = "/this-page-does-not-exist/"
RTL_LANGUAGE = "ur"


@dataclass(frozen=True)
class DemoPage:
    page_type: str
    title: str
    url: str  # a path on the demo server, e.g. "/strategy/"
    language: str

    def __str__(self) -> str:
        return f"{self.page_type} ({self.language}) {self.url}"


@dataclass
class DemoPages:
    """The demo site's pages, by page type and language."""

    english: dict[str, DemoPage] = field(default_factory=dict)
    urdu: dict[str, DemoPage] = field(default_factory=dict)
    # An information page with an accordion on it, for the no-JavaScript test.
    accordion: DemoPage | None = None
    # Every live English page, for checking the sitemap.
    all_english_urls: list[str] = field(default_factory=list)
    not_found_url: str = NOT_FOUND_URL
    council_name: str = ""

    @classmethod
    def discover(cls) -> DemoPages:
        default_locale = Locale.get_default()
        pages = cls()
        pages.english = _first_of_each_type(default_locale)
        missing = sorted(set(PAGE_TYPES) - set(pages.english))
        if missing:
            raise LookupError(
                f"The demo site has no live {', '.join(missing)} page: "
                "check load_demo_content, or remove the type from PAGE_TYPES in pages.py."
            )
        urdu = Locale.objects.filter(language_code=RTL_LANGUAGE).first()
        if urdu is not None and RTL_LANGUAGE in dict(settings.LANGUAGES):
            pages.urdu = _first_of_each_type(urdu)
        pages.accordion = _first_with_block(InformationPage, default_locale, "accordion")
        pages.all_english_urls = [
            page.url
            for page in Page.objects.live()
            .public()
            .filter(locale=default_locale, depth__gt=1)
            .order_by("path")
        ]
        site = Site.objects.get(is_default_site=True)
        pages.council_name = CouncilSettings.for_site(site).council_name
        return pages


def _first_of_each_type(locale: Locale) -> dict[str, DemoPage]:
    found = {}
    for page_type, model in PAGE_TYPES.items():
        page = model.objects.live().public().filter(locale=locale).order_by("path").first()
        if page is not None:
            found[page_type] = DemoPage(page_type, page.title, page.url, locale.language_code)
    return found


def _first_with_block(model, locale: Locale, block_type: str) -> DemoPage | None:
    for page in model.objects.live().public().filter(locale=locale).order_by("path"):
        if any(block.block_type == block_type for block in page.body):
            page_type = next(key for key, value in PAGE_TYPES.items() if value is model)
            return DemoPage(page_type, page.title, page.url, locale.language_code)
    return None
