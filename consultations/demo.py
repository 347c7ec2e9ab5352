"""Demo consultations: "Tell us what you think of our draft SEND strategy" (built from the
strategy's five ambitions, seed 001) and an easy-read questionnaire for young people, under a
"Have your say" section, with a few hundred generated responses so the analysis is not empty.

Called by ``manage.py load_demo_content`` after the editorial pages and ambitions exist. Pages
are found by slug: a second run changes nothing (dates are set only when a page is created).
"""

from __future__ import annotations

import datetime
import json
import random

from django.utils import timezone
from wagtail.models import Locale, Site

from home.factories import IndexPageFactory
from home.models import IndexPage
from hub.demo_data import KENT_DISTRICTS
from outcomes.models import Ambition, Outcome

from .choices import AGE_BANDS, AGREE_SCALE, RATING_5, RespondentType
from .factories import ConsultationPageFactory, options, question, step
from .models import Answer, ConsultationPage, OutcomeSubscription, Response, Theme
from .saving import inherit_question_tags
from .tagging import TagChoice, add_tags

SEED = 2026
DEMO_RESPONSES = 300
INVOLVEMENT = [
    "Online surveys like this one",
    "Meetings and events near me",
    "Through the parent carer forum",
    "Young people's groups",
]
# What people typed, and the theme and outcome staff coded it with. One is a spreadsheet formula,
# so the demo shows exports neutralising it.
CHANGE_THEMES = {
    "Shorter waits for assessments.": ("Waiting times", "My health and well-being"),
    "Clearer information about what support my child can get.": (
        "Information and communication",
        "My family",
    ),
    "More training for teaching assistants.": ("Training for school staff", "My learning"),
    "Better transport to school.": ("Transport", "My learning"),
    "Keep families updated while they wait.": ("Waiting times", "My family"),
    '=HYPERLINK("http://example.com") more places in special schools': (
        "Special school places",
        "My learning",
    ),
}
CHANGES = list(CHANGE_THEMES)
THEMES = sorted({theme for theme, _outcome in CHANGE_THEMES.values()})


def outcome_ids(outcomes: dict[str, Outcome], *titles: str) -> list[int]:
    return [outcomes[title].pk for title in titles if title in outcomes]


# The outcome statements (outcomes/demo.py) that each ambition's "what would you change?"
# answers are evidence for.
CHANGE_OUTCOMES = {
    1: ["My voice", "My community"],
    2: ["My health and well-being", "My family"],
    3: ["My learning", "My friends and belonging"],
    4: ["My voice", "My family"],
    5: ["My independence", "My future"],
}


def strategy_questionnaire(ambitions: list[Ambition], outcomes: dict[str, Outcome]) -> list[dict]:
    steps = [
        step(
            "About you",
            question("respondent_type", "who", "Who is answering?"),
            question(
                "district",
                "district",
                "Where do you live?",
                options=options(*KENT_DISTRICTS),
                hint="Choose the district council area.",
            ),
        )
    ]
    for ambition in ambitions:
        n = ambition.number
        steps.append(
            step(
                f"Ambition {n}: {ambition.title}",
                question(
                    "agree_scale",
                    f"agree-ambition-{n}",
                    "How much do you agree with this ambition?",
                    hint=ambition.summary[:500],
                    easy_read_label="Do you think this is a good idea?",
                    easy_read_hint=ambition.easy_read_summary[:500],
                    ambitions=[ambition.pk],
                ),
                question(
                    "long_text",
                    f"change-ambition-{n}",
                    "What would you change?",
                    required=False,
                    max_length=1500,
                    ambitions=[ambition.pk],
                    outcomes=outcome_ids(outcomes, *CHANGE_OUTCOMES.get(n, [])),
                    easy_read_label="What would make it better?",
                ),
                easy_read_title=f"Idea {n}",
            )
        )
    steps.append(
        step(
            "Getting involved",
            question(
                "multiple_choice",
                "get-involved",
                "How can we help you get involved?",
                hint="Choose all that apply.",
                required=False,
                options=options(*INVOLVEMENT),
                none_option="I do not want to be involved",
                ambitions=[a.pk for a in ambitions if a.number == 4],
            ),
        )
    )
    steps.append(
        step(
            "Support for your family",
            question(
                "rating",
                "satisfaction",
                "How happy are you with the SEND support your family gets in Kent?",
                points="5",
                satisfaction_measure=True,
                ambitions=[a.pk for a in ambitions if a.number in {1, 2}],
                outcomes=outcome_ids(outcomes, "My family"),
                easy_read_label="How happy are you with the help you get?",
            ),
            easy_read_title="The help you get",
        )
    )
    return steps  # fmt: skip


def young_people_questionnaire(
    ambitions: dict[int, Ambition], outcomes: dict[str, Outcome]
) -> list[dict]:
    def one(title, *q):
        return step(title, *q, easy_read_title=title)

    return [
        one("About you", question("respondent_type", "who", "Who is answering?",
                                  easy_read_label="Who is filling in this form?")),
        one("School", question("rating", "happy-at-school", "How happy are you at school?",
                               points="5", faces=True, satisfaction_measure=True,
                               ambitions=[ambitions[3].pk],
                               outcomes=outcome_ids(outcomes, "My learning",
                                                    "My friends and belonging"))),
        one("Being listened to", question("yes_no", "listened-to", "Do adults listen to you?",
                                          ambitions=[ambitions[4].pk],
                                          outcomes=outcome_ids(outcomes, "My voice"))),
        one("One change", question("long_text", "one-change",
                                   "What one thing would make things better for you?",
                                   required=False, max_length=1000,
                                   easy_read_hint="You can write as much or as little as you like.",
                                   ambitions=[ambitions[1].pk],
                                   outcomes=outcome_ids(outcomes, "My voice"))),
        one("Your age", question("age_band", "age", "How old are you?", required=False)),
    ]  # fmt: skip


def _index(root) -> IndexPage:
    index = IndexPage.objects.child_of(root).filter(slug="have-your-say").first()
    if index is None:
        index = IndexPageFactory(
            parent=root,
            title="Have your say",
            slug="have-your-say",
            show_in_menus=True,
            summary="Answer our consultations and tell us what you think about SEND services.",
            intro="Your views change what we do. Answer online, in easy read or on paper.",
        )
        index.save_revision().publish()
    return index


def _consultation(parent, slug: str, open_days: int, **fields) -> tuple[ConsultationPage, bool]:
    """The consultation page, created open for the last `open_days` days and 30 more."""
    page = ConsultationPage.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page, False
    now = timezone.now().replace(second=0, microsecond=0)
    page = ConsultationPageFactory(
        parent=parent,
        slug=slug,
        opens_at=now - datetime.timedelta(days=open_days),
        closes_at=(now + datetime.timedelta(days=30)).replace(hour=23, minute=59),
        **fields,
    )
    page.save_revision().publish()
    return page, True


def _generate_responses(page: ConsultationPage, count: int, rng: random.Random) -> int:
    """`count` responses spread evenly from the opening date to now, so charts over time have
    a shape; satisfaction improves a little over the months, as the updates hope it will."""
    if page.responses.exists():
        return 0
    questions = [q for s in page.steps for q in s.questions]
    now = timezone.now()
    span = (now - page.opens_at).total_seconds()
    responses = Response.objects.bulk_create(
        Response(
            consultation=page,
            reference=f"DEMO-{page.pk}-{i:04d}",
            channel=rng.choice(["online", "online", "online", "easy-read", "paper"]),
            language=rng.choice(["en-gb"] * 8 + ["pl", "ur"]),
            revision_id=page.live_revision_id,
        )
        for i in range(count)
    )
    answers = []
    for i, response in enumerate(responses):
        progress = i / max(count - 1, 1)  # 0 at opening, 1 now
        response.submitted_at = page.opens_at + datetime.timedelta(seconds=span * progress)
        for q in questions:
            value = _random_answer(q, rng, progress)
            if value is None:
                continue
            if q.question_type == "respondent_type":
                response.respondent_type = value
            text = json.dumps(value) if isinstance(value, list) else value
            answers.append(
                (
                    Answer(
                        response=response,
                        question_key=q.key,
                        question_type=q.question_type,
                        value=text,
                        data=value,
                    ),
                    q,
                )
            )
    Response.objects.bulk_update(responses, ["respondent_type", "submitted_at"])
    Answer.objects.bulk_create([answer for answer, _q in answers])
    inherit_question_tags(answers)
    return count


def _random_answer(q, rng: random.Random, progress: float = 0.5):
    kind = q.question_type
    if kind == "agree_scale":
        return rng.choices([v for v, _ in AGREE_SCALE], weights=[3, 5, 2, 2, 1])[0]
    if kind == "rating":
        happier = 1 + progress  # from "mostly not sure" towards "mostly happy"
        weights = [1.5 * happier, 3 * happier, 3, 2.5 / happier, 1.5 / happier]
        return rng.choices([v for v, _ in RATING_5], weights=weights)[0]
    if kind == "respondent_type":
        return rng.choices(RespondentType.values, weights=[2, 1, 6, 2])[0]
    if kind in {"district", "single_choice"}:
        return rng.choice(q.options)[0]
    if kind == "yes_no":
        return rng.choice(["yes", "yes", "no"])
    if kind == "age_band":
        return rng.choice(AGE_BANDS[1:5])[0]
    if kind == "long_text":
        return rng.choice(CHANGES) if rng.random() < 0.3 else None
    if kind == "multiple_choice":
        if rng.random() < 0.1:
            return ["none"]
        picked = [v for v, _l, _e in q.options if rng.random() < 0.4]
        return picked or None
    return None


def _code_free_text(page: ConsultationPage) -> int:
    """Staff coding, done ahead for the demo: each free-text answer gets the theme (and
    outcome) its words are about, so the updates can cite real counts."""
    if page.themes.exists():
        return 0
    themes = {name: Theme.objects.create(consultation=page, name=name) for name in THEMES}
    outcomes = {o.title: o for o in Outcome.objects.filter(locale=Locale.get_default())}
    coded = 0
    for text, (theme_name, outcome_title) in CHANGE_THEMES.items():
        ids = list(
            Answer.objects.filter(response__consultation=page, value=text).values_list(
                "pk", flat=True
            )
        )
        outcome = outcomes.get(outcome_title)
        choice = TagChoice(themes=[themes[theme_name].pk], outcomes=[outcome.pk] if outcome else [])
        add_tags(ids, choice, user=None)
        coded += len(ids)
    return coded


def _outcome_emails(page: ConsultationPage, count: int) -> None:
    """A few people asked to hear about outcomes (example.org addresses go nowhere)."""
    if OutcomeSubscription.objects.filter(response__consultation=page).exists():
        return
    responses = page.responses.order_by("pk")[:count]
    OutcomeSubscription.objects.bulk_create(
        OutcomeSubscription(response=r, email=f"{r.reference.lower()}@example.org")
        for r in responses
    )


def load_demo(stdout) -> str:
    site = Site.objects.get(is_default_site=True)
    root = site.root_page
    default = Locale.get_default()
    ambitions = list(Ambition.objects.filter(locale=default).order_by("number"))
    by_number = {a.number: a for a in ambitions}
    outcomes = {o.title: o for o in Outcome.objects.filter(locale=default)}
    index = _index(root)
    strategy, new_strategy = _consultation(
        index,
        "draft-send-strategy",
        150,
        title="Tell us what you think of our draft SEND strategy",
        summary="Our draft strategy has five ambitions. Tell us if they are right for your family.",
        audience="Parents and carers, children and young people with SEND, and professionals",
        introduction=(
            "<p>We have written a draft strategy for SEND services in Kent. It has five "
            "ambitions. For each one, tell us how much you agree and what you would change.</p>"
        ),
        easy_read_introduction="We want to know what you think of our plans. It takes about 10 minutes.",
        contact="Email sendstrategy@example.org or call 03000 41 41 41 for another format.",
        questionnaire=strategy_questionnaire(ambitions, outcomes),
    )
    if new_strategy:
        strategy.ambitions.set(ambitions)
        strategy.save_revision().publish()
    young, new_young = _consultation(
        index,
        "young-people-have-your-say",
        100,
        title="Young people: have your say about school",
        summary="Easy read questions for young people with SEND about school and being listened to.",
        audience="Young people with SEND aged 11 to 25",
        easy_read_introduction="There are 5 short questions. You can ask someone to help you.",
        questionnaire=young_people_questionnaire(by_number, outcomes),
    )
    if new_young:
        young.ambitions.set([by_number[n] for n in (1, 3, 4) if n in by_number])
        young.save_revision().publish()
    rng = random.Random(SEED)  # noqa: S311 (demo data, deliberately repeatable)
    made = _generate_responses(strategy, DEMO_RESPONSES, rng)
    made += _generate_responses(young, DEMO_RESPONSES // 3, rng)
    coded = _code_free_text(strategy) + _code_free_text(young)
    _outcome_emails(strategy, 6)
    _outcome_emails(young, 3)
    total = Response.objects.filter(consultation__in=[strategy, young]).count()
    return (
        f"2 consultations under Have your say; {total} responses ({made} generated now); "
        f"{coded} free-text answers coded with themes."
    )  # fmt: skip
