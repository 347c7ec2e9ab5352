"""Communities of Schools for school leaders and SENCos (seed 002), with the professional facts
from the committee report (seed 003, section 4): the Continuum of Need and Provision, SENCo
forums and the Balanced System for speech, language and communication needs.

Seed 003 names the officer who wrote the Continuum; this page says who it was written by
("school leaders") without naming anyone.
"""

from home.models import InformationPage

from .blocks import a, accordion, details, heading, inset, p, paragraph, summary_list, ul
from .builder import PageSpec

KELSI = "https://www.kelsi.org.uk/special-education-needs"
COMMUNITIES_URL = f"{KELSI}/inclusion/localities-model-for-school-inclusion/communities-of-schools"
CONTINUUM_URL = (
    f"{KELSI}/inclusion/localities-model-for-school-inclusion/community-of-schools-documentation/"
    "continuum-of-need-and-provision"
)
SENCO_FORUMS_URL = f"{KELSI}/inclusion/senco-briefing-updates/countywide-senco-forums-year-20252026"
SLCN_URL = (
    f"{KELSI}/special-educational-needs/the-balanced-system-in-kent-for-speech-language-and-"
    "communications-needs-slcn/what-good-looks-like-for-slcn-in-kent2"
)
CATIE_URL = (
    "https://www.kelsi.org.uk/__data/assets/pdf_file/0005/153185/"
    "Countywide-Approach-to-Inclusive-Education.pdf"
)


def schools_body(ref) -> dict:
    return {
        "body": [
            paragraph(
                p(
                    "Communities of Schools are 53 local groups of schools, organised in line "
                    "with NHS Primary Care Networks. Every mainstream school in Kent belongs to "
                    "one. Working together, schools can share good practice and resources, such "
                    "as sensory rooms or specialist staff, and reach specialists, including "
                    "health services, through the Professional Resource Groups."
                ),
                p(
                    "Parents can read "
                    + ref.a(
                        "communities-of-schools",
                        "what Communities of Schools mean for their family",
                    )
                    + "."
                ),
            ),
            summary_list(
                [
                    ("Number of communities", p("53, covering all of Kent.")),
                    ("Members", p("Every mainstream school in Kent.")),
                    ("Based on", p("NHS Primary Care Networks.")),
                    ("Community principles agreed", p("April 2023, by schools.")),
                    (
                        "Went live",
                        p(
                            "September 2025, after three years of preparation, "
                            "engagement and consultation."
                        ),
                    ),
                    ("Each community has", p("An independent chair and a Community SEND budget.")),
                ]
            ),
            heading("Why communities follow Primary Care Networks"),
            paragraph(
                p(
                    "Primary Care Networks were set up in 2019. They group GP practices "
                    "together with community, mental health, social care, pharmacy, hospital "
                    "and voluntary services, to offer more personalised, coordinated health and "
                    "social care. Most serve 30,000 to 50,000 people."
                ),
                p(
                    "Matching communities to these networks is part of the long-term plan to "
                    "commission community services and SEN therapies (physiotherapy, "
                    "occupational therapy and speech and language therapy) jointly with the "
                    "NHS. The first stage of joint recommissioning began in September and "
                    "October 2025."
                ),
            ),
            heading("What a Community of Schools does"),
            paragraph(
                p("Each community will:"),
                ul(
                    "address local needs while aligning with Kent, regional and national "
                    "objectives",
                    "share best practice for SEN inclusion in mainstream settings",
                    "review local SEN, education and other data, using the district dashboard, "
                    "to spot trends and issues",
                    "adapt its approach as local populations and needs change",
                    "discuss provision and agree coordinated approaches",
                    "coordinate the allocation of specialist SEN resources and support",
                    "make sure resources are shared fairly and effectively across the community",
                    "keep members actively engaged in community meetings",
                    "keep a skilled workforce and offer peer-to-peer professional development",
                    "use and review secure, efficient data-sharing systems",
                    "complement, not duplicate, existing services",
                    "commit to strong leadership, evaluating and adjusting its strategy regularly",
                    "monitor progress on local SEN improvement work",
                ),
            ),
            heading("Principles for community working"),
            paragraph(
                p("Schools agreed these principles in April 2023:"),
                ul(
                    "commitment to meeting needs in the area and achieving the best possible "
                    "pupil outcomes",
                    "prioritising the greatest need, rather than advocating for your own school",
                    "willingness to support and challenge, and to be supported and challenged",
                    "recognising the impact of context, not just levels of pupil need",
                    "taking an active part even when your school has no immediate need for support",
                    "using all available budgets well: delegated, devolved and community",
                    "reducing reliance on additional resources wherever possible, so they can "
                    "be reallocated",
                    "responding to contingencies as they arise, and keeping capacity for them",
                    "sharing good practice with, and learning from, other communities",
                    "commitment to equity and positive outcomes across the area and the county",
                ),
            ),
            heading("The independent chair"),
            paragraph(
                p(
                    "Every community has a chair appointed from outside the community. The "
                    "chair runs community meetings to the agenda set by the council, as part of "
                    "its local partnership arrangements for children and young people with SEN. "
                    "Chairs were recruited in December 2024 and inducted between January and "
                    "April 2025."
                )
            ),
            accordion(
                [
                    (
                        "Running community meetings",
                        "Agenda, principles and follow-up",
                        ul(
                            "Make sure the community works in line with the Community "
                            "Principles agreed in April 2023.",
                            "Plan the agenda and chair meetings on the dates agreed across the "
                            "local area, following the council's agenda so that best practice "
                            "is put in place and shared.",
                            "Make sure actions from each meeting are followed up by the right "
                            "person, with reports back to the community and, where relevant, "
                            "the Area Moderation Board.",
                            "Share information from the Area Moderation Board with the community.",
                        ),
                    ),
                    (
                        "Resources and funding",
                        "Allocating support and money fairly",
                        ul(
                            "Make sure the community has used all available resources from the "
                            "Professional Resource Group, with due thought for expected "
                            "outcomes.",
                            "Approve or decline the community's recommendations to allocate "
                            "additional funding.",
                            "Make sure resources are allocated in line with the Community "
                            "Principles.",
                        ),
                    ),
                    (
                        "Reporting",
                        "Spending and balances",
                        ul(
                            "Report any agreed spending to High Needs Funding officers.",
                            "Report the balance of available funding back to the community.",
                        ),
                    ),
                ]
            ),
            paragraph(
                p(
                    "Community chairs meet five times a year, and countywide forums keep "
                    "practice consistent. A moderation exercise in December 2025 looked at how "
                    "schools are using the system. Its findings are being used to improve the "
                    "operating guidance and communication."
                ),
                p(a(COMMUNITIES_URL, "Communities of Schools documents on KELSI")),
            ),
            heading("The Continuum of Need and Provision"),
            paragraph(
                p(
                    "The Kent SEND Continuum of Need and Provision was written by schools, for "
                    "schools, between 2023 and 2025, by Kent education leaders. It is still a "
                    "draft so that it can be updated to match national policy. Training, also "
                    "developed by school leaders, is being rolled out, and wider services are "
                    "starting to use it to shape their offer to schools."
                ),
                p(
                    a(
                        CONTINUUM_URL,
                        "The Continuum of Need and Provision and case studies from "
                        "Kent schools (KELSI)",
                    )
                ),
            ),
            details(
                "The Countywide Approach to Inclusive Education",
                p(
                    "The Countywide Approach to Inclusive Education (CATIE) and the Mainstream "
                    "Core Standards underpin inclusive practice in mainstream settings. CATIE "
                    "was published in 2022 and will be reviewed in 2028. Its four priorities "
                    "are:"
                ),
                ul(
                    "developing a school-led system",
                    "access to additional support and intervention",
                    "a holistic approach to wider services",
                    "a focus on transitions",
                ),
                p(a(CATIE_URL, "Countywide Approach to Inclusive Education (PDF)")),
            ),
            heading("SENCo forums"),
            paragraph(
                p(
                    "Countywide forums for early years, primary and secondary SENCos started in "
                    "2022. They are a place to share good practice, hear from practitioners and "
                    "raise concerns and training needs."
                ),
                p(a(SENCO_FORUMS_URL, "Countywide SENCo forums 2025 to 2026 (KELSI)")),
            ),
            heading("Speech, language and communication: the Balanced System"),
            paragraph(
                p(
                    "In 2022, children could wait up to two and a half years for speech and "
                    "language therapy, and three providers worked in different ways. Kent "
                    "adopted the Balanced System\u00ae, built on easy access, a targeted offer "
                    "and place-based delivery, so families do not have to travel to "
                    "appointments."
                ),
                p(
                    "Therapists now train and support school staff and parents, so more "
                    "children get help through a stronger universal and targeted offer. Every "
                    "school is being linked to a named link therapist. Kent Community Health "
                    "NHS Foundation Trust holds both the NHS and council contracts and began "
                    "delivering them in late 2025."
                ),
            ),
            summary_list(
                [
                    (
                        "Schools and settings accredited",
                        p("31 since 2022, with 29 more working towards accreditation."),
                    ),
                    ("Schools with a link therapist and plan", p("68% in December 2025.")),
                    (
                        "Children waiting over 12 weeks for first contact",
                        p("44 in February 2026, down from 407 in May 2023 (not including Swale)."),
                    ),
                    (
                        "Children on specialist caseloads",
                        p(
                            "2,377 in January 2026, down from 5,161 in May 2023 (not including "
                            "Swale)."
                        ),
                    ),
                ]
            ),
            inset(
                p(
                    "In Swale, services are still being brought into line with the rest of "
                    "Kent, including pre-school Talking Walk-ins and a link therapist for every "
                    "school."
                )
            ),
            paragraph(p(a(SLCN_URL, "What good looks like for SLCN in Kent (KELSI)"))),
        ]
    }


SCHOOLS_GUIDE = PageSpec(
    key="communities-of-schools-for-schools",
    model=InformationPage,
    parent="professionals",
    title="Communities of Schools: a guide for schools and SENCos",
    slug="communities-of-schools-for-schools",
    summary=(
        "How the 53 Communities of Schools work: their role, the principles schools agreed, "
        "the independent chair's duties and the tools that support them."
    ),
    fields=schools_body,
)
