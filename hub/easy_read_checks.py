"""Checks on easy-read writing, shown to editors beside what they are writing.

Easy read works when every sentence is short, the words are everyday ones and every idea has a
picture that says the same thing. These checks find what an editor can fix: sentences over 15
words, rows without a picture, pictures whose alternative text is missing or is just a file name,
and, for English (the synonym sets and the score are English), acronyms from the site's own
vocabulary (the search synonym sets) left unexplained and a Flesch reading-ease score below the
level easy read aims for.

The checks advise; they never stop a page being published (an editor may have good reason).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from search.synonyms import synonym_sets
from search.synonyms import words as plain_words

MAX_SENTENCE_WORDS = 15
# Flesch reading ease: 80 and above is "easy" (about age 11); easy read aims higher still.
MIN_READING_EASE = 80

# Full stops and question marks, with the Urdu full stop (۔) and the Arabic question mark (؟).
_SENTENCE_END = re.compile(r"(?<=[.!?…۔؟])\s+|\n+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]+[a-z]?\b")
_FILE_NAME = re.compile(r"\.(jpe?g|png|gif|webp|svg|avif)$|^(img|image|dsc|photo)[-_ ]?\d*$", re.I)


@dataclass
class Finding:
    check: str  # "sentence-length", "jargon", "no-picture", "alt-text", "reading-ease"
    where: str  # the part of the page, as the editor would name it ("Row 3")
    message: str


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    reading_ease: float | None = None  # None when the text is not English or too short
    # What the checks aim for, for the templates that explain them.
    max_sentence_words = MAX_SENTENCE_WORDS
    min_reading_ease = MIN_READING_EASE

    @property
    def passed(self) -> bool:
        return not self.findings


def sentences(text: str) -> list[str]:
    plain = strip_tags(re.sub(r"</(p|li|h\d)>|<br\s*/?>", "\n", str(text or "")))
    return [s.strip() for s in _SENTENCE_END.split(plain) if _WORD.search(s or "")]


def words(sentence: str) -> list[str]:
    return _WORD.findall(sentence)


def syllables(word: str) -> int:
    """An estimate for English words, good enough for a reading-ease score."""
    word = word.lower()
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def reading_ease(all_sentences: list[str]) -> float | None:
    """Flesch reading ease of English text; None for fewer than three sentences."""
    all_words = [w for s in all_sentences for w in words(s)]
    if len(all_sentences) < 3 or not all_words:
        return None
    per_sentence = len(all_words) / len(all_sentences)
    per_word = sum(syllables(w) for w in all_words) / len(all_words)
    return round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 1)


def acronyms() -> dict[str, list[str]]:
    """Acronym → its explanations, from the search synonym sets staff keep ("EHCP" →
    "education, health and care plan"), longest first. A phrase using one of the set's acronyms
    ("EHC plan") explains nothing, so it is not one of them."""
    table: dict[str, list[str]] = {}
    for terms in synonym_sets():  # each term a tuple of words
        short = {term[0] for term in terms if len(term) == 1 and len(term[0]) <= 6}
        long = sorted(
            (" ".join(term) for term in terms if len(term) > 1 and not short.intersection(term)),
            key=len,
            reverse=True,
        )
        for acronym in short:
            table[acronym.lower()] = long
    return table


class EasyReadChecker:
    """Collects the findings for one page: call `text()` and `picture()` for each part."""

    def __init__(self, language: str = "en"):
        self.report = Report()
        self.language = language.split("-")[0]
        # The synonym sets are English, so acronyms are only checked on English pages.
        self._acronyms = acronyms() if self.language == "en" else {}
        self._flagged_acronyms: set[str] = set()
        self._all_sentences: list[str] = []
        self._page_text: list[str] = []

    def text(self, where: str, html: str) -> None:
        found = sentences(html)
        self._all_sentences.extend(found)
        html = str(html or "")
        self._page_text.append(" ".join(plain_words(strip_tags(html))))
        for sentence in found:
            count = len(words(sentence))
            if count > MAX_SENTENCE_WORDS:
                self.report.findings.append(
                    Finding(
                        "sentence-length",
                        where,
                        _(
                            "%(count)d words: “%(sentence)s” Split it into sentences of "
                            "%(max)d words or fewer."
                        )
                        % {
                            "count": count,
                            "sentence": Truncator(sentence).words(12),
                            "max": MAX_SENTENCE_WORDS,
                        },
                    )
                )
        for match in _ACRONYM.finditer(strip_tags(html)):
            self._jargon(where, match.group())

    def _jargon(self, where: str, acronym: str) -> None:
        explanations = self._acronyms.get(acronym.lower())
        if explanations is None or any(
            f" {explanation} " in f" {text} "
            for explanation in explanations
            for text in self._page_text
        ):
            return  # not in the vocabulary, or explained on the page already
        if acronym.lower() in self._flagged_acronyms:
            return
        self._flagged_acronyms.add(acronym.lower())
        if explanations:
            message = _(
                "“%(acronym)s” is not explained. Say what it means in words, such as “%(meaning)s”."
            ) % {"acronym": acronym, "meaning": explanations[0]}
        else:
            message = _("“%(acronym)s” is not explained. Say what it means in words.") % {
                "acronym": acronym
            }
        self.report.findings.append(Finding("jargon", where, message))

    def picture(self, where: str, image) -> None:
        if image is None:
            self.report.findings.append(
                Finding("no-picture", where, _("No picture. Each easy read idea needs one."))
            )
            return
        alt = (getattr(image, "alt_text", "") or "").strip()
        if not alt or _FILE_NAME.search(alt):
            self.report.findings.append(
                Finding(
                    "alt-text",
                    where,
                    _("The picture “%(title)s” needs alternative text that says what it shows.")
                    % {"title": image.title},
                )
            )

    def finish(self) -> Report:
        if self.language == "en":
            self.report.reading_ease = reading_ease(self._all_sentences)
            if self.report.reading_ease is not None and self.report.reading_ease < MIN_READING_EASE:
                self.report.findings.append(
                    Finding(
                        "reading-ease",
                        _("Whole page"),
                        _(
                            "Reading ease is %(score)s; easy read should score %(min)s or more. "
                            "Use shorter sentences and shorter, everyday words."
                        )
                        % {"score": self.report.reading_ease, "min": MIN_READING_EASE},
                    )
                )
        return self.report


def check_easy_read_page(page) -> Report:
    checker = EasyReadChecker(page.locale.language_code if page.locale_id else "en")
    row_number = 0
    for block in page.body:
        if block.block_type == "heading":
            checker.text(_("Heading"), block.value.get("text", ""))
        elif block.block_type == "row":
            row_number += 1
            where = _("Row %(number)s") % {"number": row_number}
            checker.text(where, block.value["text"].source)
            checker.picture(where, block.value.get("image"))
    return checker.finish()


def check_questionnaire(page) -> Report:
    """The easy-read text of a consultation: its introduction, step titles, questions, hints and
    options (each falling back to the standard text, which is what easy-read readers see)."""
    checker = EasyReadChecker(page.locale.language_code if page.locale_id else "en")
    checker.text(_("Easy read introduction"), page.easy_read_introduction)
    for step_number, step in enumerate(page.steps, start=1):
        checker.text(_("Step %(number)s title") % {"number": step_number}, step.heading(True))
        for question in step.questions:
            label, hint = question.text(easy_read=True)
            # Named by its question, as the editor sees it, not by its key.
            where = _("Step %(number)s: “%(question)s”") % {
                "number": step_number,
                "question": Truncator(question.label).words(6),
            }
            checker.text(where, label)
            checker.text(where, hint)
            for _value, option in question.choices(easy_read=True):
                checker.text(where, option)
            if question.picture is not None:
                checker.picture(where, question.picture)
    return checker.finish()


def report_in_preview(request, check, page) -> Report | None:
    """The checks for the page as it stands in the editor, when it is being previewed.

    Wagtail's preview panel draws the unsaved form again as the editor types (every half a
    second by default), so a report shown in the preview follows the work keystroke by
    keystroke, without saving. Never on the published page."""
    if not getattr(request, "is_preview", False):
        return None
    return check(page)


class EasyReadChecksPanel(Panel):
    """The checks above, in the page editor, for the draft being edited (they run again each
    time the editor saves a draft or previews, so they follow the work)."""

    def __init__(self, check, **kwargs):
        self.check = check
        kwargs.setdefault("heading", _("Easy read checks"))
        super().__init__(**kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "check": self.check}

    class BoundPanel(Panel.BoundPanel):
        template_name = "admin/panels/easy_read_checks.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            context["report"] = self.panel.check(instance) if instance.pk else None
            context["max_words"] = MAX_SENTENCE_WORDS
            context["min_reading_ease"] = MIN_READING_EASE
            return context
