from django import forms
from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    """Renders forms and fields with the templates in templates/forms/govuk/."""

    form_template_name = "forms/govuk/form.html"
    field_template_name = "forms/govuk/field.html"


class GovukForm(forms.Form):
    """A form drawn with GOV.UK Design System markup, error summary included."""

    default_renderer = GovukFormRenderer()
    # Fields whose widget is listed here get the GOV.UK input width class, e.g. {"postcode": 10}.
    input_widths: dict[str, int] = {}

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
