"""Demo consultations: "Tell us what you think of our draft SEND strategy" (built from the
strategy's five ambitions, seed 001) and an easy-read questionnaire for young people, under a
"Have your say" section, with a few hundred generated responses so the analysis is not empty.

Called by ``manage.py load_demo_content`` after the editorial pages and ambitions exist. Pages
are found by slug: a second run changes nothing (dates are set only when a page is created).
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone
from wagtail.models import Locale, Site

from home.factories import IndexPageFactory
from home.models import IndexPage
from hub.demo_data import KENT_DISTRICTS
from outcomes.models import Ambition

from .choices import AGE_BANDS, AGREE_SCALE, RATING_5, RespondentType
from .factories import ConsultationPageFactory, options, question, step
from .models import Answer, ConsultationPage, Response

SEED = 2026
DEMO_RESPONSES = 300
INVOLVEMENT = [
    "Online surveys like this one",
    "Meetings and events near me",
    "Through the parent carer forum",
    "Young people's groups",
]
CHANGES = [
    "Shorter waits for assessments.",
    "Clearer information about what support my child can get.",
    "More training for teaching assistants.",
    "Better transport to school.",
    "Keep families updated while they wait.",
    '=HYPERLINK("http://example.com") more places in special schools',
]


def strategy_questionnaire(ambitions: list[Ambition]) -> list[dict]:
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
    return steps  # fmt: skip


def young_people_questionnaire(ambitions: dict[int, Ambition]) -> list[dict]:
    def one(title, *q):
        return step(title, *q, easy_read_title=title)

    return [
        one("About you", question("respondent_type", "who", "Who is answering?",
                                  easy_read_label="Who is filling in this form?")),
        one("School", question("rating", "happy-at-school", "How happy are you at school?",
                               points="5", faces=True, ambitions=[ambitions[3].pk])),
        one("Being listened to", question("yes_no", "listened-to", "Do adults listen to you?",
                                          ambitions=[ambitions[4].pk])),
        one("One change", question("long_text", "one-change",
                                   "What one thing would make things better for you?",
                                   required=False, max_length=1000,
                                   easy_read_hint="You can write as much or as little as you like.",
                                   ambitions=[ambitions[1].pk])),
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


def _consultation(parent, slug: str, **fields) -> tuple[ConsultationPage, bool]:
    page = ConsultationPage.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page, False
    now = timezone.now().replace(second=0, microsecond=0)
    page = ConsultationPageFactory(
        parent=parent,
        slug=slug,
        opens_at=now - datetime.timedelta(days=14),
        closes_at=(now + datetime.timedelta(days=120)).replace(hour=23, minute=59),
        **fields,
    )
    page.save_revision().publish()
    return page, True


def _generate_responses(page: ConsultationPage, count: int, rng: random.Random) -> int:
    if page.responses.exists():
        return 0
    questions = [q for s in page.steps for q in s.questions]
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
    answers, tags = [], []
    for response in responses:
        for q in questions:
            value = _random_answer(q, rng)
            if value is None:
                continue
            if q.question_type == "respondent_type":
                response.respondent_type = value
            data = value
            text = value if isinstance(value, str) else ",".join(value)
            if isinstance(value, list):
                import json

                text = json.dumps(value)
            answers.append(
                Answer(
                    response=response,
                    question_key=q.key,
                    question_type=q.question_type,
                    value=text,
                    data=data,
                )
            )
            tags.append(q.ambition_ids)
    Response.objects.bulk_update(responses, ["respondent_type"])
    created = Answer.objects.bulk_create(answers)
    through = Answer.ambitions.through
    through.objects.bulk_create(
        [
            through(answer_id=a.pk, ambition_id=pk)
            for a, ids in zip(created, tags, strict=True)
            for pk in ids
        ]
    )
    return count  # fmt: skip


def _random_answer(q, rng: random.Random):
    kind = q.question_type
    if kind == "agree_scale":
        return rng.choices([v for v, _ in AGREE_SCALE], weights=[3, 5, 2, 2, 1])[0]
    if kind == "rating":
        return rng.choices([v for v, _ in RATING_5], weights=[2, 4, 3, 2, 1])[0]
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


def load_demo(stdout) -> str:
    site = Site.objects.get(is_default_site=True)
    root = site.root_page
    default = Locale.get_default()
    ambitions = list(Ambition.objects.filter(locale=default).order_by("number"))
    by_number = {a.number: a for a in ambitions}
    index = _index(root)
    strategy, new_strategy = _consultation(
        index,
        "draft-send-strategy",
        title="Tell us what you think of our draft SEND strategy",
        summary="Our draft strategy has five ambitions. Tell us if they are right for your family.",
        audience="Parents and carers, children and young people with SEND, and professionals",
        introduction=(
            "<p>We have written a draft strategy for SEND services in Kent. It has five "
            "ambitions. For each one, tell us how much you agree and what you would change.</p>"
        ),
        easy_read_introduction="We want to know what you think of our plans. It takes about 10 minutes.",
        contact="Email sendstrategy@example.org or call 03000 41 41 41 for another format.",
        questionnaire=strategy_questionnaire(ambitions),
    )
    if new_strategy:
        strategy.ambitions.set(ambitions)
        strategy.save_revision().publish()
    young, _new_young = _consultation(
        index,
        "young-people-have-your-say",
        title="Young people: have your say about school",
        summary="Easy read questions for young people with SEND about school and being listened to.",
        audience="Young people with SEND aged 11 to 25",
        easy_read_introduction="There are 5 short questions. You can ask someone to help you.",
        questionnaire=young_people_questionnaire(by_number),
    )
    rng = random.Random(SEED)  # noqa: S311 (demo data, deliberately repeatable)
    made = _generate_responses(strategy, DEMO_RESPONSES, rng)
    made += _generate_responses(young, DEMO_RESPONSES // 3, rng)
    total = Response.objects.filter(consultation__in=[strategy, young]).count()
    return f"2 consultations under Have your say; {total} responses ({made} generated now)."
