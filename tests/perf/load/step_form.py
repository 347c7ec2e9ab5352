"""What a browser would post for a questionnaire step, read from the step's HTML.

Shared by the locustfile and the query counts (targets.py); free of locust, whose import
patches the standard library for gevent.
"""

from __future__ import annotations

from html.parser import HTMLParser

# Answer for any free-text question (none of the benchmark questionnaire's are required).
FREE_TEXT = "More help at school and shorter waits, please."


class StepForm(HTMLParser):
    """The fields a browser would send for the questionnaire step's form: hidden fields as
    they are, the first choice of every radio group and select, some text in text areas.
    Submit buttons are left out, so "save and come back later" is never pressed."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.in_post_form = False
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.in_post_form = attrs.get("method", "").lower() == "post"
        if not self.in_post_form or not attrs.get("name"):
            if tag == "option" and self.select and attrs.get("value"):
                self.fields.setdefault(self.select, attrs["value"])
            return
        name = attrs["name"]
        kind = attrs.get("type", "text").lower()
        if tag == "input" and kind == "radio":
            self.fields.setdefault(name, attrs.get("value", ""))
        elif tag == "input" and kind not in {"submit", "button", "checkbox", "image"}:
            self.fields[name] = attrs.get("value", "")
        elif tag == "select":
            self.select = name
        elif tag == "textarea":
            self.fields[name] = FREE_TEXT

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_post_form = False
        elif tag == "select":
            self.select = None


def step_fields(html: str) -> dict[str, str]:
    parser = StepForm()
    parser.feed(html)
    return parser.fields
