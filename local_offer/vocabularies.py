"""The standard vocabularies every installation starts with: the SEND Code of Practice's four
areas of need with the DfE need types under them, delivery modes, accessibility features and
service categories, plus the districts of the demo council (Kent). Created idempotently by the
demo loader and the test factories; staff may add to them in the CMS.

Ids are derived (uuid5) from the vocabulary and code, so every installation publishes the same
ORUK ids for the national terms.
"""

import uuid

from hub.demo_data import KENT_DISTRICTS

from .models import Taxonomy, TaxonomyTerm
from .models.taxonomy import TAXONOMY_NAMESPACE

# (code, name, description, [need types as (code, name, description)])
AREAS_OF_NEED = [
    (
        "communication",
        "Communication and interaction",
        "Difficulty saying what they want to, understanding what others say, or using social rules of communication.",
        [
            (
                "SLCN",
                "Speech, language and communication needs",
                "Difficulties with speech, understanding language or using language socially.",
            ),
            (
                "ASD",
                "Autistic spectrum disorder",
                "Autism, including children and young people waiting for an assessment.",
            ),
        ],
    ),
    (
        "cognition",
        "Cognition and learning",
        "Learning at a slower pace than others of the same age, or difficulty with particular parts of learning.",
        [
            (
                "SpLD",
                "Specific learning difficulty",
                "For example dyslexia, dyscalculia or dyspraxia.",
            ),
            (
                "MLD",
                "Moderate learning difficulty",
                "Learning more slowly than most children across the curriculum.",
            ),
            (
                "SLD",
                "Severe learning difficulty",
                "Significant learning needs affecting most areas of learning and independence.",
            ),
            (
                "PMLD",
                "Profound and multiple learning difficulty",
                "Severe learning difficulties with physical or sensory disabilities as well.",
            ),
        ],
    ),
    (
        "social-emotional",
        "Social, emotional and mental health",
        "Difficulties such as anxiety, low mood, attachment difficulties or behaviour that shows an unmet need.",
        [
            (
                "SEMH",
                "Social, emotional and mental health difficulty",
                "Including anxiety, depression, attachment difficulties and ADHD.",
            ),
        ],
    ),
    (
        "sensory-physical",
        "Sensory and/or physical needs",
        "A disability that makes it harder to use the facilities most children use, including hearing, vision and physical disabilities.",
        [
            ("HI", "Hearing impairment", "Deafness or hearing loss."),
            ("VI", "Visual impairment", "Blindness or sight loss."),
            ("MSI", "Multi-sensory impairment", "Both hearing and sight loss."),
            (
                "PD",
                "Physical disability",
                "A physical disability or medical condition affecting movement or daily life.",
            ),
            # The DfE census has no area for "other"; it sits here so every need type has one.
            (
                "OTH",
                "Other difficulty or disability",
                "A need not covered by the other types, such as a medical condition.",
            ),
        ],
    ),
]


DELIVERY_MODES = [
    ("in-person", "In person", "Families meet the service face to face."),
    ("online", "Online", "By video call, online course or website."),
    ("phone", "By phone", "By phone call or helpline."),
]

ACCESSIBILITY_FEATURES = [
    (
        "step-free",
        "Step-free access",
        "No steps, or a ramp or lift, from the street to the service.",
    ),
    ("accessible-toilet", "Accessible toilet", "A toilet that wheelchair users can use."),
    ("changing-places", "Changing Places toilet", "A toilet with a hoist and a changing bench."),
    ("hearing-loop", "Hearing loop", "An induction loop for hearing aid users."),
    ("quiet-space", "Quiet space", "A calm room for children who find noise or crowds hard."),
    ("bsl", "British Sign Language", "A BSL interpreter can be booked."),
    ("easy-read", "Easy read information", "Information is available in easy read."),
    ("parking", "Disabled parking", "Blue badge parking near the entrance."),
]

SERVICE_CATEGORIES = [
    ("information-advice", "Information and advice", "Impartial information, advice and support."),
    (
        "education-support",
        "Support in education",
        "Help for children and young people in nurseries, schools and colleges.",
    ),
    (
        "health-therapy",
        "Health and therapy",
        "Therapy and health services, such as speech and language therapy.",
    ),
    ("family-support", "Family support", "Help for parents, carers and the whole family."),
    ("wellbeing", "Emotional wellbeing", "Support for feelings and mental health."),
    ("early-years", "Early years", "Help for babies and young children before school."),
    ("participation", "Having your say", "Groups and forums that shape services."),
    (
        "preparing-for-adulthood",
        "Preparing for adulthood",
        "Help with moving on to further education, work and independent living.",
    ),
    (
        "short-breaks-activities",
        "Activities and short breaks",
        "Things to do, and breaks for families.",
    ),
    (
        "training",
        "Training for professionals",
        "Training and advice for staff in schools and settings.",
    ),
]


def _term_id(taxonomy: str, code: str) -> uuid.UUID:
    return uuid.uuid5(TAXONOMY_NAMESPACE, f"{taxonomy}:{code}")


def _ensure(taxonomy, code, name, description, order, parent=None) -> TaxonomyTerm:
    term, _created = TaxonomyTerm.objects.get_or_create(
        taxonomy=taxonomy,
        code=code,
        defaults={
            "oruk_id": _term_id(taxonomy, code),
            "name": name,
            "description": description,
            "sort_order": order,
            "parent": parent,
        },
    )
    return term


def ensure_vocabularies(districts: list[str] | None = None) -> int:
    """Create any missing standard terms; returns how many terms exist afterwards."""
    order = 0
    for code, name, description, needs in AREAS_OF_NEED:
        order += 1
        area = _ensure(Taxonomy.SEND_NEED, code, name, description, order)
        for need_code, need_name, need_description in needs:
            order += 1
            _ensure(Taxonomy.SEND_NEED, need_code, need_name, need_description, order, parent=area)
    for index, name in enumerate(districts or KENT_DISTRICTS):
        code = name.lower().replace(" ", "-")
        _ensure(Taxonomy.DISTRICT, code, name, f"Families living in {name}.", index)
    for vocabulary, terms in (
        (Taxonomy.DELIVERY_MODE, DELIVERY_MODES),
        (Taxonomy.ACCESSIBILITY, ACCESSIBILITY_FEATURES),
        (Taxonomy.SERVICE_CATEGORY, SERVICE_CATEGORIES),
    ):
        for index, (code, name, description) in enumerate(terms):
            _ensure(vocabulary, code, name, description, index)
    return TaxonomyTerm.objects.count()


def terms(taxonomy: str, codes) -> list[TaxonomyTerm]:
    """Terms of one vocabulary by code, in the order asked for ("*" for all)."""
    queryset = TaxonomyTerm.objects.filter(taxonomy=taxonomy)
    if taxonomy == Taxonomy.SEND_NEED:
        queryset = queryset.filter(parent__isnull=False)
    if codes == "*":
        return list(queryset)
    found = {term.code: term for term in queryset.filter(code__in=codes)}
    return [found[code] for code in codes]
