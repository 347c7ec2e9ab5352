"""What the database holds after a live run, compared with what each person sent and saw."""

from __future__ import annotations

from collections import Counter

from questionnaire_walker import Journey, Person

from consultations.models import Response


def problems_with_stored_responses(consultation, journeys: list[Journey]) -> list[str]:
    """Everything wrong with the stored responses, as sentences (empty when all is well):

    * each confirmed person has exactly one response, under the reference they were shown;
    * no response exists that nobody was shown a confirmation for, and none is there twice;
    * every response has every answer its person gave, with the value they gave, and nothing
      else (a skipped step leaves no answers), its respondent type, and its ambition tag.
    """
    problems: list[str] = []
    by_person = {journey.person.n: journey for journey in journeys}
    responses = list(
        Response.objects.filter(consultation=consultation)
        .prefetch_related("answers__ambitions")
        .order_by("pk")
    )
    shown = Counter(journey.reference for journey in journeys if journey.confirmed)
    stored = Counter(response.reference for response in responses)
    if twice := [reference for reference, count in shown.items() if count > 1]:
        problems.append(f"one reference shown to several people: {twice}")
    if missing := sorted(set(shown) - set(stored)):
        problems.append(f"confirmed but not stored: {missing}")
    if unconfirmed := sorted(set(stored) - set(shown)):
        problems.append(f"stored but nobody saw a confirmation: {unconfirmed}")

    seen_people: Counter[int] = Counter()
    for response in responses:
        answers = {answer.question_key: answer for answer in response.answers.all()}
        change = answers.get("change-1")
        number = _person_number(change.value if change else "")
        if number is None or number not in by_person:
            problems.append(
                f"{response.reference}: cannot tell whose it is ({len(answers)} answers)"
            )
            continue
        seen_people[number] += 1
        person, journey = Person(number), by_person[number]
        if journey.confirmed and journey.reference != response.reference:
            problems.append(
                f"person {number} was shown {journey.reference} but stored as {response.reference}"
            )
        expected = person.stored_answers()
        got = {key: answer.data for key, answer in answers.items()}
        if got != expected:
            problems.append(
                f"{response.reference} (person {number}) is not whole: "
                f"missing {sorted(set(expected) - set(got))}, "
                f"extra {sorted(set(got) - set(expected))}, "
                f"wrong {sorted(k for k in set(got) & set(expected) if got[k] != expected[k])}"
            )
        if response.respondent_type != expected["who"]:
            problems.append(f"{response.reference}: respondent type {response.respondent_type!r}")
        agree = answers.get("agree-1")
        if agree is not None and [a.number for a in agree.ambitions.all()] != [1]:
            problems.append(f"{response.reference}: agree-1 lost its ambition tag")
    if again := [number for number, count in seen_people.items() if count > 1]:
        problems.append(f"people stored more than once: {sorted(again)}")
    return problems


def _person_number(change: str) -> int | None:
    prefix = "Answer from person "
    if not change.startswith(prefix):
        return None
    digits = change[len(prefix) :].split(":", 1)[0]
    return int(digits) if digits.isdigit() else None
