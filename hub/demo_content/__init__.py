"""The demo site's content, built from the seed documents in /work/shared/seeds/.

``build()`` creates the demo site on a fresh database and brings an existing one up to date;
running it again changes nothing. Each module holds one area of the site; the order of PAGES is
the order of the page tree (a parent always comes before its children).
"""

from collections import Counter

from django.db import transaction

from .ambitions import AMBITIONS, ambition_page_specs
from .ambitions_easy_read import ambition_easy_read_specs
from .builder import DemoBuilder, PageSpec
from .communities_of_schools import COMMUNITIES_OF_SCHOOLS, COMMUNITIES_OF_SCHOOLS_EASY_READ
from .ehc_needs_assessment import EHC_NEEDS_ASSESSMENT
from .home import GUIDES, HOME, PROFESSIONALS, YOUNG_PEOPLE
from .improvement_plan import IMPROVEMENT_PLAN
from .schools_and_professionals import SCHOOLS_GUIDE
from .site_pages import SITE_PAGES
from .strategy import PAPER_ADDRESS, STRATEGY

PAGES: list[PageSpec] = [
    HOME,
    STRATEGY,
    *ambition_page_specs(parent=STRATEGY.key),
    *ambition_easy_read_specs(),
    GUIDES,
    EHC_NEEDS_ASSESSMENT,
    COMMUNITIES_OF_SCHOOLS,
    COMMUNITIES_OF_SCHOOLS_EASY_READ,
    YOUNG_PEOPLE,
    PROFESSIONALS,
    SCHOOLS_GUIDE,
    IMPROVEMENT_PLAN,
    *SITE_PAGES,
]

COUNCIL_SETTINGS = {
    "council_name": "Kent County Council",
    "service_name": "SEND Information Hub",
    # A dark blue with 8.8:1 contrast against white, well above the 4.5:1 the settings require.
    "brand_colour": "#1d4f6e",
    "link_colour": "#1d70b8",
    "phase": "beta",
    "phone": "03000 41 41 41",
    "postal_address": PAPER_ADDRESS.replace(", ", "\n"),
    # Values ending in _page are page keys, turned into pages by the builder.
    "accessibility_page": "accessibility",
    "privacy_page": "privacy",
    "cookies_page": "cookies",
    "contact_page": "contact",
}


def build() -> Counter[str]:
    """Build or update the whole demo site in one transaction."""
    with transaction.atomic():
        return DemoBuilder().build(PAGES, AMBITIONS, COUNCIL_SETTINGS)
