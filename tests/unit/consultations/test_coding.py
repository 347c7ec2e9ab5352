"""Tagging answers: inherited from questions, coded by analysts one at a time or in bulk, counted
per ambition, outcome and theme; themes kept per consultation; the tagged-answer chooser."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from consultations.choosers import TaggedAnswerChooserWidget
from consultations.factories import (
    AnswerFactory,
    ConsultationPageFactory,
    ResponseFactory,
    ThemeFactory,
    question,
    step,
)
from consultations.forms import paper_form_class
from consultations.models import Answer, Theme
from consultations.saving import save_response
from consultations.tagging import TagChoice, Vocabulary, add_tags, remove_tags, tag_counts
from outcomes.factories import AmbitionFactory, OutcomeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(client):
    user = User.objects.create_user("analyst", password="x", first_name="Ana", last_name="Lyst")
    user.groups.add(Group.objects.get(name="Consultation analysts"))
    client.force_login(user)
    return user


@pytest.fixture
def ambitions():
    return [AmbitionFactory(number=1, title="Included"), AmbitionFactory(number=2, title="Heard")]


@pytest.fixture
def outcomes():
    return [OutcomeFactory(title="My independence"), OutcomeFactory(title="My health")]


@pytest.fixture
def theme(consultation):
    return ThemeFactory(consultation=consultation, name="Transport")


def written(consultation, text="More help at school.", **kwargs):
    return AnswerFactory(response=ResponseFactory(consultation=consultation), value=text, **kwargs)


def coding_url(consultation, query=""):
    return f"/admin/consultations/{consultation.pk}/coding/{query}"


def messages(response) -> list[str]:
    # Wagtail renders admin messages through a template, which adds whitespace.
    return [str(message).strip() for message in response.context["messages"]]


def translated(instance, language="pl"):
    copy = instance.copy_for_translation(Locale.objects.get(language_code=language))
    copy.save()
    return copy


# --- Answers inherit their question's tags ----------------------------------------------------------


def test_saved_answers_inherit_ambitions_and_outcomes_as_the_default_language(
    home, ambitions, outcomes
):
    polish_ambition = translated(ambitions[1])
    page = ConsultationPageFactory(
        parent=home,
        questionnaire=[
            step(
                "Views",
                question(
                    "long_text",
                    "travel",
                    "How do you get to school?",
                    ambitions=[ambitions[0].pk, polish_ambition.pk],
                    outcomes=[outcomes[0].pk],
                ),
                question("yes_no", "happy", "Are you happy?", outcomes=[outcomes[1].pk]),
            )
        ],
    )
    form = paper_form_class(page.steps)(data={"travel": "By bus", "happy": "yes"})
    assert form.is_valid(), form.errors

    response = save_response(page, [form], channel="paper", language="en-gb")

    travel = response.answers.get(question_key="travel")
    assert set(travel.ambitions.all()) == set(ambitions)
    assert polish_ambition not in travel.ambitions.all()
    assert list(travel.outcomes.all()) == [outcomes[0]]
    assert list(response.answers.get(question_key="happy").outcomes.all()) == [outcomes[1]]
    assert travel.coded_at is None


# --- Permissions ---------------------------------------------------------------------------------


def test_coding_screens_are_for_analysts_only(client, consultation, theme):
    answer = written(consultation)
    urls = [
        coding_url(consultation),
        f"/admin/consultations/{consultation.pk}/coding/{answer.pk}/",
        f"/admin/consultations/{consultation.pk}/themes/",
        f"/admin/consultations/{consultation.pk}/themes/{theme.pk}/delete/",
        reverse("tagged_answer_chooser:choose"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url

    editor = User.objects.create_user("editor", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    for url in urls:
        response = client.get(url)
        # Wagtail turns a refusal into a redirect to the dashboard with a message.
        assert response.status_code in {302, 403}, url
        assert b"More help at school" not in response.content
    response = client.post(
        coding_url(consultation),
        {"answers": [answer.pk], "action": "add", "themes": [theme.pk]},
    )
    assert response.status_code in {302, 403}
    response = client.post(f"/admin/consultations/{consultation.pk}/themes/{theme.pk}/delete/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert Theme.objects.filter(pk=theme.pk).exists()
    answer.refresh_from_db()
    assert answer.coded_at is None and answer.coded_by is None
    assert not answer.themes.exists()

    analyst = User.objects.create_user("analyst", password="x")
    analyst.groups.add(Group.objects.get(name="Consultation analysts"))
    client.force_login(analyst)
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_superusers_may_code(client, consultation):
    client.force_login(User.objects.create_superuser("boss", password="x"))
    assert client.get(coding_url(consultation)).status_code == 200


def test_an_answer_from_another_consultation_is_not_found(client, analyst, home, consultation):
    other = written(ConsultationPageFactory(parent=home, title="Other"))
    choice_answer = written(consultation, question_key="agree-1", question_type="agree_scale")
    for answer in (other, choice_answer):
        response = client.get(f"/admin/consultations/{consultation.pk}/coding/{answer.pk}/")
        assert response.status_code == 404


# --- The coding list --------------------------------------------------------------------------------


def test_coding_list_shows_written_answers_with_tags_and_escapes_text(
    client, analyst, consultation, ambitions, theme
):
    answer = written(consultation, "<script>alert('x')</script> & buses")
    answer.ambitions.add(ambitions[0])
    answer.themes.add(theme)
    written(consultation, question_key="agree-1", question_type="agree_scale", text="5")

    response = client.get(coding_url(consultation))

    html = response.content.decode()
    assert "<script>alert(" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; buses" in html
    assert answer.response.reference in html
    assert "What would you change?" in html
    assert "Ambition: 1. Included" in html
    assert "Theme: Transport" in html
    assert response.context["answers"].paginator.count == 1
    assert f'name="answers" value="{answer.pk}"' in html
    assert f"/coding/{answer.pk}/" in html


def test_coding_list_filters(client, analyst, consultation, ambitions, outcomes, theme):
    bus = written(consultation, "The BUS is late")
    bus.outcomes.add(outcomes[0])
    coded = written(consultation, "More speech therapy")
    coded.themes.add(theme)
    add_tags([coded.pk], TagChoice(ambitions=[ambitions[1].pk]), analyst)
    other_question = written(
        consultation, "Nothing", question_key="other", question_type="short_text"
    )

    def shown(query):
        response = client.get(coding_url(consultation, query))
        assert response.status_code == 200
        return {answer.pk for answer in response.context["answers"]}

    assert shown("") == {bus.pk, coded.pk, other_question.pk}
    assert shown("?uncoded=on") == {bus.pk, other_question.pk}
    assert shown("?words=bus") == {bus.pk}
    assert shown("?question=change-1") == {bus.pk, coded.pk}
    assert shown(f"?tag=theme-{theme.pk}") == {coded.pk}
    assert shown(f"?tag=ambition-{ambitions[1].pk}") == {coded.pk}
    assert shown(f"?tag=outcome-{outcomes[0].pk}") == {bus.pk}
    # Nonsense in the address is left out (and shown as an error on its field), not a failure.
    assert shown("?tag=ambition-nonsense&question=nope") == {bus.pk, coded.pk, other_question.pk}


def test_a_tag_that_no_longer_exists_is_an_error_and_the_other_filters_still_apply(
    client, analyst, consultation, ambitions, theme
):
    coded_bus = written(consultation, "The bus is late")
    add_tags([coded_bus.pk], TagChoice(ambitions=[ambitions[0].pk]), analyst)
    bus = written(consultation, "Another bus story")
    written(consultation, "More speech therapy")
    gone = ThemeFactory(consultation=consultation, name="Gone")
    bookmark = f"?tag=theme-{gone.pk}&words=bus&uncoded=on"
    gone.delete()

    response = client.get(coding_url(consultation, bookmark))

    assert response.status_code == 200
    assert [answer.pk for answer in response.context["answers"]] == [bus.pk]
    form = response.context["filter_form"]
    assert form.errors == {"tag": ["That tag no longer exists. Choose another."]}
    html = response.content.decode()
    assert "That tag no longer exists. Choose another." in html
    # The valid filters stay filled in.
    assert form["words"].value() == "bus" and form["uncoded"].value()


def test_save_and_code_next_keeps_the_valid_filters_when_a_tag_is_gone(
    client, analyst, consultation, ambitions
):
    # Newest first in the list: the speech answer, then the other bus one, then `first`.
    first, other_bus, speech = (
        written(consultation, text) for text in ("First bus", "Other bus", "Speech therapy")
    )
    now = timezone.now()
    for minutes, answer in enumerate((speech, other_bus, first)):
        answer.response.submitted_at = now - datetime.timedelta(minutes=minutes)
        answer.response.save(update_fields=["submitted_at"])
    gone = ThemeFactory(consultation=consultation, name="Gone")
    query = f"?tag=theme-{gone.pk}&words=bus"
    gone.delete()
    base = f"/admin/consultations/{consultation.pk}/coding/"

    response = client.post(
        f"{base}{first.pk}/{query}", {"ambitions": [ambitions[0].pk], "next": "1"}
    )

    # The words filter still holds, so the speech answer is passed over.
    assert response["Location"] == f"{base}{other_bus.pk}/{query}"


def test_coding_list_is_paginated(client, analyst, consultation):
    for n in range(51):
        written(consultation, f"Answer {n}")
    first = client.get(coding_url(consultation))
    assert len(first.context["answers"]) == 50
    assert len(client.get(coding_url(consultation, "?p=2")).context["answers"]) == 1


def test_only_default_language_ambitions_and_outcomes_are_offered(
    client, analyst, consultation, ambitions, outcomes
):
    polish = translated(ambitions[0])
    polish_outcome = translated(outcomes[0])
    vocabulary = Vocabulary.for_consultation(consultation)
    assert vocabulary.ambitions == ambitions
    assert vocabulary.outcomes == outcomes
    answer = written(consultation)
    response = client.post(
        coding_url(consultation),
        {"answers": [answer.pk], "action": "add", "ambitions": [polish.pk]},
    )
    assert response.status_code == 200
    assert not answer.ambitions.exists()
    response = client.post(
        coding_url(consultation),
        {"answers": [answer.pk], "action": "add", "outcomes": [polish_outcome.pk]},
    )
    assert not answer.outcomes.exists()


# --- Bulk coding ------------------------------------------------------------------------------------


def test_bulk_add_then_remove_tags(client, analyst, consultation, ambitions, outcomes, theme):
    answers = [written(consultation, f"Answer {n}") for n in range(3)]
    answers[0].ambitions.add(ambitions[0])  # already has it: counted as unchanged
    query = "?question=change-1&words=answer"

    response = client.post(
        coding_url(consultation, query),
        {
            "answers": [answers[0].pk, answers[1].pk],
            "action": "add",
            "ambitions": [ambitions[0].pk],
            "themes": [theme.pk],
        },
        follow=True,
    )

    assert response.redirect_chain[0] == (coding_url(consultation, query), 302)
    assert "Added tags to the 2 answers you ticked." in messages(response)
    for answer in answers[:2]:
        answer.refresh_from_db()
        assert list(answer.ambitions.all()) == [ambitions[0]]
        assert list(answer.themes.all()) == [theme]
        assert answer.coded_by == analyst and answer.coded_at is not None
    answers[2].refresh_from_db()
    assert answers[2].coded_at is None and not answers[2].themes.exists()

    response = client.post(
        coding_url(consultation),
        {
            "answers": [answers[0].pk, answers[2].pk],
            "action": "remove",
            "themes": [theme.pk],
            "outcomes": [outcomes[0].pk],
        },
        follow=True,
    )

    assert (
        "Removed tags from 1 of the 2 answers you ticked. The others did not have them."
        in messages(response)
    )
    assert not answers[0].themes.exists()
    assert list(answers[0].ambitions.all()) == [ambitions[0]]
    assert list(answers[1].themes.all()) == [theme]
    assert Answer.objects.get(pk=answers[2].pk).coded_at is not None


@pytest.mark.parametrize(
    ("action", "changed", "selected", "message"),
    [
        ("add", 1, 1, "Added tags to the 1 answer you ticked."),
        ("add", 3, 3, "Added tags to the 3 answers you ticked."),
        ("add", 0, 1, "The 1 answer you ticked already had these tags."),
        ("add", 0, 2, "The 2 answers you ticked already had these tags."),
        (
            "add",
            2,
            5,
            "Added tags to 2 of the 5 answers you ticked. The others already had them.",
        ),
        ("remove", 2, 2, "Removed tags from the 2 answers you ticked."),
        ("remove", 0, 1, "The 1 answer you ticked did not have these tags."),
        (
            "remove",
            1,
            3,
            "Removed tags from 1 of the 3 answers you ticked. The others did not have them.",
        ),
    ],
)
def test_bulk_messages_say_what_happened_to_the_ticked_answers(action, changed, selected, message):
    from consultations.coding import _bulk_message

    assert _bulk_message(action, changed, selected) == message


def test_bulk_add_says_when_the_ticked_answers_already_had_the_tags(
    client, analyst, consultation, theme
):
    answers = [written(consultation, f"Answer {n}") for n in range(2)]
    answers[0].themes.add(theme)

    response = client.post(
        coding_url(consultation),
        {"answers": [a.pk for a in answers], "action": "add", "themes": [theme.pk]},
        follow=True,
    )

    assert messages(response) == [
        "Added tags to 1 of the 2 answers you ticked. The others already had them."
    ]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"action": "add", "ambitions": ["AMBITION"]}, "Select at least one answer to code."),
        (
            {"action": "add", "answers": ["ANSWER"]},
            "Choose at least one ambition, outcome or theme",
        ),
        (
            {"action": "add", "answers": ["OTHER"], "ambitions": ["AMBITION"]},
            "Select at least one answer to code.",
        ),
    ],
)
def test_bulk_coding_needs_answers_and_tags(
    client, analyst, home, consultation, ambitions, data, error
):
    answer = written(consultation)
    other = written(ConsultationPageFactory(parent=home, title="Other"))
    swap = {"AMBITION": ambitions[1].pk, "ANSWER": answer.pk, "OTHER": other.pk}
    data = {
        key: [swap[v] for v in value] if isinstance(value, list) else value
        for key, value in data.items()
    }

    response = client.post(coding_url(consultation), data)

    assert response.status_code == 200
    assert error in response.content.decode()
    assert messages(response) == ["No tags were changed. Check the form below."]
    assert not Answer.ambitions.through.objects.exists()
    assert not Answer.objects.filter(coded_at__isnull=False).exists()


def test_bulk_coding_query_count_does_not_grow_with_the_answers(
    client, analyst, consultation, ambitions, outcomes, theme
):
    def post(number, action):
        answers = [written(consultation, f"{action} {n}") for n in range(number)]
        data = {
            "answers": [answer.pk for answer in answers],
            "action": action,
            "ambitions": [a.pk for a in ambitions],
            "outcomes": [o.pk for o in outcomes],
            "themes": [theme.pk],
        }
        if action == "remove":
            add_tags(
                data["answers"], TagChoice(ambitions=data["ambitions"], themes=[theme.pk]), None
            )
        with CaptureQueriesContext(connection) as captured:
            response = client.post(coding_url(consultation), data)
        assert response.status_code == 302
        return len(captured)

    for action in ("add", "remove"):
        assert post(5, action) == post(50, action), action


def test_add_and_remove_tags_cost_a_fixed_number_of_queries(
    consultation, ambitions, theme, django_assert_max_num_queries
):
    ids = [written(consultation, f"Answer {n}").pk for n in range(60)]
    choice = TagChoice(ambitions=[a.pk for a in ambitions], themes=[theme.pk])
    with django_assert_max_num_queries(8):
        assert add_tags(ids, choice, None) == 60
    with django_assert_max_num_queries(8):
        assert remove_tags(ids, choice, None) == 60
    assert not Answer.ambitions.through.objects.exists()


# --- Coding one answer ------------------------------------------------------------------------------


def test_code_one_answer_replaces_its_tags(
    client, analyst, consultation, ambitions, outcomes, theme
):
    answer = written(consultation, "Buses <b>late</b>")
    answer.ambitions.add(ambitions[0])
    url = f"/admin/consultations/{consultation.pk}/coding/{answer.pk}/?uncoded=on"

    page = client.get(url)
    html = page.content.decode()
    assert "Buses &lt;b&gt;late&lt;/b&gt;" in html
    assert f'value="{ambitions[0].pk}"' in html
    assert page.context["form"]["ambitions"].value() == [ambitions[0].pk]

    response = client.post(url, {"ambitions": [ambitions[1].pk], "themes": [theme.pk]})

    assert response.status_code == 302
    assert response["Location"] == coding_url(consultation, "?uncoded=on")
    answer.refresh_from_db()
    assert list(answer.ambitions.all()) == [ambitions[1]]
    assert list(answer.themes.all()) == [theme]
    assert not answer.outcomes.exists()
    assert answer.coded_by == analyst and answer.coded_at is not None


def test_the_list_and_the_answer_say_who_coded_it(client, analyst, consultation, ambitions):
    by_name = written(consultation, "Coded by Ana")
    add_tags([by_name.pk], TagChoice(ambitions=[ambitions[0].pk]), analyst)
    nameless = User.objects.create_user("k.smith", password="x")
    by_username = written(consultation, "Coded by a username")
    add_tags([by_username.pk], TagChoice(ambitions=[ambitions[0].pk]), nameless)

    listing = client.get(coding_url(consultation)).content.decode()
    assert "(Ana Lyst)" in listing and "(k.smith)" in listing

    for answer, name in ((by_name, "(Ana Lyst)"), (by_username, "(k.smith)")):
        page = client.get(f"/admin/consultations/{consultation.pk}/coding/{answer.pk}/")
        assert name in page.content.decode()


def test_save_and_code_next_uncoded_answer(client, analyst, consultation, ambitions):
    first = written(consultation, "First")
    second = written(consultation, "Second")
    already = written(consultation, "Already coded")
    add_tags([already.pk], TagChoice(ambitions=[ambitions[0].pk]), analyst)
    base = f"/admin/consultations/{consultation.pk}/coding/"

    response = client.post(f"{base}{first.pk}/?question=change-1", {"next": "1"})
    assert response["Location"] == f"{base}{second.pk}/?question=change-1"

    response = client.post(f"{base}{second.pk}/", {"next": "1"}, follow=True)
    assert response.redirect_chain[-1][0] == base
    assert "There are no answers left to code in this list." in messages(response)


# --- Themes -----------------------------------------------------------------------------------------


def test_add_rename_and_reject_duplicate_themes(client, analyst, home, consultation, theme):
    url = f"/admin/consultations/{consultation.pk}/themes/"
    # The same name in another consultation is no clash.
    ThemeFactory(consultation=ConsultationPageFactory(parent=home, title="Other"), name="Waiting")

    response = client.post(url, {"name": " Waiting times ", "description": "Queues"}, follow=True)
    assert response.redirect_chain[-1][0] == url
    added = Theme.objects.get(consultation=consultation, name="Waiting times")
    assert added.description == "Queues"

    response = client.post(url, {"name": "transport"})
    assert response.status_code == 200
    assert "There is already a theme called “transport” in this consultation." in (
        response.content.decode()
    )
    assert Theme.objects.filter(consultation=consultation).count() == 2

    edit = f"{url}{theme.pk}/"
    response = client.post(edit, {"name": "Waiting Times"})
    assert "There is already a theme called" in response.content.decode()
    client.post(edit, {"name": "School transport", "description": ""})
    theme.refresh_from_db()
    assert theme.name == "School transport"


def test_themes_list_counts_answers(client, analyst, consultation, theme):
    for n in range(3):
        written(consultation, f"Answer {n}").themes.add(theme)
    response = client.get(f"/admin/consultations/{consultation.pk}/themes/")
    assert [t.answer_count for t in response.context["themes"]] == [3]


def test_deleting_a_theme_asks_first_and_keeps_the_answers(client, analyst, consultation, theme):
    answer = written(consultation)
    answer.themes.add(theme)
    url = f"/admin/consultations/{consultation.pk}/themes/{theme.pk}/delete/"

    confirm = client.get(url)
    assert "1 answer carries this theme." in confirm.content.decode()
    assert Theme.objects.filter(pk=theme.pk).exists()

    response = client.post(url)

    assert response.status_code == 302
    assert not Theme.objects.filter(pk=theme.pk).exists()
    assert Answer.objects.filter(pk=answer.pk).exists()
    assert not answer.themes.exists()


def test_a_theme_of_another_consultation_is_not_found(client, analyst, home, consultation):
    other = ThemeFactory(consultation=ConsultationPageFactory(parent=home, title="Other"))
    response = client.post(f"/admin/consultations/{consultation.pk}/themes/{other.pk}/delete/")
    assert response.status_code == 404
    assert Theme.objects.filter(pk=other.pk).exists()


# --- Counts -----------------------------------------------------------------------------------------


def test_tag_counts_give_answers_and_people_per_tag(
    home, consultation, ambitions, outcomes, theme, django_assert_max_num_queries
):
    first, second = (ResponseFactory(consultation=consultation) for _ in range(2))
    a1 = AnswerFactory(response=first, question_key="change-1")
    a2 = AnswerFactory(response=first, question_key="agree-1", question_type="agree_scale")
    b1 = AnswerFactory(response=second, question_key="change-1")
    a1.ambitions.add(ambitions[0])
    a2.ambitions.add(ambitions[0])
    b1.ambitions.add(ambitions[0])
    a1.themes.add(theme)
    b1.outcomes.add(outcomes[1])
    elsewhere = written(ConsultationPageFactory(parent=home, title="Other"))
    elsewhere.ambitions.add(ambitions[0], ambitions[1])

    with django_assert_max_num_queries(7):
        counts = tag_counts(consultation)

    def table(rows):
        return [(row.tag, row.answers, row.people) for row in rows]

    assert table(counts.ambitions) == [(ambitions[0], 3, 2), (ambitions[1], 0, 0)]
    assert table(counts.outcomes) == [(outcomes[0], 0, 0), (outcomes[1], 1, 1)]
    assert table(counts.themes) == [(theme, 1, 1)]


def test_coding_page_shows_the_counts(client, analyst, consultation, ambitions):
    written(consultation).ambitions.add(ambitions[0])
    response = client.get(coding_url(consultation))
    assert response.context["counts"].ambitions[0].answers == 1
    assert "Counts for each tag" in response.content.decode()


def test_coding_page_query_count_does_not_grow(
    client, analyst, consultation, ambitions, outcomes, theme, count_queries
):
    def grow(number):
        for n in range(number):
            answer = written(consultation, f"Answer {n}")
            answer.ambitions.add(ambitions[n % 2])
            answer.outcomes.add(outcomes[n % 2])
            answer.themes.add(theme)
        add_tags(
            list(Answer.objects.values_list("pk", flat=True)[:3]),
            TagChoice(themes=[theme.pk]),
            analyst,
        )

    grow(5)
    few = count_queries(coding_url(consultation))
    grow(45)
    assert count_queries(coding_url(consultation)) == few


def test_analysis_and_index_link_to_coding(client, analyst, consultation):
    target = coding_url(consultation)
    assert (
        target in client.get(f"/admin/consultations/{consultation.pk}/analysis/").content.decode()
    )
    assert target in client.get("/admin/consultations/").content.decode()


# --- The tagged-answer chooser ----------------------------------------------------------------------


def test_chooser_lists_and_searches_tagged_written_answers(
    client, analyst, consultation, ambitions
):
    tagged = written(consultation, "The bus is always late")
    tagged.ambitions.add(ambitions[0])
    written(consultation, "Not tagged at all")
    scale = written(consultation, "5", question_key="agree-1", question_type="agree_scale")
    scale.ambitions.add(ambitions[0])
    speech = written(consultation, "Speech <em>therapy</em>")
    speech.outcomes.add(OutcomeFactory())

    response = client.get(reverse("tagged_answer_chooser:choose"))

    assert response.status_code == 200
    html = json.loads(response.content)["html"]
    assert "The bus is always late" in html
    assert "Speech &lt;em&gt;therapy&lt;/em&gt;" in html
    assert "Not tagged at all" not in html
    assert consultation.title in html and tagged.response.reference in html
    assert scale.response.reference not in html

    results = client.get(reverse("tagged_answer_chooser:choose_results"), {"q": "BUS"})
    assert "The bus is always late" in results.content.decode()
    assert "Speech" not in results.content.decode()

    chosen = client.get(reverse("tagged_answer_chooser:chosen", args=[tagged.pk]))
    result = json.loads(chosen.content)["result"]
    assert result["id"] == str(tagged.pk)
    assert result["title"] == f"“The bus is always late” ({tagged.response.reference})"


def test_chooser_will_not_choose_untagged_answers(client, analyst, consultation):
    untagged = written(consultation)
    assert (
        client.get(reverse("tagged_answer_chooser:chosen", args=[untagged.pk])).status_code == 404
    )


def test_chooser_widget_shows_the_chosen_answer(consultation, ambitions):
    answer = written(consultation, "The bus is always late")
    answer.ambitions.add(ambitions[0])
    html = TaggedAnswerChooserWidget().render("answer", answer.pk, attrs={"id": "id_answer"})
    assert "The bus is always late" in html
    assert reverse("tagged_answer_chooser:choose") in html
