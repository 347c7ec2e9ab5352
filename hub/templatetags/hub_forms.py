"""Small helpers for the GOV.UK field template (templates/forms/govuk/field.html)."""

from django import template

register = template.Library()

INPUT_TYPES = {
    "email": "email",
    "number": "text",
    "url": "url",
    "date": "date",
    "password": "password",
}


@register.simple_tag
def input_type(field) -> str:
    # GOV.UK asks for type="text" with inputmode="numeric" rather than type="number", whose
    # spinners and silent rounding cause problems for many users.
    return INPUT_TYPES.get(field.widget_type, "text")


@register.simple_tag
def input_width_class(field) -> str:
    width = getattr(field.form, "input_widths", {}).get(field.name)
    return f" govuk-input--width-{width}" if width else ""
