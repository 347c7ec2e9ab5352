"""The home page and the three section landing pages.

The home page's three routes match the audiences in the architecture: parents and carers, young
people, and schools and professionals. Its introduction is the strategy's vision (seed 001).
"""

from home.models import HomePage, IndexPage

from .blocks import button, heading, inset, link, p, paragraph, route
from .builder import PageSpec
from .strategy import VISION


def optional_links(*pairs: tuple[int | None, str]) -> list[dict]:
    """Links to the pages that exist, in order; (page id, text) pairs whose page is None are left out."""
    return [link(text, page=page_id) for page_id, text in pairs if page_id is not None]


def home_fields(ref) -> dict:
    return {
        "intro": (
            "Information, advice and support for children and young people with special "
            "educational needs and disabilities (SEND) in Kent, and their families. Our vision: "
            + VISION[0].lower()
            + VISION[1:]
        ),
        "routes": [
            route(
                "Parents and carers",
                "Find support for your child, understand the help they can get at school, and "
                "how to ask for an EHC needs assessment.",
                optional_links(
                    (ref.under_home("find-support"), "Find support in the Local Offer"),
                    (
                        ref.under_home("find-a-school"),
                        "Find your child's school's SEND Information Report",
                    ),
                    (ref.id("ehc-needs-assessment"), "Asking for an EHC needs assessment"),
                    (
                        ref.id("communities-of-schools"),
                        "Communities of Schools: what they mean for your family",
                    ),
                    (ref.id("strategy"), "Our SEND strategy 2025 to 2028"),
                ),
            ),
            route(
                "Young people",
                "Information in plain words and easy read, and how to have your say.",
                optional_links(
                    (ref.under_home("have-your-say"), "Have your say"),
                    (
                        ref.id("communities-of-schools-easy-read"),
                        "Communities of Schools in easy read",
                    ),
                    (ref.id("young-people"), "Information for young people"),
                    (ref.id("strategy"), "Our SEND strategy 2025 to 2028"),
                ),
            ),
            route(
                "Schools and professionals",
                "How Communities of Schools work, the services you can point families to, and "
                "the strategy and plan behind them.",
                optional_links(
                    (
                        ref.id("communities-of-schools-for-schools"),
                        "Communities of Schools: a guide for schools and SENCos",
                    ),
                    (ref.under_home("find-a-school"), "Find a school's SEND Information Report"),
                    (ref.under_home("find-support"), "The Local Offer: services for families"),
                    (ref.id("strategy"), "Our SEND strategy 2025 to 2028"),
                    (ref.id("improvement-plan"), "Our SEND improvement plan"),
                ),
            ),
        ],
        "body": [
            heading("Have your say on our SEND strategy"),
            paragraph(
                p(
                    "We have written a draft SEND strategy for 2025 to 2028 with families, "
                    "young people, schools and professionals. Tell us what you think, online or "
                    "on paper."
                )
            ),
            button(
                "Read the strategy and have your say",
                page=ref.under_home("have-your-say") or ref.id("strategy"),
            ),
            inset(
                p(
                    "Your child does not need an education, health and care (EHC) plan to get "
                    "extra help at school."
                )
            ),
        ],
    }


HOME = PageSpec(
    key="home",
    model=HomePage,
    parent=None,
    title="SEND support in Kent",
    slug="home",
    summary=(
        "Information, advice and support for children and young people with special "
        "educational needs and disabilities in Kent, and their families."
    ),
    fields=home_fields,
)

GUIDES = PageSpec(
    key="guides",
    model=IndexPage,
    parent="home",
    title="Guides for families",
    slug="guides-for-families",
    summary="Plain-English guides for parents and carers of children and young people with SEND.",
    fields=lambda ref: {
        "intro": (
            "Guides for parents and carers: how support works at school, and how to ask for "
            "an education, health and care (EHC) needs assessment."
        )
    },
    show_in_menus=True,
)

YOUNG_PEOPLE = PageSpec(
    key="young-people",
    model=IndexPage,
    parent="home",
    title="For young people",
    slug="young-people",
    summary="Information for children and young people with SEND, in plain words and easy read.",
    fields=lambda ref: {
        "intro": (
            "This section is for you if you are a young person with special educational needs "
            "or disabilities. You told us information is often too wordy. We are writing these "
            "pages in plain words and easy read."
        )
    },
    show_in_menus=True,
)

PROFESSIONALS = PageSpec(
    key="professionals",
    model=IndexPage,
    parent="home",
    title="For schools and professionals",
    slug="schools-and-professionals",
    summary=(
        "Information for SENCos, school leaders and other professionals who support children "
        "and young people with SEND."
    ),
    fields=lambda ref: {
        "intro": (
            "How Communities of Schools work, the principles schools agreed, and the tools and "
            "services that support inclusive practice."
        )
    },
    show_in_menus=True,
)
