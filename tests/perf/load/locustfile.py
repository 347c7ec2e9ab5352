"""Anonymous visitors for the load benchmark, run by locust headless (run_load_benchmark.py).

Each simulated visitor does one thing at a time, with equal weight so every endpoint collects a
similar number of timings: the home page, the directory with filters, a service's page, a
school search, a site search, the updates index, an ambition's dashboard page, and one step of
a questionnaire (GET the step, then POST it with its CSRF token, as a browser would).

The addresses come from LOAD_TARGETS (JSON, worked out from the benchmark database by
targets.py); LOAD_WAIT says how long a visitor pauses between requests: "0" (none, the
harshest load) or "1-3" (seconds, at random: a person reading).
"""

from __future__ import annotations

import json
import os
import random
from urllib.parse import urljoin

from locust import FastHttpUser, between, constant, task
from step_form import step_fields

TARGETS = json.loads(os.environ.get("LOAD_TARGETS", "{}"))


def wait_time_from(setting: str):
    if "-" in setting:
        low, high = (float(part) for part in setting.split("-", 1))
        return between(low, high)
    return constant(float(setting or 0))


class Visitor(FastHttpUser):
    """A parent or young person using the site, without signing in."""

    wait_time = wait_time_from(os.environ.get("LOAD_WAIT", "0"))

    def on_start(self) -> None:
        self.step_url: str | None = None

    @task
    def home(self) -> None:
        self.client.get("/", name="home")

    @task
    def directory(self) -> None:
        self.client.get(random.choice(TARGETS["directory"]), name="directory, filtered")

    @task
    def service(self) -> None:
        self.client.get(random.choice(TARGETS["services"]), name="service page")

    @task
    def school_search(self) -> None:
        self.client.get(random.choice(TARGETS["school_search"]), name="school search")

    @task
    def site_search(self) -> None:
        self.client.get(random.choice(TARGETS["site_search"]), name="site search")

    @task
    def updates(self) -> None:
        self.client.get(TARGETS["updates"], name="updates index")

    @task
    def ambition(self) -> None:
        self.client.get(random.choice(TARGETS["ambitions"]), name="ambition dashboard")

    @task
    def questionnaire_step(self) -> None:
        """One step: GET it, POST the answers. After the last step a new visitor starts
        (fresh cookies, so a fresh session); the final submit is left to the durability tests,
        as it is rate limited per visitor address."""
        if self.step_url is None:
            self.client.cookiejar.clear()
            start = TARGETS["questionnaire"]
            with self.client.get(
                start, name="questionnaire start", allow_redirects=False, catch_response=True
            ) as started:
                if started.status_code != 302:
                    started.failure(
                        f"expected a redirect to the first step, got {started.status_code}"
                    )
                    return
                self.step_url = urljoin(start, started.headers["Location"])
        step = self.client.get(self.step_url, name="questionnaire step, GET")
        if step.status_code != 200:
            self.step_url = None
            return
        with self.client.post(
            self.step_url,
            data=step_fields(step.text),
            name="questionnaire step, POST",
            allow_redirects=False,
            catch_response=True,
        ) as posted:
            if posted.status_code != 302:
                # 200 means the form came back with errors: the answers did not validate.
                posted.failure(f"the step was not accepted (status {posted.status_code})")
                self.step_url = None
                return
            following = urljoin(self.step_url, posted.headers["Location"])
        # The wizard redirects to "check your answers" after the last step.
        self.step_url = None if following.rstrip("/").endswith("/check") else following
