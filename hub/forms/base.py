import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

# NUL and lone surrogates: nobody types them, a bad copy and paste or a robot sends them, and the
# database cannot store them (PostgreSQL refuses NUL in text; UTF-8 cannot encode a surrogate).
HIDDEN_CHARACTER_MESSAGE = _(
    "There is a hidden character in your answer. Type your answer instead of copying and pasting it"
)
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def refuse_lone_surrogates(value) -> None:
    """Browsers cannot send a lone surrogate (Django decodes request bodies with replacement
    characters), but forms are also filled in by code: refuse one rather than fail to save it."""
    if isinstance(value, str) and LONE_SURROGATE.search(value):
        raise ValidationError(HIDDEN_CHARACTER_MESSAGE, code="null_characters_not_allowed")


class GovukFormRenderer(TemplatesSetting):
    """Renders forms and fields with the templates in templates/forms/govuk/."""

    form_template_name = "forms/govuk/form.html"
    field_template_name = "forms/govuk/field.html"


class GovukForm(forms.Form):
    """A form drawn with GOV.UK Design System markup, error summary included."""

    default_renderer = GovukFormRenderer()
    # Fields whose widget is listed here get the GOV.UK input width class, e.g. {"postcode": 10}.
    input_widths: dict[str, int] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # Django's own message ("Null characters are not allowed.") is not plain English.
            field.error_messages.setdefault("null_characters_not_allowed", HIDDEN_CHARACTER_MESSAGE)
            if isinstance(field, forms.CharField):
                field.validators.append(refuse_lone_surrogates)

    def error_summary_items(self) -> list[dict]:
        """Each error with the id of the field it belongs to, for the error summary's links."""
        items = []
        for name, errors in self.errors.items():
            if name == forms.forms.NON_FIELD_ERRORS:
                items.extend({"text": error, "href": ""} for error in errors)
                continue
            bound = self[name]
            target = bound.auto_id
            if bound.widget_type in {"radioselect", "checkboxselectmultiple"}:
                target = f"{bound.auto_id}_0"
            items.extend({"text": error, "href": f"#{target}"} for error in errors)
        return items
