"""Easy-read versions of the strategy's five ambitions (seed 001, "Our 5 ambitions").

Each ambition page (see ``ambition_page_specs`` in ambitions.py) gets an easy-read child page,
specified the same way as the Communities of Schools easy-read page. These pages are the
council's strategy text told again in easy read: the wording is ours, but every statement comes
from the ambition's sections in seed 001 ("Ambition", "Why it's important", "How we'll achieve
it", "Impact", "How we'll monitor progress" and "Continuous improvement"). Nothing is added:
no numbers, dates or promises that the seed does not make.

Easy-read rules followed here: one idea per sentence, at most 15 words a sentence, everyday
words, written to a young person or a parent. Any acronym or hard word is explained the first
time it appears on a page.
"""

from functools import partial

from home.models import EasyReadPage

from .blocks import easy_read_row
from .builder import PageSpec

# Each page starts with the same row, so readers know where they are and what SEND means.
INTRO = (
    "This page is about ambition {n} in Kent County Council's plan for SEND.",
    "SEND means special educational needs and disabilities.",
    "An ambition is something we want to make happen.",
)

# n -> (title, summary, rows after the intro). Each row is a tuple of sentences.
EASY_READ: dict[int, tuple[str, str, list[tuple[str, ...]]]] = {
    1: (
        "Ambition 1 in easy read: having your say",
        "Ambition 1 in easy read: having your say in decisions about your life.",
        [
            (
                "We want you to have a say in decisions about your life.",
                "This means your learning, your support and your future.",
                "What you tell us should shape the help you get.",
            ),
            (
                "Having a say helps you feel more in control.",
                "It helps you feel good about yourself.",
                "Help that fits your needs works better.",
            ),
            (
                "We will help you learn to speak up for yourself.",
                "You will learn about your rights and how to make choices.",
            ),
            (
                "We will give you more chances to have your say.",
                "This includes school councils and groups where young people support each other.",
                "We will work with schools, colleges and families to make these chances.",
            ),
            (
                "We will help nurseries, schools and colleges to include every child.",
                "You should feel welcome and supported there, and where you live.",
            ),
            (
                "Your support should fit you better.",
                "You should feel more part of your community.",
                "Learning that fits you should help you join in, go to school and do better.",
            ),
            (
                "We will count how many children and young people help make decisions.",
                "We will ask you and your family if you are happy with the help.",
                "We will check if you join in, go to school and learn more.",
            ),
            (
                "We will give training to parents, children and staff.",
                "We will keep asking what you think, and change things when needed.",
            ),
        ],
    ),
    2: (
        "Ambition 2 in easy read: the right help at the right time",
        "Ambition 2 in easy read: getting the right help, when and where you need it.",
        [
            (
                "We want you to get the help you need, when and where you need it.",
                "Schools, health services and social care will work together to give this help.",
                "Social care includes help from social workers.",
            ),
            (
                "Help that comes late, or in separate bits, can harm your learning and health.",
                "Help should come on time, from services that work together.",
                "This helps you stay well and grow.",
            ),
            (
                "Staff from schools, health and social care will meet often and train together.",
                "They will share information with each other.",
            ),
            (
                "There will be one main place where families can ask for help.",
                "This should make getting help simpler.",
            ),
            ("We will make clear care plans so services work together for you.",),
            (
                "Getting help on time should be good for your body and your mind.",
                "You can then join in more at school and in your community.",
                "Families should find it easier to get the right help.",
            ),
            (
                "We will check how long you wait for help.",
                "We will try to make waiting times shorter.",
                "We will ask families if they are happy with the help they get.",
            ),
            (
                "We will check if health, learning and joining in get better.",
                "Families will help us plan services.",
                "We will keep asking what you think, and change things when needed.",
            ),
        ],
    ),
    3: (
        "Ambition 3 in easy read: learning together",
        "Ambition 3 in easy read: learning and taking part alongside other children.",
        [
            (
                "We want every nursery, school and college to include children with SEND.",
                "You should learn a wide range of subjects alongside other children.",
                "You should get the help you need to take part in all of school life.",
            ),
            (
                "Being included gives every child a fair chance to do well.",
                "It helps you learn, make friends and feel good about yourself.",
                "It helps everyone respect each other's differences.",
            ),
            (
                "We will keep training teachers and other staff, including nursery staff.",
                "They will learn ways of teaching that suit every child.",
            ),
            (
                "We will work with schools on clear rules for including children with SEND.",
                "These rules should cover every part of school life.",
            ),
            (
                "Schools will be able to get help from experts.",
                "Educational psychologists are experts in how children learn.",
                "Schools should have the equipment and staff they need to include you.",
            ),
            (
                "With the right help, you should do better in your learning.",
                "Being included helps you make friends and feel you belong.",
                "You should feel more confident to try new things.",
            ),
            (
                "We will count how many children with SEND learn in mainstream schools.",
                "Mainstream schools are schools for all children, not special schools.",
                "We want this number to go up.",
            ),
            (
                "We will check how children with SEND are doing in reading and maths.",
                "We will check if they join in, make friends and feel confident.",
            ),
        ],
    ),
    4: (
        "Ambition 4 in easy read: working together with families",
        "Ambition 4 in easy read: working with families and giving them clear information.",
        [
            (
                "We want to work closely with parents, carers and families.",
                "We will give you clear information that is easy to use.",
                "You will have real chances to help make decisions.",
            ),
            (
                "Parents and carers know a lot about their child's needs.",
                "What you tell us helps make support right for your child.",
            ),
            (
                "We will make clear guides about services, support and how decisions are made.",
                "We will hold meetings where you can find out more.",
                "We will make information in different languages.",
            ),
            (
                "We will set up groups where parents and families can meet.",
                "You can share your experiences and help make decisions.",
            ),
            (
                "We will keep in touch with families in a clear and open way.",
                "We will ask what you think and change services to fit your needs.",
                "We will give families and staff training on how SEND support works.",
            ),
            (
                "If you know more, you can help shape your child's support.",
                "You can get to know other families, schools and services.",
                "This can help you feel less alone.",
            ),
            (
                "Working together builds trust between families and services.",
                "This should mean better support for your child, from services that work together.",
            ),
            (
                "We will count how many parents help make decisions.",
                "We will check if families are happy with our information and support.",
                "We will check if more families join in with activities where they live.",
            ),
        ],
    ),
    5: (
        "Ambition 5 in easy read: getting ready for adult life",
        "Ambition 5 in easy read: help to get ready for adult life, starting young.",
        [
            (
                "We want to help you get ready for adult life.",
                "This help starts when you are very young and carries on after 16.",
                "It covers skills, learning, work and being independent.",
            ),
            (
                "Getting ready for adult life needs to start early.",
                "Help at a young age helps you learn important skills.",
                "It means fewer gaps in help when you move to a new school or job.",
            ),
            (
                "For young children, we will run activities to build key skills.",
                "These include talking, looking after yourself and getting on with others.",
                "The activities will fit each child's needs.",
            ),
            (
                "We will make clear steps to guide you through each stage of education.",
                "Moving from nursery, to school, to learning after 16 should go smoothly.",
            ),
            (
                "As you get near adult life, you will get more guidance and support.",
                "This includes job training, careers advice and help with everyday life skills.",
            ),
            (
                "We will make a plan for each child with families, schools and services.",
                "We will keep checking what works and change things when needed.",
            ),
            (
                "You should be more ready to learn, work and be independent as an adult.",
                "Good planning should make moving on less worrying.",
                "It should help you stay on track.",
            ),
            (
                "We will count how many young children join activities to build skills.",
                "We will check how well you move from one stage to the next.",
                "We will check how many young people over 16 are learning, training or working.",
            ),
        ],
    ),
}


def _body(ref, n: int) -> dict:
    rows = [tuple(s.format(n=n) for s in INTRO), *EASY_READ[n][2]]
    return {
        "standard_page": ref.page(f"ambition-{n}"),
        "body": [easy_read_row(*row) for row in rows],
    }


def ambition_easy_read_specs() -> list[PageSpec]:
    """One easy-read page per ambition, each under its ambition page."""
    return [
        PageSpec(
            key=f"ambition-{n}-easy-read",
            model=EasyReadPage,
            parent=f"ambition-{n}",
            title=title,
            slug="easy-read",
            summary=summary,
            fields=partial(_body, n=n),
        )
        for n, (title, summary, _rows) in sorted(EASY_READ.items())
    ]
