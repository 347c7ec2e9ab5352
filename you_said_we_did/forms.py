"""The public form for getting updates by email. Parents, carers and young people use it from the
updates index; the choices travel, signed, in the confirmation link (see subscribe.py)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from hub.forms import GovukForm
from outcomes.models import Ambition

EVERY_UPDATE = "all"
CHOSEN_AMBITIONS = "chosen"
YES = "yes"
NO = "no"

EMAIL_MAX_LENGTH = 254  # the longest address SMTP can carry

# What an ambition is, wherever parents choose one (the updates filter, this form).
AMBITIONS_HINT = _("Ambitions are the things our SEND strategy most wants to improve.")


def ambition_choices() -> list[tuple[str, str]]:
    """The default language's ambitions (what subscriptions are stored against), each labelled
    in the visitor's language where it has been translated."""
    default = Locale.get_default()
    ambitions = list(Ambition.objects.filter(locale=default).order_by("number"))
    translated: dict = {}
    language = translation.get_language()
    if language:
        translated = {
            a.translation_key: a
            for a in Ambition.objects.filter(
                locale__language_code=language,
                translation_key__in=[a.translation_key for a in ambitions],
            ).exclude(locale=default)
        }
    return [(str(a.pk), str(translated.get(a.translation_key, a))) for a in ambitions]


class EmailAddressField(forms.EmailField):
    """An email field that reports one problem at a time, as the Design System asks."""

    def run_validators(self, value):
        try:
            super().run_validators(value)
        except ValidationError as error:
            raise ValidationError(error.error_list[:1]) from None


class SubscribeForm(GovukForm):
    """Email address, what to hear about (everything or chosen ambitions), and easy read."""

    input_widths = {"email": 30}

    email = EmailAddressField(
        label=_("Email address"),
        max_length=EMAIL_MAX_LENGTH,
        help_text=_("We will send you an email to check it is yours."),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address in the correct format, like name@example.com."),
            "max_length": _("Email address must be 254 characters or fewer."),
            "null_characters_not_allowed": _(
                "Enter an email address in the correct format, like name@example.com."
            ),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    scope = forms.ChoiceField(
        label=_("What would you like to hear about?"),
        choices=[
            (EVERY_UPDATE, _("Every update")),
            (CHOSEN_AMBITIONS, _("Only updates about the ambitions I choose")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select what you would like to hear about."),
            "invalid_choice": _("Select what you would like to hear about."),
        },
    )
    ambitions = forms.MultipleChoiceField(
        label=_("Ambitions"),
        required=False,
        help_text=format_lazy(
            "{} {}",
            AMBITIONS_HINT,
            _("Only if you chose 'Only updates about the ambitions I choose'."),
        ),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose from the ambitions shown.")},
    )
    easy_read = forms.ChoiceField(
        label=_("Would you like easy read emails?"),
        help_text=_("Easy read uses short sentences and everyday words."),
        choices=[(NO, _("No")), (YES, _("Yes"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select yes if you would like easy read emails."),
            "invalid_choice": _("Select yes if you would like easy read emails."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ambitions"].choices = ambition_choices()

    def clean_email(self) -> str:
        # Stored and matched in lower case, so one person cannot end up subscribed twice.
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        wants_chosen = cleaned.get("scope") == CHOSEN_AMBITIONS
        if wants_chosen and not cleaned.get("ambitions") and "ambitions" not in self.errors:
            self.add_error("ambitions", _("Select at least one ambition."))
        return cleaned

    def choices(self) -> dict:
        """What the confirmation link carries: the address, the default-language ambition ids
        (none means every update) and easy read."""
        data = self.cleaned_data
        ambitions = (
            sorted(int(pk) for pk in data["ambitions"]) if data["scope"] == CHOSEN_AMBITIONS else []
        )
        return {
            "email": data["email"],
            "ambitions": ambitions,
            "easy_read": data["easy_read"] == YES,
        }
