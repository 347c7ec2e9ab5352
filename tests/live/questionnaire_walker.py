"""A person answering a questionnaire over HTTP, as a browser without JavaScript would: start, one
form post per step (with the CSRF token from the page), check your answers, send, confirmation.

Used by the live tests against gunicorn, and reusable by load tests. Each `Person` answers
differently (and some skip the school step), so every stored answer can be checked against what
that person sent.
"""

from __future__ import annotations

import datetime
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

import requests
from bs4 import BeautifulSoup

from consultations.choices import RespondentType
from consultations.factories import options, question, step

# Generous: two hundred people queue for four workers on a shared two-core machine.
REQUEST_TIMEOUT = 120
OUTAGE_HEADING = "Sorry, there is a problem with the service"
CONFIRMATION_HEADING = "Thank you, your answers have been sent"

# --- The questionnaire -------------------------------------------------------------------------


def durability_questionnaire(ambition_id: int | None = None) -> list[dict]:
    """Four steps and most question types; step 3 only for people whose child goes to school.
    `agree-1` carries an ambition, so saving a response also writes tag rows in its transaction."""
    tags = {"ambitions": [ambition_id]} if ambition_id else {}
    return [
        step(
            "About you",
            question("respondent_type", "who", "Who is answering?"),
            question("yes_no", "school", "Does your child go to school?"),
            question("age_band", "age", "How old is your child?"),
        ),
        step(
            "Your views",
            question("agree_scale", "agree-1", "Services listen to families.", **tags),
            question("rating", "happy", "How happy are you with support?", points="5", faces=True),
            question(
                "multiple_choice",
                "helps",
                "What has helped?",
                options=options("Short breaks", "Speech and language therapy", "Transport"),
                none_option="None of these",
            ),
            question("long_text", "change-1", "What would you change?", max_length=500),
        ),
        step(
            "School",
            question(
                "single_choice",
                "school-type",
                "What kind of school?",
                options=options("Mainstream", "Special school"),
            ),
            question("number", "travel", "Minutes to get to school", min_value=0, max_value=240),
            condition=("school", "yes"),
        ),
        step(
            "Anything else",
            question("date", "asked", "When did you first ask for help?"),
            question("short_text", "heard", "Where did you hear about this?"),
        ),
    ]


HELPS = ["short-breaks", "speech-and-language-therapy", "transport"]
AGE_BANDS = ["0-4", "5-10", "11-15", "16-18", "19-25"]


@dataclass(frozen=True)
class Person:
    """Person number `n` and the answers they give, each different from the next person's."""

    n: int

    @property
    def goes_to_school(self) -> bool:
        return self.n % 3 != 0

    @property
    def change(self) -> str:
        # Unique, so each stored response can be traced to the person who sent it.
        return f"Answer from person {self.n}: more help at school & <b>fewer forms</b>"

    def answers(self) -> dict[str, Any]:
        """question key -> the value stored for it (`Answer.data`), in step order."""
        helps = [value for bit, value in enumerate(HELPS) if self.n & (1 << bit)] or ["none"]
        answers: dict[str, Any] = {
            "who": RespondentType.values[self.n % len(RespondentType.values)],
            "school": "yes" if self.goes_to_school else "no",
            "age": AGE_BANDS[self.n % len(AGE_BANDS)],
            "agree-1": str(1 + self.n % 5),
            "happy": str(1 + (self.n * 2) % 5),
            "helps": helps,
            "change-1": self.change,
        }
        if self.goes_to_school:
            answers["school-type"] = "mainstream" if self.n % 2 else "special-school"
            answers["travel"] = self.n % 90
        answers["asked"] = datetime.date(2018 + self.n % 7, 1 + self.n % 12, 1 + self.n % 28)
        answers["heard"] = f"A leaflet, number {self.n}"
        return answers

    def stored_answers(self) -> dict[str, Any]:
        """What the database should hold afterwards (`Answer.data` by question key)."""
        return {
            key: value.isoformat() if isinstance(value, datetime.date) else value
            for key, value in self.answers().items()
        }

    def steps(self) -> dict[str, list[tuple[str, str]]]:
        """step name -> the form fields posted for it, named as the wizard expects."""
        answers = self.answers()
        layout = {
            "step-1": ["who", "school", "age"],
            "step-2": ["agree-1", "happy", "helps", "change-1"],
            "step-3": ["school-type", "travel"],
            "step-4": ["asked", "heard"],
        }
        posts: dict[str, list[tuple[str, str]]] = {}
        for name, keys in layout.items():
            if not any(key in answers for key in keys):
                continue  # skipped by the condition on step 3
            fields: list[tuple[str, str]] = []
            for key in keys:
                value = answers[key]
                if isinstance(value, datetime.date):
                    fields += [
                        (f"{name}-{key}_day", str(value.day)),
                        (f"{name}-{key}_month", str(value.month)),
                        (f"{name}-{key}_year", str(value.year)),
                    ]
                elif isinstance(value, list):
                    fields += [(f"{name}-{key}", item) for item in value]
                else:
                    fields.append((f"{name}-{key}", str(value)))
            posts[name] = fields
        return posts


# --- The journey ------------------------------------------------------------------------------


class JourneyFailed(Exception):
    """The site answered something a person could not get past."""


@dataclass
class ErrorPage:
    status: int
    retry_after: str | None
    url: str
    body: str
    while_sending: bool  # during the final "Send"


@dataclass
class Journey:
    """What one person saw on the way through."""

    person: Person
    reference: str = ""
    statuses: list[int] = field(default_factory=list)
    connection_errors: list[str] = field(default_factory=list)
    # Connection errors on the final "Send" (the request that saves the response).
    submit_connection_errors: int = 0
    submit_attempts: int = 0
    # Every error page seen, for the tests to judge.
    error_pages: list[ErrorPage] = field(default_factory=list)
    failure: str = ""
    # When the final "Send" was first pressed, and when it was pressed again (time.time()).
    submitted_at: float = 0.0
    resubmitted_at: float = 0.0

    @property
    def confirmed(self) -> bool:
        return bool(self.reference)


class Progress:
    """Counts steps sent by every walker, so a test can act part way through a run."""

    def __init__(self) -> None:
        self._count = 0
        self._changed = threading.Condition()

    def add(self) -> None:
        with self._changed:
            self._count += 1
            self._changed.notify_all()

    @property
    def count(self) -> int:
        return self._count

    def wait_for(self, count: int, timeout: float) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self._count >= count, timeout=timeout)


@dataclass
class QuestionnaireWalker:
    """Walks one person through the questionnaire at `page_url` (an absolute URL ending in /).

    Like a patient person, it sends a page again when the connection drops (up to
    `connection_retries` times per page, and `submit_retries` times for the final "Send") and,
    when the site says it is unavailable (503), waits `outage_wait` seconds and tries again,
    until `outage_patience` seconds have gone by. Anything else unexpected ends the journey.
    """

    page_url: str
    person: Person
    wizard_prefix: str
    connection_retries: int = 3
    submit_retries: int = 1
    outage_wait: float = 0.5
    outage_patience: float = 0.0
    progress: Progress | None = None
    before_submit: Any = None  # called with no arguments just before the final "Send"
    session: requests.Session = field(default_factory=requests.Session)

    def walk(self) -> Journey:
        """Start, answer every step, check and send."""
        return self._journey(self._steps_then_send)

    def walk_from_check(self) -> Journey:
        """Open "Check your answers" again and send, for someone whose answers are already in
        their session."""
        return self._journey(self._check_then_send)

    def _journey(self, route) -> Journey:
        journey = Journey(self.person)
        self.journey = journey
        try:
            route()
        except JourneyFailed as error:
            journey.failure = str(error)
        except Exception as error:  # noqa: BLE001 - reported with the journey
            journey.failure = f"{type(error).__name__}: {error}"
        return journey

    def _steps_then_send(self) -> None:
        page = self._send(lambda: self._get(f"{self.page_url}answer/"))
        for name, fields in self.person.steps().items():
            self._expect(page, f"answer/{name}/")
            data = [("csrfmiddlewaretoken", csrf_token(page))]
            data.append((f"{self.wizard_prefix}-current_step", name))
            data += fields
            page = self._send(lambda url=page.url, data=data: self._post(url, data))
            if self.progress:
                self.progress.add()
        self._send_answers(page)

    def _check_then_send(self) -> None:
        self._send_answers(self._send(lambda: self._get(f"{self.page_url}answer/check/")))

    def _send_answers(self, page: requests.Response) -> None:
        self._expect(page, "answer/check/")
        send = [("csrfmiddlewaretoken", csrf_token(page)), ("submit", "1"), ("email", "")]
        if self.before_submit:
            self.before_submit()
        self.journey.submitted_at = time.time()
        check_url = page.url
        page = self._send(lambda: self._post(check_url, send), submit=True)
        self._expect(page, "confirmation/")
        self.journey.reference = confirmation_reference(page)

    def _send(self, request, *, submit: bool = False) -> requests.Response:
        """One press of a button: the request and the redirects after it."""
        retries = self.submit_retries if submit else self.connection_retries
        patience_until = time.monotonic() + self.outage_patience
        while True:
            self.journey.submit_attempts += submit
            try:
                response = request()
            except requests.ConnectionError as error:
                self.journey.connection_errors.append(str(error)[:200])
                self.journey.submit_connection_errors += submit
                if retries <= 0:
                    raise JourneyFailed(f"connection failed, no retries left: {error}") from error
                retries -= 1
                if submit:
                    self.journey.resubmitted_at = time.time()
                continue
            for hop in [*response.history, response]:
                self.journey.statuses.append(hop.status_code)
            if response.status_code == 200:
                return response
            self.journey.error_pages.append(
                ErrorPage(
                    response.status_code,
                    response.headers.get("Retry-After"),
                    response.url,
                    response.text,
                    submit,
                )
            )
            if response.status_code == 503 and time.monotonic() < patience_until:
                time.sleep(self.outage_wait)
                continue
            raise JourneyFailed(f"{response.request.method} {response.url}: {response.status_code}")

    def _get(self, url: str) -> requests.Response:
        return self.session.get(url, timeout=REQUEST_TIMEOUT)

    def _post(self, url: str, data: list[tuple[str, str]]) -> requests.Response:
        return self.session.post(url, data=data, timeout=REQUEST_TIMEOUT)

    def _expect(self, page: requests.Response, ending: str) -> None:
        if not page.url.endswith(ending):
            raise JourneyFailed(f"expected a page ending {ending}, got {page.url}")


# Parsing every page with BeautifulSoup costs the client more CPU than the server spends on some
# requests; the token's hidden input is always written the same way by Django.
CSRF_INPUT = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_token(page: requests.Response) -> str:
    found = CSRF_INPUT.search(page.text)
    if found is None:
        raise JourneyFailed(f"no form on {page.url}")
    return found.group(1)


def confirmation_reference(page: requests.Response) -> str:
    html = BeautifulSoup(page.text, "html.parser")
    title = html.select_one(".govuk-panel__title")
    if title is None or title.get_text(strip=True) != CONFIRMATION_HEADING:
        raise JourneyFailed(f"no confirmation panel on {page.url}")
    reference = html.select_one(".govuk-panel__body strong").get_text(strip=True)
    if not re.fullmatch(r"[A-Z0-9-]{6,20}", reference):
        raise JourneyFailed(f"odd reference {reference!r}")
    return reference


class Crowd:
    """People answering at once, each waiting at "Check your answers" until everyone is there,
    so a test can do harm at two moments: while steps are being sent, and while the final
    "Send" posts are being saved. Shared by the killed-worker and database-outage tests.

    `disrupt(crowd)` runs in the test's thread while the people walk: it waits on
    `crowd.steps_sent` (with `crowd.steps_in_all` to aim at), calls `crowd.let_everyone_send()`,
    then waits on `crowd.sending`. If someone cannot reach "Check your answers", the barrier is
    broken and their journey says why.
    """

    def __init__(self, page_url: str, prefix: str, size: int, **walker_options) -> None:
        self.page_url = page_url
        self.prefix = prefix
        self.people = [Person(n) for n in range(size)]
        self.walker_options = walker_options
        self.steps_sent, self.sending = Progress(), Progress()
        self.steps_in_all = sum(len(person.steps()) for person in self.people)
        self._at_check = threading.Barrier(size + 1, timeout=600)

    def let_everyone_send(self) -> None:
        self._at_check.wait()

    def _wait_then_send(self) -> None:
        self._at_check.wait()
        self.sending.add()

    def _complete(self, person: Person) -> Journey:
        walker = QuestionnaireWalker(
            self.page_url,
            person,
            self.prefix,
            progress=self.steps_sent,
            before_submit=self._wait_then_send,
            **self.walker_options,
        )
        journey = walker.walk()
        if journey.failure:
            self._at_check.abort()
        return journey

    def run(self, disrupt) -> list[Journey]:
        with ThreadPoolExecutor(max_workers=len(self.people)) as pool:
            futures = [pool.submit(self._complete, person) for person in self.people]
            with suppress(threading.BrokenBarrierError):
                disrupt(self)
            return [future.result() for future in futures]
