"""The home page and the three section landing pages.

The home page's three routes match the audiences in the architecture: parents and carers, young
people, and schools and professionals. Its introduction is the strategy's vision (seed 001).
"""

from home.models import HomePage, IndexPage

from .blocks import button, heading, inset, link, p, paragraph, route
from .builder import PageSpec
from .strategy import VISION


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
                "Understand the support your child can get at school, and how to ask for an "
                "EHC needs assessment.",
                [
                    link("Asking for an EHC needs assessment", page=ref.id("ehc-needs-assessment")),
                    link(
                        "Communities of Schools: what they mean for your family",
                        page=ref.id("communities-of-schools"),
                    ),
                    link("Our SEND strategy 2025 to 2028", page=ref.id("strategy")),
                    link("Our SEND improvement plan", page=ref.id("improvement-plan")),
                ],
            ),
            route(
                "Young people",
                "Information in plain words and easy read, and how to have your say.",
                [
                    link(
                        "Communities of Schools in easy read",
                        page=ref.id("communities-of-schools-easy-read"),
                    ),
                    link("Have your say on our SEND strategy", page=ref.id("strategy")),
                    link("Information for young people", page=ref.id("young-people")),
                ],
            ),
            route(
                "Schools and professionals",
                "How Communities of Schools work, and the strategy and plan behind them.",
                [
                    link(
                        "Communities of Schools: a guide for schools and SENCos",
                        page=ref.id("communities-of-schools-for-schools"),
                    ),
                    link("Our SEND strategy 2025 to 2028", page=ref.id("strategy")),
                    link("Our SEND improvement plan", page=ref.id("improvement-plan")),
                ],
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
            button("Read the strategy and have your say", page=ref.id("strategy")),
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
