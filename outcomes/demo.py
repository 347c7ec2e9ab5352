"""Demo outcome statements for the Outcomes Framework (seed 001).

The strategy says young people asked for a 'My independence' outcome "at the top"; it does not
list the framework's other statements. So the statements here are the strategy's own words from
the "Impact" sections of its five ambitions, each under a short first-person title in the
framework's style, and each linked to the ambition it comes from. Editors can reword them.
"""

from __future__ import annotations

from wagtail.models import Locale

from .models import Ambition, Outcome

# (title, statement from seed 001, ambition numbers)
OUTCOMES = [
    (
        "My independence",
        "By preparing early, young people with SEND will be better equipped for the challenges "
        "of adulthood, leading to higher independence and better educational and employment "
        "outcomes.",
        [5, 1],
    ),
    (
        "My voice",
        "Children will gain the skills to advocate for themselves, resulting in more "
        "personalised support.",
        [1, 4],
    ),
    (
        "My health and well-being",
        "Timely access to services will improve both physical and mental health, allowing "
        "children to engage more fully in education and their community.",
        [2],
    ),
    (
        "My learning",
        "Inclusive practices will provide children with SEND the support needed to succeed "
        "academically, leading to better educational outcomes.",
        [3, 1],
    ),
    (
        "My friends and belonging",
        "Inclusion promotes social interaction and relationship-building, fostering friendships "
        "and a sense of belonging for children with SEND.",
        [3],
    ),
    (
        "My confidence",
        "When children with SEND are included and supported, they gain confidence and are more "
        "willing to take on challenges, resulting in better long-term outcomes.",
        [3],
    ),
    (
        "My family",
        "A streamlined system will reduce the burden on families, helping them access the right "
        "services more easily and focus on their children's development.",
        [2, 4],
    ),
    (
        "My community",
        "Greater participation will lead to stronger community ties and improved well-being.",
        [1],
    ),
    (
        "My future",
        "Well-planned transition pathways reduce disruption, anxiety, and disengagement, helping "
        "young people remain on track for success.",
        [5],
    ),
]


def load_demo(stdout) -> str:
    default = Locale.get_default()
    ambitions = {a.number: a for a in Ambition.objects.filter(locale=default)}
    created = 0
    for order, (title, statement, numbers) in enumerate(OUTCOMES, start=1):
        outcome, new = Outcome.objects.get_or_create(
            title=title,
            locale=default,
            defaults={"statement": statement, "sort_order": order},
        )
        if new:
            outcome.ambitions.set([ambitions[n] for n in numbers if n in ambitions])
            created += 1
    return f"{len(OUTCOMES)} outcome statements ({created} created now), 'My independence' first."
