"""The family guide to asking for an EHC needs assessment.

The facts come from the committee report (seed 003, section 2: who can ask, the legal test, the
statutory timeline, mediation, tribunal and IASK) and from the Communities of Schools explainer
(seed 000: a child does not need a plan to get extra help). The report names officers and argues
about funding; none of that belongs on a page for parents, so it is not used. Appeal time limits
are the well-established national rules, not Kent-specific ones.
"""

from home.models import InformationPage

from .blocks import (
    b,
    button,
    details,
    heading,
    inset,
    p,
    paragraph,
    step_by_step,
    ul,
    warning,
)
from .builder import PageSpec

LOCAL_OFFER_URL = "https://www.kent.gov.uk/SEND"


def ehc_body(ref) -> dict:
    return {
        "body": [
            paragraph(
                p(
                    "An education, health and care (EHC) needs assessment is how the council "
                    "finds out what support your child needs. It is the first step towards an "
                    "EHC plan."
                ),
                p(
                    "This guide explains who can ask for an assessment, what happens and when, "
                    "and what you can do if you disagree with a decision."
                ),
            ),
            inset(
                p(
                    "Your child does not need an EHC plan to get extra help or resources at "
                    "school. Talk to your child's school first."
                )
            ),
            heading("What an EHC plan is"),
            paragraph(
                p(
                    "An EHC plan is a legal document for a child or young person aged 0 to 25. "
                    "It describes their special educational needs, the support they must get "
                    "and the outcomes the support should achieve. It can also cover health and "
                    "social care needs."
                ),
                p(
                    "Most children with SEND get the help they need from their school or "
                    "setting without a plan. A plan is for children whose needs cannot be met "
                    "that way."
                ),
            ),
            heading("Getting help without an EHC plan"),
            paragraph(
                p(
                    "Every school should publish a SEND Information Report on its website. It "
                    "explains the support the school offers."
                ),
                p(
                    "You can also talk to the school's special educational needs and "
                    "disabilities coordinator (SENCo or SENDCo)."
                ),
                p(
                    "Schools pay for extra support from their own budget. If a child needs "
                    "more, the school can ask the council for extra funding. Schools now do "
                    "this through their "
                    + ref.a("communities-of-schools", "Community of Schools")
                    + "."
                ),
            ),
            heading("Who can ask for an assessment"),
            paragraph(
                p("You can ask for an EHC needs assessment if you are:"),
                ul(
                    "the child's parent or carer",
                    "a young person aged 16 to 25, asking for yourself",
                    "someone asking on behalf of the child's school or college",
                ),
                p(
                    "The council can also decide to assess a child when they are brought to "
                    "its attention."
                ),
                p(
                    "The council must assess if your child has, or may have, special "
                    "educational needs and may need support through an EHC plan. This is the "
                    "legal test in section 36 of the Children and Families Act 2014."
                ),
            ),
            heading("What happens and when"),
            paragraph(
                p(
                    "The law sets time limits for each step. Weeks are counted from the day the "
                    "council gets your request."
                )
            ),
            step_by_step(
                "From your request to a final EHC plan",
                [
                    (
                        "Ask for an assessment",
                        "Week 0",
                        p(
                            "Send your request to the council. The Local Offer explains how. "
                            "Say why you think your child needs an assessment."
                        ),
                    ),
                    (
                        "The council decides whether to assess",
                        "Within 6 weeks",
                        p(
                            "The council talks to you and tells your child's school, health "
                            "and social care services that it is considering your request. It "
                            "asks you to fill in a form about your child: what is working, what "
                            "is not, and your hopes for them."
                        )
                        + p(
                            "If the council decides not to assess, it must tell you about your "
                            "right to mediation and to appeal to the SEND Tribunal."
                        ),
                    ),
                    (
                        "The assessment",
                        "Weeks 6 to 16",
                        p("The council asks for advice about your child's needs from:")
                        + ul(
                            "you, or the young person",
                            "their school, college or early years setting",
                            "a doctor or other health professional",
                            "an educational psychologist",
                            "social care",
                            "anyone else the council thinks could help",
                        )
                        + p(
                            "You can ask the council to get advice from other people, such as "
                            "a speech and language therapist, an occupational therapist or "
                            "CAMHS, if the request is reasonable."
                        ),
                    ),
                    (
                        "The council decides whether to issue a plan",
                        "By the end of week 16",
                        p(
                            "The council tells you whether it will issue an EHC plan. If it "
                            "will not, it tells you why and what you can do next."
                        ),
                    ),
                    (
                        "You comment on the draft plan",
                        "15 days",
                        p(
                            "The council sends you a draft plan. You have 15 days to comment "
                            "and to say which school or college you would like your child to "
                            "attend."
                        ),
                    ),
                    (
                        "You get the final plan",
                        "Within 20 weeks of your request",
                        p(
                            "The council sends you the final EHC plan. It names the school or "
                            "college and sets out the support your child will get."
                        ),
                    ),
                ],
            ),
            warning(
                "The whole process, from your request to the final plan, must take no longer "
                "than 20 weeks. There can be exceptions, usually in more complex situations."
            ),
            heading("If the council says no"),
            paragraph(
                p(
                    "A decision not to assess or not to issue a plan does not mean your child "
                    "has no needs. It means the council thinks the needs can be met without a "
                    "plan."
                ),
                p("If the council decides not to issue a plan:"),
                ul(
                    "your child's school can ask an SEN Inclusion Adviser for an SEN Support "
                    "Planning meeting",
                    "the Local Offer lists support and services you can use",
                    "IASK can give you free, independent advice",
                    "the Kent Resilience Hub can also offer support",
                ),
            ),
            heading("If you disagree with a decision"),
            paragraph(
                p(
                    "You can challenge a decision at each stage. The council must tell you how "
                    "when it writes to you."
                ),
                p(b("1. Mediation")),
                p(
                    "Mediation is a meeting with an independent mediator, you and the council. "
                    "It can often settle a disagreement faster than an appeal."
                ),
                p(b("2. Appeal to the SEND Tribunal")),
                p(
                    "If mediation does not settle it, you can appeal to the First-tier Tribunal "
                    "(Special Educational Needs and Disability), known as the SEND Tribunal. "
                    "It is independent of the council."
                ),
            ),
            details(
                "Time limits for appeals",
                p(
                    "Before you appeal, you usually need to contact a mediation adviser and get "
                    "a mediation certificate. You get the certificate whether or not you choose "
                    "mediation. You do not need one if you are only appealing about the school "
                    "or college named in the plan."
                ),
                p(
                    "You must appeal within 2 months of the date on the council's decision "
                    "letter, or within 1 month of the date on your mediation certificate, "
                    "whichever is later."
                ),
            ),
            heading("Free, independent advice"),
            paragraph(
                p(
                    "IASK (Information, Advice and Support Kent) gives free, independent advice "
                    "to parents, carers and young people about SEND. IASK is separate from the "
                    "council's SEND team. The council will point you to IASK if it decides not to "
                    "assess your child, but you can contact them at any stage."
                ),
            ),
            button("Find support on the Local Offer", url=LOCAL_OFFER_URL),
        ]
    }


EHC_NEEDS_ASSESSMENT = PageSpec(
    key="ehc-needs-assessment",
    model=InformationPage,
    parent="guides",
    title="Asking for an EHC needs assessment",
    slug="ehc-needs-assessment",
    summary=(
        "Who can ask for an education, health and care needs assessment, what happens at each "
        "step and when, and what to do if you disagree."
    ),
    fields=ehc_body,
)
