"""The strategy's five ambitions (seed 001, "Our 5 ambitions"), as snippets and public pages.

This is the council's official strategy text, so the wording is kept and only lightly tidied
(spelling, punctuation, consistent labels). The easy-read summaries are ours: short sentences
that say the same thing in everyday words.
"""

from django.utils.text import slugify

from outcomes.models import AmbitionPage

from .ambition_sections import SECTIONS
from .builder import AmbitionSpec, PageSpec

AMBITIONS = [
    AmbitionSpec(
        number=1,
        title="Improving the lived experience of children and families",
        summary=(
            "Kent aims to empower children and young people with SEND to actively participate "
            "in decisions about their education, support and future, so that their voices shape "
            "the services they receive."
        ),
        easy_read_summary=(
            "We want children and young people to have a say. "
            "You can help decide about your school, your support and your future."
        ),
    ),
    AmbitionSpec(
        number=2,
        title="Access to the right support at the right time in the right place",
        summary=(
            "We aim to make sure children, young people and families can get the support they "
            "need, when and where they need it, with education, health and social care working "
            "together."
        ),
        easy_read_summary=(
            "You should get help when you need it. "
            "Schools, health and social care will work together. "
            "It should be easier to find help."
        ),
    ),
    AmbitionSpec(
        number=3,
        title="Achieving the best outcomes through inclusion and participation",
        summary=(
            "We aim to promote inclusive practice in all education settings, so children with "
            "SEND can learn alongside their peers, take part in all of school life and get the "
            "support they need to succeed."
        ),
        easy_read_summary=(
            "Every school should welcome children with SEND. "
            "You can learn with your friends. "
            "You should get the help you need in class."
        ),
    ),
    AmbitionSpec(
        number=4,
        title="Working together with children and young people with SEND and their families",
        summary=(
            "We aim to give parents, carers and families clear information and real chances to "
            "take part in decisions, so they can help shape the services and support their "
            "children receive."
        ),
        easy_read_summary=(
            "We will give families clear information. "
            "Parents and carers can tell us what they think. "
            "We will listen and work together."
        ),
    ),
    AmbitionSpec(
        number=5,
        title="Preparing for a successful future at the earliest opportunity",
        summary=(
            "We aim to build support that starts in the early years and carries on after 16, "
            "so young people with SEND are ready for further learning, work and independent "
            "living."
        ),
        easy_read_summary=(
            "We will help you get ready for adult life. "
            "This starts when you are very young. "
            "It carries on after you are 16."
        ),
    ),
]


def ambition_page_specs(parent: str) -> list[PageSpec]:
    """One public page per ambition, under the strategy page."""
    specs = []
    for ambition in AMBITIONS:

        def fields(ref, number=ambition.number):
            return {"ambition": ref.ambition(number), **SECTIONS[number]}

        specs.append(
            PageSpec(
                key=f"ambition-{ambition.number}",
                model=AmbitionPage,
                parent=parent,
                title=ambition.title,
                slug=slugify(ambition.title),
                summary=ambition.summary,
                fields=fields,
            )
        )
    return specs
