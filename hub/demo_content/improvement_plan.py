"""The SEND improvement plan (seed 004): the nine areas inspectors found weak, what is being done
about each and the difference it should make.

The seed describes monitoring for the plan as a whole (the Department for Education and NHS
England review it every 6 months), not per area, so each section says exactly that rather than
inventing area-level measures. Seed 001 dates the improvement notice March 2022; seed 004, the
page about the notice itself, says March 2023, which is the date used here.
"""

from home.models import InformationPage

from .blocks import accordion, b, heading, inset, p, paragraph, ul
from .builder import PageSpec

MONITORING = p(
    f"{b('How progress is checked:')} the Department for Education and NHS England review "
    "progress on the whole plan, including this area, every 6 months."
)

# (short name, what inspectors found, what we are doing, the difference we will make)
AREAS = [
    (
        "Meeting children's needs",
        "Many parents were worried that the local area could not, or in some cases would not, "
        "meet their child's needs.",
        [
            "We are working with families and local groups to agree how their voices, and "
            "their children's, can shape our services and the way we work.",
            "We have recruited, and are still recruiting, more staff for our casework and "
            "educational psychology teams.",
            "We are reducing the backlog of annual reviews, complaints and requests for EHC "
            "plans. This takes time, because we review each case in detail so that our "
            "responses and plans meet each child's needs.",
            "We are making sure staff are well trained and communicate better with parents.",
            "We are promoting the information, advice and support available to families, and "
            "sharing where we are making a positive difference.",
            "We are working with the people who support families, so everyone has the right "
            "information, advice and guidance when they need it.",
        ],
        "Parents will feel more confident that KCC, NHS Kent and Medway, and schools and "
        "settings will meet their child's education, health and care needs in the right place "
        "at the right time.",
    ),
    (
        "Inclusion in schools",
        "The quality of provision and commitment to inclusion varied between schools, and some "
        "schools were unwilling to take children and young people with SEND.",
        [
            "We are making moves to a new school or post-16 setting a better experience, so "
            "children settle in quickly with the right support in place.",
            "We are giving young people better information from Year 9 onwards to help them "
            "prepare for adult life.",
            "Most children with SEND have their needs met in mainstream schools, so we are "
            "training teachers and school leaders to make mainstream schools more inclusive.",
            "We are learning from very inclusive schools what works well, and sharing it with "
            "families and other schools.",
            "We are consulting parents and schools on how High Needs Funding is spent, to make "
            "it go further and help more children.",
            "Our early years services are looking at the number of places needed in future, "
            "children's readiness for school and funding for specialist support.",
            "We are reviewing special schools: the places needed in future, admission "
            "criteria, funding, and their role in supporting children in mainstream schools.",
        ],
        "Children and young people with SEND feel they belong, are respected and valued, and "
        "are supported to make progress and achieve their ambitions.",
    ),
    (
        "Parents' role in designing services",
        "Parents and carers had too small a role in reviewing and designing services for "
        "children and young people with SEND.",
        [
            "Parent and carer representatives from Kent PACT speak for parents at the meetings "
            "that oversee the improvement plan.",
            "We are using feedback from parents and young people to make our letters and "
            "messages clearer and more timely, including about the decisions we make.",
            "We are working with young people through our youth forums to understand what "
            "matters to them.",
            "We are promoting the ways you can give us feedback, such as surveys, groups and "
            "forums, and our SEND roadshows.",
        ],
        "The views and experiences of young people and their families will influence the SEND "
        "policies, strategies and decisions that affect them.",
    ),
    (
        "Joint commissioning",
        "Joint commissioning between the council and the NHS was not closing known gaps or "
        "fixing long-standing weaknesses in services.",
        [
            "We are working with NHS Kent and Medway so children and young people who need "
            "additional support can get it.",
            "We are developing a way to involve families in designing and delivering services "
            "funded by KCC and NHS Kent and Medway.",
        ],
        "Children and young people can get additional services and support at the right time.",
    ),
    (
        "Progress and achievement",
        "Too many children and young people with SEND were not achieving well or making good "
        "progress.",
        [
            "We are helping schools make the changes the Department for Education recommends "
            "to improve attendance for children with an EHC plan.",
            "We are making sure children in pupil referral units keep the specialist support "
            "they need.",
            "We are checking that children with complex health needs have the right support on "
            "their journey to school.",
            "We are reviewing and improving early years services and special schools across Kent.",
            "We are giving young people better information about local choices from Year 9 "
            "onwards, to help them prepare for adult life.",
        ],
        "Children and young people with SEND make good progress at school, achieve good "
        "results and have a clear, supported path to adulthood.",
    ),
    (
        "EHC plans",
        "The EHC process was inconsistent: assessments were out of date, health and care "
        "professionals contributed too little and plans were not checked well.",
        [
            "We are making sure children's views and aspirations are fully considered when we "
            "make decisions about them, and we explain our decisions.",
            "We have recruited, and are still recruiting, more staff for our casework and "
            "educational psychology teams.",
            "We are reducing the backlog of annual reviews, complaints and requests for EHC "
            "plans, reviewing each case in detail, and ending plans that are no longer needed "
            "in consultation with parents.",
            "We are making sure staff are well trained and communicate better with parents.",
            "We are adding a universal health offer to each EHC plan.",
            "We check the quality of EHC plans before they are issued and when they are "
            "reviewed each year.",
        ],
        "Children and young people with more complex needs have good-quality EHC plans that "
        "are reviewed every year, and parents have a better experience of the EHC process.",
    ),
    (
        "Leadership and governance",
        "Governance of SEND across education, health and care was weak, and there were no "
        "robust plans to fix known weaknesses.",
        [
            "We have new leadership and are making changes as quickly as possible. The "
            "Strategic Improvement and Assurance Board, the SEND Scrutiny Sub-Committee, the "
            "Department for Education and NHS England oversee our progress.",
            "We have published our improvement plan and will report evidence of the difference "
            "it is making.",
            "We are updating our SEND strategies, shaped by the views of children, young "
            "people and their families.",
        ],
        "The improvements have a positive, long-term impact on children, young people and "
        "their families.",
    ),
    (
        "Health waiting times",
        "Waiting times for some health services were unacceptable, especially speech and "
        "language, wheelchair and neurodevelopmental services.",
        [
            "We are managing waiting lists for neurodiverse children and young people, and "
            "telling parents where to get support while they wait.",
            "We are managing waiting lists for specialist equipment such as wheelchairs, and "
            "improving timeliness and communication with parents.",
            "We will spot health issues earlier by encouraging online school health "
            "assessments and annual checks for young people aged 14 and over with learning "
            "disabilities.",
            "We are improving and increasing access to speech and language therapy across Kent.",
            "We are changing how we work so children and young people with ADHD can get "
            "services that meet NICE guidelines.",
            "We are giving families better information about emotional wellbeing and mental "
            "health.",
        ],
        "Children and young people will wait less, and get more support to manage their needs "
        "while they wait.",
    ),
    (
        "Catching up",
        "There was no effective way to review and improve outcomes for children whose progress "
        "had been held back by weak provision.",
        [
            "We are providing tuition for children and young people affected by a lack of "
            "support or poor-quality support.",
            "We are building better support for children who avoid school because of "
            "emotional, mental health or wellbeing issues. Our new annual review process will "
            "help us spot these issues and put support in place.",
        ],
        "Children and young people affected by past weaknesses in SEND provision will be "
        "supported to catch up and have better outcomes.",
    ),
]


def plan_body(ref) -> dict:
    sections = [
        (
            name,
            found,
            p(b("What we are doing"))
            + ul(*doing)
            + p(b("The difference we will make"))
            + p(difference)
            + MONITORING,
        )
        for name, found, doing, difference in AREAS
    ]
    return {
        "body": [
            paragraph(
                p(
                    "We are making lasting improvements to the special educational needs and "
                    "disabilities (SEND) system in Kent."
                ),
                p(
                    "Ofsted and the Care Quality Commission (CQC) told us we needed to make "
                    "significant improvements in 9 areas. The government issued an improvement "
                    "notice in March 2023."
                ),
            ),
            inset(
                p(
                    "On 6 August 2024, the Minister for Children and Families lifted the "
                    "improvement notice, as \u201ca reflection of the hard work undertaken by the "
                    "local area to improve services\u201d."
                )
            ),
            paragraph(
                p(
                    "Improving SEND services is still a priority. Our improvement plan, called "
                    "an Accelerated Progress Plan, sets out the changes we are making in each of "
                    "the 9 areas. The Department for Education and NHS England have agreed it. "
                    "We also made a short explanation of the plan with young people."
                )
            ),
            heading("The 9 areas we are improving"),
            paragraph(
                p(
                    "Open each area to see what inspectors found, what we are doing and the "
                    "difference it will make."
                )
            ),
            accordion(sections),
            heading("How you will know we are making improvements"),
            paragraph(
                p(
                    "The Department for Education (DfE) and NHS England check our progress "
                    "every 6 months. After each visit they send us a letter explaining what "
                    "they found."
                ),
                p(
                    "They read evidence from us and our partners in NHS Kent and Medway showing "
                    "what we are doing and the difference it makes. They also invite young "
                    "people, parents and carers to share their experiences. Kent PACT attends "
                    "every monitoring visit."
                ),
                p(
                    "Our "
                    + ref.a("strategy", "SEND strategy for 2025 to 2028")
                    + " builds on this work."
                ),
            ),
        ]
    }


IMPROVEMENT_PLAN = PageSpec(
    key="improvement-plan",
    model=InformationPage,
    parent="home",
    title="Our SEND improvement plan",
    slug="improvement-plan",
    summary=(
        "What inspectors told us to improve in 9 areas of SEND in Kent, what we are doing about "
        "each, and how you will know it is working."
    ),
    fields=plan_body,
)
