"""Seed the words families and SENCos use for the same thing, so search understands them from the
first day. Staff edit them afterwards under Snippets > Synonym sets.

Sets whose first term already appears in a staff-edited set are left alone, so running this
again (or after staff changes) never duplicates or overwrites their work.
"""

from django.db import migrations

SEND_SYNONYMS = [
    (
        [
            "SENCo",
            "SENDCo",
            "SENCO",
            "special educational needs coordinator",
            "special educational needs and disabilities coordinator",
        ],
        "The school's special educational needs (and disabilities) coordinator.",
    ),
    (
        [
            "EHCP",
            "EHC plan",
            "EHC",
            "education, health and care plan",
            "education health and care plan",
        ],
        "Education, health and care plan. 'EHC' on its own also finds the needs assessment.",
    ),
    (
        ["SALT", "SLT", "speech and language therapy", "speech therapy", "speech therapist"],
        "",
    ),
    (["ASD", "ASC", "autism", "autistic spectrum", "autistic"], ""),
    (["ADHD", "attention deficit hyperactivity disorder"], ""),
    (["SEMH", "social, emotional and mental health"], ""),
    (["PRU", "pupil referral unit"], ""),
    (
        ["IASK", "information, advice and support Kent", "SENDIASS"],
        "Kent's SEND information, advice and support service (SENDIASS).",
    ),
    (["OT", "occupational therapy", "occupational therapist"], ""),
    (
        [
            "CAMHS",
            "children and young people's mental health service",
            "CYPMHS",
            "mental health service",
        ],
        "",
    ),
    (["SEN support", "special educational needs support"], ""),
    (["short breaks", "respite"], ""),
    (["EP", "educational psychologist", "educational psychology"], ""),
    (["LO", "Local Offer"], ""),
    (["PfA", "preparing for adulthood"], ""),
    (["dyslexia", "specific learning difficulty", "SpLD"], ""),
    (["VI", "visual impairment", "vision impairment"], ""),
    (["HI", "hearing impairment", "deaf", "hearing loss"], ""),
    (["MSI", "multi-sensory impairment", "multisensory impairment"], ""),
    (["PD", "physical disability", "physical disabilities"], ""),
    (["SLCN", "speech, language and communication needs"], ""),
    (["MLD", "moderate learning difficulty", "moderate learning difficulties"], ""),
    (["SLD", "severe learning difficulty", "severe learning difficulties"], ""),
    (["PMLD", "profound and multiple learning difficulties"], ""),
    (["SEND", "SEN", "special educational needs and disabilities"], ""),
    (["transport", "travel", "school bus", "taxi"], "Home to school transport."),
]


def seed(apps, schema_editor):
    SynonymSet = apps.get_model("search", "SynonymSet")
    existing = {
        line.strip().lower()
        for terms in SynonymSet.objects.values_list("terms", flat=True)
        for line in terms.splitlines()
    }
    for terms, note in SEND_SYNONYMS:
        if terms[0].lower() in existing:
            continue
        SynonymSet.objects.create(terms="\n".join(terms), note=note)


def unseed(apps, schema_editor):
    SynonymSet = apps.get_model("search", "SynonymSet")
    for terms, _note in SEND_SYNONYMS:
        SynonymSet.objects.filter(terms="\n".join(terms)).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_synonyms_and_search_log")]

    operations = [migrations.RunPython(seed, unseed)]
