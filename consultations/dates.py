"""Date questions with the GOV.UK date input pattern: day, month and year boxes in a fieldset.

https://design-system.service.gov.uk/components/date-input/ — error messages say exactly what is
wrong ("Date must include a month", "Date must be a real date"), and only ASCII digits are taken
(month names such as "Mar" or "March" are accepted too, as the Design System suggests).
"""

from __future__ import annotations

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

PARTS = ("day", "month", "year")
PART_LABELS = {"day": _("Day"), "month": _("Month"), "year": _("Year")}
PART_WIDTHS = {"day": 2, "month": 2, "year": 4}
MAX_PART_LENGTH = 20  # anything longer is not a date part; never echoed back in full
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
DIGITS = re.compile(r"[0-9]{1,4}", re.ASCII)


class DateInputWidget(forms.MultiWidget):
    """Three text boxes named ``<name>_day``, ``<name>_month`` and ``<name>_year``. Templates draw them from
    ``DateBoundField.date_parts`` (with a label for each box) rather than from this widget."""

    def __init__(self, attrs=None):
        widgets = {
            part: forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "spellcheck": "false",
                    "maxlength": str(MAX_PART_LENGTH),
                }
            )
            for part in PARTS
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        return [data.get(f"{name}_{part}") for part in PARTS]

    def value_omitted_from_data(self, data, files, name):
        return all(f"{name}_{part}" not in data for part in PARTS)


def _parts(value) -> list[str]:
    if isinstance(value, datetime.date):
        return DateInputWidget().decompress(value)
    if not isinstance(value, list | tuple) or len(value) != len(PARTS):
        return ["", "", ""]
    return [str(item or "").strip()[:MAX_PART_LENGTH] for item in value]


class DateBoundField(forms.BoundField):
    def date_parts(self) -> list[dict]:
        """What the template draws: one dict per box. The day box takes the field's own id, so
        the label and the error summary's link land on it."""
        values = _parts(self.value())
        missing = [not value for value in values]
        rows = []
        for part, value, empty in zip(PARTS, values, missing, strict=True):
            if not self.errors:
                error = False
            elif any(missing):
                error = empty
            else:
                error = part == "year" if self.field.year_error else True
            rows.append(
                {
                    "part": part,
                    "label": PART_LABELS[part],
                    "name": f"{self.html_name}_{part}",
                    "id": self.auto_id if part == "day" else f"{self.auto_id}_{part}",
                    "value": value,
                    "width": PART_WIDTHS[part],
                    # GOV.UK: highlight only the boxes that need fixing.
                    "error": error,
                }
            )
        return rows


class GovukDateField(forms.Field):
    """A date typed into day, month and year boxes; cleans to a ``datetime.date``."""

    widget = DateInputWidget
    default_error_messages = {
        "required": _("Enter a date"),
        "missing": _("Date must include a %(parts)s"),
        "invalid": _("Date must be a real date"),
        "year": _("Year must include 4 numbers"),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("template_name", "consultations/fields/date.html")
        super().__init__(*args, **kwargs)
        self.year_error = False

    def get_bound_field(self, form, field_name):
        return DateBoundField(form, self, field_name)

    def to_python(self, value):
        parts = _parts(value)
        if not any(parts):
            return None
        missing = [
            str(PART_LABELS[part]).lower() for part, v in zip(PARTS, parts, strict=True) if not v
        ]
        if missing:
            joined = " and ".join(missing)
            raise forms.ValidationError(
                self.error_messages["missing"], code="missing", params={"parts": joined}
            )
        day, month, year = parts
        month_number = _month(month)
        if not (DIGITS.fullmatch(day) and DIGITS.fullmatch(year)) or month_number is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if len(year) != 4:
            raise forms.ValidationError(self.error_messages["year"], code="year")
        try:
            return datetime.date(int(year), month_number, int(day))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None

    def clean(self, value):
        self.year_error = False
        try:
            return super().clean(value)
        except forms.ValidationError as error:
            self.year_error = getattr(error, "code", None) == "year"
            raise

    def prepare_value(self, value):
        return value


def _month(text: str) -> int | None:
    if DIGITS.fullmatch(text):
        number = int(text)
        return number if 1 <= number <= 12 else None
    lowered = text.lower()
    if len(lowered) >= 3:
        for number, name in enumerate(MONTHS, start=1):
            if name.startswith(lowered):
                return number
    return None
