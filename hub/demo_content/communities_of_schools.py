"""Communities of Schools for families (seed 000) and its easy-read version.

The professional view (seed 002) is in schools_and_professionals.py.
"""

from home.models import EasyReadPage, InformationPage

from .blocks import b, easy_read_row, heading, inset, p, paragraph, summary_list, ul
from .builder import PageSpec


def families_body(ref) -> dict:
    return {
        "body": [
            paragraph(
                p(
                    "We are changing how schools in Kent support children and young people "
                    "with special educational needs and disabilities (SEND). The aim is for "
                    "your child to get the right help at the right time, so they can learn, "
                    "feel included and thrive."
                )
            ),
            heading("What Communities of Schools are"),
            paragraph(
                p(
                    "A Community of Schools is a group of local schools that work together, and "
                    "with local services such as health professionals, to support you and your "
                    "family. They focus on inclusion, early help and preventing problems."
                ),
                p(
                    "There are 53 Communities of Schools across Kent. Each one is linked to an "
                    "NHS Primary Care Network, a group of local GP practices."
                ),
            ),
            heading("Why things are changing"),
            paragraph(
                p(
                    "More children need extra help in school, and the old system was not "
                    "keeping up. The new approach will:"
                ),
                ul(
                    "give your child support based on their own needs",
                    "help schools get the right help faster, with less paperwork",
                    "give schools expert advice and training",
                    "encourage schools to share ideas and learn from each other",
                ),
                p(
                    "This should mean better outcomes for children and young people. They "
                    "should have the chance to learn, feel included and do well, wherever they "
                    "live."
                ),
            ),
            heading("Who Communities of Schools work with"),
            paragraph(
                p("To make good use of support and money, they work closely with:"),
                ul(
                    "NHS care networks",
                    "SEND professionals",
                    "the Professional Resource Group",
                    "4 area boards that check quality",
                ),
            ),
            heading("How this will help your child"),
            paragraph(
                ul(
                    f"{b('Schools supporting each other:')} they will share ideas and tools to "
                    "help children learn and grow.",
                    f"{b('Less paperwork:')} teachers can spend more time on your child in class.",
                    f"{b('Faster help:')} your child will get support from the right people "
                    "at the right time.",
                    f"{b('Protected SEND funding:')} money is in place to support children "
                    "with SEND in 2025 and 2026.",
                    f"{b('Working with families:')} the council and schools will work closely "
                    "with you, especially at big moments such as moving to secondary school.",
                )
            ),
            heading("Does your child need an EHC plan?"),
            inset(
                p(
                    "No. Your child does not need an education, health and care (EHC) plan to "
                    "get extra help or resources."
                )
            ),
            paragraph(
                p(
                    "If you think your child needs more support than their school can give, "
                    "read our guide to "
                    + ref.a("ehc-needs-assessment", "asking for an EHC needs assessment")
                    + "."
                )
            ),
            heading("Finding out what support is available"),
            paragraph(
                p(
                    "Every school should have a SEND Information Report on its website. It "
                    "explains the support the school offers."
                ),
                p(
                    "You can also talk to the school's SENCo or SENDCo (special educational "
                    "needs and disabilities coordinator)."
                ),
            ),
            heading("How schools get support and funding"),
            paragraph(
                p(
                    "Schools in each Community work together to understand what children need "
                    "and to ask for resources or support. Support may help more than one child "
                    "with similar needs."
                ),
                p(
                    "The new system is designed to be quicker, fairer and more responsive to "
                    "your child's needs."
                ),
            ),
            heading("When the changes happen"),
            summary_list(
                [
                    ("September 2025", p("The new approach starts.")),
                    ("September 2027", p("The new approach is fully in place.")),
                ]
            ),
            heading("Your part in this"),
            paragraph(
                p(
                    "You have a very important role. Schools will always involve you before "
                    "they change your child's support. They will work with you to help your "
                    "child feel happy, supported and ready to succeed."
                )
            ),
        ]
    }


def easy_read_body(ref) -> dict:
    return {
        "standard_page": ref.page("communities-of-schools"),
        "body": [
            easy_read_row(
                "Schools in Kent are changing how they help children with SEND.",
                "SEND means special educational needs and disabilities.",
            ),
            easy_read_row(
                "Schools will work together in groups.",
                "Each group is called a Community of Schools.",
            ),
            easy_read_row(
                "There are 53 Communities of Schools in Kent.",
                "Each one works with local doctors and health workers.",
            ),
            easy_read_row(
                "More children need extra help at school.",
                "The old way was too slow.",
            ),
            easy_read_row(
                "Schools will share ideas.",
                "They will learn from each other.",
            ),
            easy_read_row(
                "Teachers will do less paperwork.",
                "They will have more time to help you in class.",
            ),
            easy_read_row(
                "You should get help faster.",
                "The right people will help you at the right time.",
            ),
            easy_read_row(
                "There is money to help children with SEND in 2025 and 2026.",
            ),
            easy_read_row(
                "You do not need an EHC plan to get extra help.",
                "An EHC plan is a plan for your education, health and care.",
            ),
            easy_read_row(
                "Every school has a SEND Information Report on its website.",
                "It says how the school can help you.",
            ),
            easy_read_row(
                "You can talk to the SENCo at your school.",
                "The SENCo helps children with SEND.",
            ),
            easy_read_row(
                "Your school will talk to your family before they change your help.",
            ),
            easy_read_row(
                "The changes started in September 2025.",
                "They will be finished by September 2027.",
            ),
        ],
    }


COMMUNITIES_OF_SCHOOLS = PageSpec(
    key="communities-of-schools",
    model=InformationPage,
    parent="guides",
    title="Communities of Schools: what they mean for your family",
    slug="communities-of-schools",
    summary=(
        "Schools in Kent now work together in 53 local groups to support children with SEND. "
        "Find out what is changing, when, and how it helps your child."
    ),
    fields=families_body,
)

COMMUNITIES_OF_SCHOOLS_EASY_READ = PageSpec(
    key="communities-of-schools-easy-read",
    model=EasyReadPage,
    parent="communities-of-schools",
    title="Communities of Schools: easy read",
    slug="easy-read",
    summary="Schools in Kent are working together to help children with SEND. Easy read.",
    fields=easy_read_body,
)
