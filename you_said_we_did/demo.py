"""Demo "you said, we did" updates, written from the improvement plan (seed 004) and the strategy
(seed 001), citing the demo consultations' tagged answers.

Runs after consultations/demo.py (INSTALLED_APPS order), so the answers and themes exist. Pages
are found by slug: a second run changes nothing.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.models import Locale, Site

from consultations.models import Answer, ConsultationPage, Theme
from outcomes.models import Ambition, Outcome

from .factories import UpdateIndexPageFactory, UpdatePageFactory
from .models import Evidence, ProgressNote, Quote, UpdateIndexPage, UpdatePage

STRATEGY, YOUNG_PEOPLE = "draft-send-strategy", "young-people-have-your-say"

UPDATES = [
    {
        "slug": "shorter-waits-and-news-while-you-wait",
        "title": "Shorter waits, and news while you wait",
        "summary": "You told us waits are too long and you hear nothing while you wait. We are "
        "recruiting staff and telling families where to get support during the wait.",
        "you_said": "<p>Many of you told us that waits for assessments are too long, and that "
        "you do not hear from us while you wait.</p>",
        "we_did": "<p>We have recruited, and are still recruiting, more staff for our casework "
        "and educational psychology teams. We are reducing the backlog of annual reviews, "
        "complaints and requests for education, health and care (EHC) plans, reviewing each case "
        "in detail.</p><p>We are actively managing waiting lists for children and young people "
        "who are neurodiverse, and making sure parents have information on where to get support "
        "during the wait.</p>",
        "status": UpdatePage.Status.IN_PROGRESS,
        "progress": 55,
        "easy_read_summary": "You said: waiting is too long. You want news while you wait.\n"
        "We did: we are getting more staff. We tell families where to get help while they wait.",
        "ambitions": [2],
        "outcomes": ["My health and well-being", "My family"],
        "consultations": [STRATEGY],
        "evidence": [
            (STRATEGY, {"theme": "Waiting times"}, "waits are too long, or that they want news "
             "while they wait"),
        ],
        "quotes": [(STRATEGY, "Keep families updated while they wait.")],
        "notes": [
            (120, "We started recruiting more caseworkers and educational psychologists."),
            (60, "Families waiting for a neurodevelopmental assessment now get information on "
             "where to find support during the wait."),
            (10, "We are reviewing each case in the backlog of annual reviews in detail."),
        ],
    },
    {
        "slug": "clearer-information-about-support",
        "title": "Clearer information about the support your child can get",
        "summary": "You told us information about support is hard to find and understand. We "
        "are making our letters clearer and our Local Offer easier to search.",
        "you_said": "<p>You told us that information about what support your child can get is "
        "hard to find, too wordy, and says different things in different places.</p>",
        "we_did": "<p>We are using feedback from parents and young people to improve the quality "
        "and timeliness of the communications we send out. This includes being clearer about the "
        "decisions we make, and the support that can be put in place within the resources "
        "available.</p><p>Our Local Offer directory now lets you search for services by need, "
        "age and area, and shows when each service was last checked.</p>",
        "status": UpdatePage.Status.IN_PROGRESS,
        "progress": 40,
        "easy_read_summary": "You said: information is hard to find and hard to read.\n"
        "We did: we are making our letters clearer. You can search for help on our website.",
        "ambitions": [4, 2],
        "outcomes": ["My family"],
        "consultations": [STRATEGY],
        "evidence": [
            (STRATEGY, {"theme": "Information and communication"}, "information about support "
             "is hard to find or understand"),
        ],
        "quotes": [(STRATEGY, "Clearer information about what support my child can get.")],
        "notes": [
            (90, "Parents and young people started reviewing our standard letters with us."),
            (30, "The new Local Offer directory went live with filters for need, age and area."),
        ],
    },
    {
        "slug": "training-school-staff-in-inclusive-teaching",
        "title": "Training for school staff in inclusive teaching",
        "summary": "You asked for more training for teaching assistants and teachers. We are "
        "training staff and school leaders so mainstream schools are more inclusive.",
        "you_said": "<p>You asked for more training for teaching assistants and teachers, so "
        "children with SEND get the right support in class.</p>",
        "we_did": "<p>Most children and young people with SEND have their needs met in "
        "mainstream schools and settings, so we are training teachers and school leaders to make "
        "mainstream schools more inclusive. We are working with very inclusive schools to "
        "understand what is working well for their children and young people, and sharing this "
        "with families and other schools.</p>",
        "status": UpdatePage.Status.IN_PROGRESS,
        "progress": 30,
        "easy_read_summary": "You said: school staff need more training.\n"
        "We did: we are training teachers. Schools share what works.",
        "ambitions": [3],
        "outcomes": ["My learning", "My confidence"],
        "consultations": [STRATEGY, YOUNG_PEOPLE],
        "evidence": [
            (STRATEGY, {"theme": "Training for school staff"}, "school staff need more training"),
            (YOUNG_PEOPLE, {"question_key": "happy-at-school", "answer_value": "2"},
             "they were unhappy at school"),
        ],
        "quotes": [(STRATEGY, "More training for teaching assistants.")],
        "notes": [(45, "The first inclusive teaching sessions for school leaders were held.")],
    },
    {
        "slug": "more-ways-to-have-your-say",
        "title": "More ways to have your say",
        "summary": "You want to be involved in decisions about SEND services. You can now take "
        "part online, in easy read, on paper, at roadshows and in youth forums.",
        "you_said": "<p>You told us you want to work with us on SEND services, and you want "
        "more ways to give your views and to see what happens next.</p>",
        "we_did": "<p>Parent and carer representatives from Kent PACT represent the voice of "
        "parents and carers at the meetings that oversee the improvement plan. We are working "
        "with young people through our youth forums, and holding SEND roadshows.</p><p>You can "
        "now answer our consultations online, in easy read or on paper, and choose to hear by "
        "email what we did with your views.</p>",
        "status": UpdatePage.Status.DONE,
        "progress": 100,
        "easy_read_summary": "You said: you want to help make decisions.\n"
        "We did: you can tell us what you think online, on paper or at events. "
        "We tell you what we did.",
        "ambitions": [4, 1],
        "outcomes": ["My voice"],
        "consultations": [STRATEGY, YOUNG_PEOPLE],
        "evidence": [
            (STRATEGY, {"question_key": "agree-ambition-4", "answer_value": "5"},
             "they strongly agree we should work together with families"),
            (YOUNG_PEOPLE, {"question_key": "listened-to", "answer_value": "no"},
             "adults do not listen to them"),
        ],
        "quotes": [],
        "notes": [
            (140, "The draft strategy consultation opened, online, in easy read and on paper."),
            (70, "Youth forums met to talk about what matters to young people."),
            (5, "Everyone who answered can now hear by email what we did."),
        ],
    },
    {
        "slug": "preparing-for-adulthood-from-year-9",
        "title": "Preparing for adult life from Year 9",
        "summary": "You agreed young people need to prepare early for adult life. We will give "
        "better information about local choices from Year 9.",
        "you_said": "<p>You agreed that planning for adult life should start early, with clear "
        "information about the choices young people have.</p>",
        "we_did": "<p>We will provide better information about the local choices available to "
        "young people from Year 9 onwards, to help them prepare for becoming an adult, and make "
        "moving to a new school or post-16 setting a better experience.</p>",
        "status": UpdatePage.Status.PLANNED,
        "progress": 0,
        "easy_read_summary": "You said: start getting ready for adult life early.\n"
        "We will: give young people in Year 9 and older better information.",
        "ambitions": [5],
        "outcomes": ["My independence", "My future"],
        "consultations": [STRATEGY],
        "evidence": [
            (STRATEGY, {"question_key": "agree-ambition-5", "answer_value": "5"},
             "they strongly agree with preparing for a successful future early"),
        ],
        "quotes": [],
        "notes": [],
    },
    {
        "slug": "safer-journeys-to-school",
        "title": "Safer journeys to school",
        "summary": "You asked for better transport to school. We are checking the right support "
        "is in place for children with complex health needs on their journey.",
        "you_said": "<p>You asked for better transport to school for children and young people "
        "with SEND.</p>",
        "we_did": "<p>We are checking that the right support is in place for children and young "
        "people travelling to school who have complex health needs.</p>",
        "status": UpdatePage.Status.IN_PROGRESS,
        "progress": 20,
        "easy_read_summary": "You said: the journey to school needs to be better.\n"
        "We did: we are checking children get the right help on the way to school.",
        "ambitions": [2],
        "outcomes": ["My learning"],
        "consultations": [STRATEGY],
        "evidence": [(STRATEGY, {"theme": "Transport"}, "transport to school should be better")],
        "quotes": [(STRATEGY, "Better transport to school.")],
        "notes": [(20, "We started reviewing journeys for children with complex health needs.")],
    },
]  # fmt: skip


def _index(root) -> UpdateIndexPage:
    index = UpdateIndexPage.objects.child_of(root).first()
    if index is None:
        index = UpdateIndexPageFactory(
            parent=root,
            show_in_menus=True,
            summary="What you told us, what we did about it, and how far we have got.",
            intro="Every update says what people told us in our consultations, what we are "
            "doing about it, and how far we have got.",
        )
        index.save_revision().publish()
    return index


def _update(index, spec, consultations, ambitions, outcomes) -> bool:
    if UpdatePage.objects.child_of(index).filter(slug=spec["slug"]).exists():
        return False
    today = timezone.localdate()
    page = UpdatePageFactory.build(
        slug=spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        you_said=spec["you_said"],
        we_did=spec["we_did"],
        status=spec["status"],
        progress=spec["progress"],
        easy_read_summary=spec["easy_read_summary"],
    )
    page.ambitions = [ambitions[n] for n in spec["ambitions"]]
    page.outcomes = [outcomes[title] for title in spec["outcomes"]]
    page.consultations = [consultations[slug] for slug in spec["consultations"]]
    page.progress_notes = [
        ProgressNote(date=today - datetime.timedelta(days=days), note=note)
        for days, note in spec["notes"]
    ]
    page.quotes = [
        Quote(answer=answer, text=answer.value)
        for slug, text in spec["quotes"]
        if (answer := _answer(consultations[slug], text))
    ]
    evidence = []
    for slug, selector, statement in spec["evidence"]:
        item = Evidence(consultation=consultations[slug], statement=statement)
        if "theme" in selector:
            item.theme = Theme.objects.get(consultation=item.consultation, name=selector["theme"])
        item.question_key = selector.get("question_key", "")
        item.answer_value = selector.get("answer_value", "")
        item.clean()  # counts the answers, and refuses evidence that does not exist
        evidence.append(item)
    page.evidence = evidence
    index.add_child(instance=page)
    page.save_revision().publish()
    return True


def _answer(consultation, text):
    return Answer.objects.filter(response__consultation=consultation, value=text).first()


def load_demo(stdout) -> str:
    root = Site.objects.get(is_default_site=True).root_page
    default = Locale.get_default()
    consultations = {
        page.slug: page
        for page in ConsultationPage.objects.filter(
            locale=default, slug__in=[STRATEGY, YOUNG_PEOPLE]
        )
    }
    if len(consultations) < 2:
        return "skipped: the demo consultations are missing."
    ambitions = {a.number: a for a in Ambition.objects.filter(locale=default)}
    outcomes = {o.title: o for o in Outcome.objects.filter(locale=default)}
    index = _index(root)
    made = sum(_update(index, spec, consultations, ambitions, outcomes) for spec in UPDATES)
    return f"{len(UPDATES)} 'you said, we did' updates ({made} created now)."
