"""The demo Local Offer, written from Kent's documents (../seeds/): the services, teams and
partners the SEND committee report, the improvement plan and the strategy name or describe.

Phone numbers are the council's published 03000 41 41 41 or Ofcom's drama range (01632 960xxx),
which can never be real; email addresses are at example.org. Addresses of Family Hubs are
illustrative: a town-centre street and postcode district, not the real building.
"""

ALL = "*"
COUNCIL_PHONE = "03000 41 41 41"
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR"]
OFFICE_HOURS = [(day, "09:00", "17:00", "") for day in WEEKDAYS]

ORGANISATIONS = {
    "kcc": (
        "Kent County Council",
        "The county council: SEND services, educational psychology, specialist teaching, early "
        "years support, Family Hubs and Early Help.",
        "send@example.org",
    ),
    "iask": (
        "Information, Advice and Support Kent (IASK)",
        "Free, confidential and impartial information, advice and support about SEND for "
        "children, young people and parents, at arm's length from the council.",
        "iask@example.org",
    ),
    "pact": (
        "Kent PACT",
        "Kent's parent carer forum: parents and carers of children with SEND who work with the "
        "council and the NHS to improve services.",
        "info@kentpact.example.org",
    ),
    "kchft": (
        "Kent Community Health NHS Foundation Trust",
        "The NHS trust providing community health services for children in Kent, including "
        "speech and language therapy, occupational therapy, physiotherapy and health visiting.",
        "childrens.services@kchft.example.org",
    ),
    "mch": (
        "Medway Community Healthcare",
        "An NHS community health provider that runs children's speech and language therapy in "
        "part of Swale.",
        "slt@mch.example.org",
    ),
    "dingley": (
        "Dingley's Promise",
        "A charity that helps early years settings include children with SEND.",
        "kent@dingleyspromise.example.org",
    ),
    "nhs-km": (
        "NHS Kent and Medway",
        "The NHS body that plans and buys health services in Kent and Medway, including "
        "neurodevelopmental assessment and wheelchair services.",
        "send.health@nhskm.example.org",
    ),
}

# (district, town, street, postcode, latitude, longitude): where each Family Hub demo sits.
FAMILY_HUB_TOWNS = [
    ("Ashford", "Ashford", "Elwick Road", "TN23 1AE", 51.1465, 0.8720),
    ("Canterbury", "Canterbury", "St George's Place", "CT1 1UT", 51.2770, 1.0840),
    ("Dartford", "Dartford", "Home Gardens", "DA1 1DZ", 51.4456, 0.2170),
    ("Dover", "Dover", "Maison Dieu Road", "CT16 1RW", 51.1290, 1.3100),
    ("Folkestone and Hythe", "Folkestone", "Grace Hill", "CT20 1HE", 51.0810, 1.1770),
    ("Gravesham", "Gravesend", "Windmill Street", "DA12 1AQ", 51.4400, 0.3700),
    ("Maidstone", "Maidstone", "Sessions House Square", "ME14 1XQ", 51.2760, 0.5220),
    ("Sevenoaks", "Sevenoaks", "Argyle Road", "TN13 1HJ", 51.2720, 0.1920),
    ("Swale", "Sittingbourne", "Central Avenue", "ME10 4AH", 51.3400, 0.7330),
    ("Thanet", "Margate", "Cecil Square", "CT9 1RE", 51.3870, 1.3840),
    ("Tonbridge and Malling", "Tonbridge", "Avebury Avenue", "TN9 1TG", 51.1940, 0.2740),
    ("Tunbridge Wells", "Royal Tunbridge Wells", "Crescent Road", "TN1 2LU", 51.1330, 0.2630),
]


def family_hub_services() -> list[dict]:
    """One Family Hub per district, each with its own address."""
    services = []
    for index, (district, town, street, postcode, lat, lng) in enumerate(FAMILY_HUB_TOWNS):
        services.append(
            {
                "name": f"{district} Family Hub",
                "org": "kcc",
                "description": (
                    f"Family Hubs bring help for families with children and young people aged 0 "
                    f"to 19 (up to 25 with SEND) into one place. At the {district} Family Hub you "
                    "can get advice on your child's development, meet health visitors, join stay "
                    "and play and parenting groups, and find out what other support is near you."
                    "\n\nSpeech and language therapists from the NHS run Talking Walk-ins here, "
                    "so you can ask about your child's talking without a referral."
                ),
                "who": (
                    "Any family with a child or young person aged 0 to 19, or up to 25 with SEND, "
                    f"living in or near {district}. You do not need a diagnosis."
                ),
                "how": (
                    "Drop in during opening hours, or phone the council to find the right "
                    "session. Some groups need booking."
                ),
                "needs": ALL,
                "districts": [district],
                "ages": (0, 25),
                "delivery": ["in-person", "phone"],
                "referral": "self",
                "categories": ["family-support", "early-years"],
                "access": ["step-free", "accessible-toilet", "quiet-space", "parking"],
                "phone": COUNCIL_PHONE,
                "email": f"familyhub.{district.lower().replace(' ', '')}@example.org",
                "location": (
                    f"{district} Family Hub",
                    f"{10 + index} {street}",
                    town,
                    postcode,
                    lat,
                    lng,
                ),
                "schedule": [(day, "09:00", "17:00", "") for day in WEEKDAYS]
                + [("SA", "10:00", "12:00", "Stay and play")],
                # A spread of review ages, so some are due a reminder and two show the warning.
                "reviewed_days_ago": [20, 45, 90, 130, 200, 250, 300, 330, 400, 60, 15, 480][index],
            }
        )
    return services
