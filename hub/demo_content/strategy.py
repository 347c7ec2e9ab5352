"""The draft SEND strategy 2025 to 2028 (seed 001), rewritten for parents and carers.

The seed lists only one of the Outcomes Framework's statements by name ("My independence"); the
others are in a diagram the text does not carry, so this page does not guess at them.
"""

from home.models import InformationPage

from .ambitions import AMBITIONS
from .blocks import a, b, button, details, heading, inset, p, paragraph, summary_list, ul
from .builder import PageSpec

STRATEGY_URL = "https://www.kent.gov.uk/sendstrategy"
PAPER_ADDRESS = "SEND Strategy Team, Kroner House, Eurogate Business Park, Ashford, Kent TN24 8UX"
VISION = (
    "Support children and young people to achieve through living healthy, safe lives in which "
    "they feel seen and included."
)


def strategy_body(ref) -> dict:
    ambition_links = ul(
        *(
            ref.a(f"ambition-{item.number}", f"Ambition {item.number}: {item.title}")
            for item in AMBITIONS
        )
    )
    return {
        "body": [
            paragraph(
                p(
                    "This is our draft plan for special educational needs and disabilities "
                    "(SEND) in Kent for 2025 to 2028. It replaces our SEND strategy for 2021 "
                    "to 2024."
                ),
                p(
                    "We wrote it with children, young people, parents, carers, schools, health "
                    "and social care, and the Kent SEND Partnership Board. We now want your "
                    "views, to make sure it meets your family's needs."
                ),
            ),
            button("Tell us your views", url=STRATEGY_URL, start=True),
            heading("Our vision"),
            inset(p(VISION)),
            paragraph(
                p(
                    "We want every child to feel supported, valued and included. We want "
                    "children and families to be at the heart of our work."
                ),
                p(
                    "Where it is the best option for your child, we want them to learn in a "
                    "local school, alongside their friends. Special schools should be there for "
                    "children with the most complex needs."
                ),
            ),
            heading("Why we have a new strategy"),
            paragraph(
                p(
                    "We know some things need to get better. Inspections and money problems "
                    "have shown where our services must improve."
                ),
                p(
                    "Inspectors visited in 2019 and came back in 2022. The government's "
                    "improvement notice was lifted in August 2024, because services had "
                    "improved. We want to keep improving."
                ),
                p(
                    "The strategy follows the law, including the Children and Families Act "
                    "2014, the SEND Code of Practice and the Equality Act 2010."
                ),
            ),
            heading("SEND in Kent", "h3"),
            summary_list(
                [
                    ("School-age children", p("About 269,791 in 2024.")),
                    ("Children with identified additional needs", p("44,921.")),
                    ("Children with an EHC plan", p("14,143.")),
                    (
                        "Pupils with an EHC plan in a mainstream school",
                        p("About 35% in Kent, compared with 48% across England."),
                    ),
                    (
                        "EHC plans finished within 20 weeks",
                        p("90% in February 2025, compared with 50.3% across England."),
                    ),
                    ("State-funded schools", p("592, of which 24 are special schools.")),
                ]
            ),
            heading("What you have told us"),
            paragraph(
                p(b("Parents and carers told us:")),
                ul(
                    "it is often hard to find someone who can help",
                    "information from the SEND team is not always clear or consistent",
                    "you believe we mean well, but it is hard to fully trust the system",
                    "you want more chances to give feedback and get involved",
                    "you need more regular updates about changes",
                ),
                p(b("Children and young people told us:")),
                ul(
                    "information is often too wordy and hard to understand",
                    "you want to be more involved in discussions and decisions",
                    "you want more examples of how our work will help you",
                    "you like \u201cyou said, we did\u201d updates that show what changed "
                    "because of your feedback",
                ),
                p(
                    "We have used this feedback to shape the strategy. We will communicate "
                    "better, work to earn your trust and give you more ways to get involved."
                ),
            ),
            heading("The Outcomes Framework"),
            paragraph(
                p(
                    "The Kent Children and Young People's Outcomes Framework sets out the "
                    "outcomes we want for children and young people with SEND. It helps us see "
                    "whether services are really making a difference, including health services "
                    "and services you do not get from the council or your school."
                ),
                p(
                    "Young people helped us improve the framework. They asked us to add a new "
                    "outcome, \u201cMy independence\u201d, and to put it at the top. We did."
                ),
            ),
            inset(
                p(
                    "The outcomes are built into how we buy and plan services, so we can check "
                    "the difference every service makes."
                )
            ),
            heading("Our 5 ambitions"),
            paragraph(
                p(
                    "The strategy has 5 ambitions. They match the Outcomes Framework. Each "
                    "ambition says why it matters, what we will do, the difference it will make "
                    "and how we will check progress."
                ),
                ambition_links,
            ),
            heading("What has changed since our last strategy"),
            details(
                "What we have done since 2021",
                ul(
                    "We work more closely with Kent PACT, the parent carer forum.",
                    "We launched an online SEND information hub for families.",
                    "We recruited a SEND youth participation officer.",
                    "The Kent Transition Charter has improved annual reviews and moves between "
                    "schools.",
                    "After training, over 90% of health professionals feel more confident "
                    "pointing families to the Local Offer.",
                    "We designed new support pathways for speech, language and communication "
                    "needs and for neurodiversity with families.",
                    "We opened family hubs, where parents can get information, advice and "
                    "guidance.",
                ),
            ),
            heading("How you can help"),
            paragraph(
                p(
                    "Your views help us understand what is working and what needs to improve. "
                    "You can:"
                ),
                ul(
                    f"fill in the questionnaire online at {a(STRATEGY_URL, 'kent.gov.uk/sendstrategy')}",
                    "fill in a paper copy and post it to us",
                    "take part in our regular surveys",
                    "join a parent support group",
                    "come to a consultation meeting",
                ),
                p("Post paper questionnaires to:"),
                p(b(PAPER_ADDRESS)),
                p("We are also talking directly with young people to hear their views."),
            ),
            heading("Other formats and languages"),
            paragraph(
                p("If you need this strategy in another format or language, contact us."),
                ul(
                    f"Email: {a('mailto:alternativeformats@kent.gov.uk', 'alternativeformats@kent.gov.uk')}",
                    "Phone: 03000 42 15 53",
                    "Text relay: 18001 03000 42 15 53",
                ),
                p("This number goes to an answering machine. We check it during office hours."),
            ),
        ]
    }


STRATEGY = PageSpec(
    key="strategy",
    model=InformationPage,
    parent="home",
    title="Our SEND strategy 2025 to 2028",
    slug="send-strategy",
    summary=(
        "Our draft plan for children and young people with SEND in Kent from 2025 to 2028. "
        "Read our vision and 5 ambitions, and tell us what you think."
    ),
    fields=strategy_body,
    show_in_menus=True,
)
