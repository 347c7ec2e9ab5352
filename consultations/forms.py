"""Forms built from the questionnaire: one GovukForm per step, the paper-entry form, and the
"continue where you left off" form.

Field names are the questions' keys, so an answer is filed under the same key whichever language
or version (standard, easy read, paper) it came through.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hub.forms import GovukForm

from . import choices
from .codes import normalise_code
from .dates import GovukDateField
from .questionnaire import Question, Step

SHORT_TEXT_MAX = 500
LONG_TEXT_DEFAULT = 2000
NONE_VALUE = "none"
HONEYPOT = "website"


class FacesRadioSelect(forms.RadioSelect):
    """Radios drawn with a face beside each label. The words are always shown too."""


class ExclusiveCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes with an exclusive 'none of these' option after a divider."""


def build_field(question: Question, easy_read: bool = False) -> forms.Field:
    label, hint = question.text(easy_read)
    common = {"label": label, "help_text": hint, "required": question.required}
    kind = question.question_type
    if kind == "short_text":
        field = forms.CharField(max_length=SHORT_TEXT_MAX, **common)
        field.error_messages["required"] = _("Enter your answer to: %(q)s") % {"q": label}
    elif kind == "long_text":
        field = forms.CharField(
            max_length=question.max_length or LONG_TEXT_DEFAULT, widget=forms.Textarea, **common
        )
        field.error_messages["required"] = _("Enter your answer to: %(q)s") % {"q": label}
    elif kind == "multiple_choice":
        options = question.choices(easy_read)
        if question.none_option:
            options.append((NONE_VALUE, question.none_option))
        field = forms.MultipleChoiceField(
            choices=options, widget=ExclusiveCheckboxSelectMultiple, **common
        )
        field.template_name = "consultations/fields/checkboxes.html"
        field.none_option = bool(question.none_option)
        field.error_messages["required"] = _("Choose at least one answer to: %(q)s") % {"q": label}
    elif kind == "number":
        field = forms.IntegerField(
            min_value=question.min_value,
            max_value=question.max_value,
            widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
            **common,
        )
        field.error_messages["required"] = _("Enter a number for: %(q)s") % {"q": label}
        field.error_messages["invalid"] = _("Enter a whole number, like 12")
    elif kind == "date":
        field = GovukDateField(**common)
        field.error_messages["required"] = _("Enter a date for: %(q)s") % {"q": label}
    elif kind == "email":
        field = forms.EmailField(max_length=254, **common)
        field.widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
        field.error_messages["required"] = _("Enter an email address for: %(q)s") % {"q": label}
        field.error_messages["invalid"] = _(
            "Enter an email address in the correct format, like name@example.com"
        )
    elif kind == "consent":
        field = forms.BooleanField(**common)
        field.error_messages["required"] = _("Tick the box to say you agree: %(q)s") % {"q": label}
    else:
        widget = FacesRadioSelect if (kind == "rating" and question.faces) else forms.RadioSelect
        field = forms.ChoiceField(choices=question.choices(easy_read), widget=widget, **common)
        if widget is FacesRadioSelect:
            field.template_name = "consultations/fields/faces.html"
            field.faces = choices.FACES if question.points == 5 else choices.FACES_3
        field.error_messages["required"] = _("Choose an answer to: %(q)s") % {"q": label}
    if kind in {"single_choice", "multiple_choice", "district", "yes_no", "rating"}:
        field.error_messages["invalid_choice"] = _("Choose one of the answers given for: %(q)s") % {
            "q": label
        }
    if kind == "agree_scale" or kind == "respondent_type" or kind == "age_band":
        field.error_messages["invalid_choice"] = _("Choose one of the answers given for: %(q)s") % {
            "q": label
        }
    field.question = question
    return field


class QuestionsForm(GovukForm):
    """Base for forms built from questions; checks what a single field cannot."""

    questions: list[Question] = []

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            value = cleaned.get(question.key)
            if (
                question.question_type == "multiple_choice"
                and isinstance(value, list)
                and NONE_VALUE in value
                and len(value) > 1
            ):
                self.add_error(
                    question.key,
                    _("Choose '%(none)s' on its own, or choose other answers")
                    % {"none": question.none_option},
                )
        return cleaned

    def question_fields(self):
        """(question, bound field) pairs in order, for the step template."""
        return [(question, self[question.key]) for question in self.questions]


class StepForm(QuestionsForm):
    """One step of the questionnaire, with a honeypot field that people never see."""

    website = forms.CharField(required=False, label=_("Leave this blank"), max_length=200)


def step_form_class(step: Step, easy_read: bool = False) -> type[StepForm]:
    fields: dict[str, Any] = {q.key: build_field(q, easy_read) for q in step.questions}
    fields["questions"] = step.questions
    return type("StepForm", (StepForm,), fields)


def paper_form_class(steps: list[Step]) -> type[QuestionsForm]:
    """Every question as one form, for staff typing in a paper response. Nothing is required:
    people leave questions blank on paper too."""
    questions = [q for step in steps for q in step.questions]
    fields: dict[str, Any] = {}
    for question in questions:
        field = build_field(question)
        field.required = False
        fields[question.key] = field
    fields["questions"] = questions
    return type("PaperForm", (QuestionsForm,), fields)


def stored_value(question: Question, value: Any) -> tuple[str, Any] | None:
    """(text, JSON) for an answer, or None if the question was not answered."""
    if value in (None, "", [], False):
        return None
    if isinstance(value, list):
        return json.dumps(value), value
    if isinstance(value, datetime.date):
        return value.isoformat(), value.isoformat()
    if question.question_type == "consent":
        return choices.CONSENT_VALUE, True
    if isinstance(value, int):
        return str(value), value
    return str(value), str(value)


class ContinueForm(GovukForm):
    """'Continue where you left off': the code given when someone saved their answers."""

    code = forms.CharField(
        label=_("Your return code"),
        help_text=_("12 letters and numbers, for example ABCD 2345 EFGH"),
        max_length=30,
        error_messages={"required": _("Enter your return code")},
    )
    input_widths = {"code": 20}

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if len(code) != 12:
            raise forms.ValidationError(_("Enter the 12 letters and numbers of your return code"))
        return code


class SubscribeForm(GovukForm):
    """An optional email address for hearing what changed. Kept apart from the answers."""

    email = forms.EmailField(
        label=_("Email address (optional)"),
        help_text=_("We will only use it to tell you what changed because of this consultation."),
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )
