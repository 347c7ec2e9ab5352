"""Public forms get GOV.UK Design System markup from the form renderer, errors included."""

from bs4 import BeautifulSoup
from django import forms
from django.template.loader import render_to_string

from hub.forms import GovukForm


class ExampleForm(GovukForm):
    postcode = forms.CharField(label="Postcode", help_text="For example, ME14 1XX", max_length=8)
    age = forms.ChoiceField(
        label="Age of your child",
        choices=[("0-4", "0 to 4"), ("5-11", "5 to 11")],
        widget=forms.RadioSelect,
    )
    needs = forms.MultipleChoiceField(
        label="Areas of need",
        required=False,
        choices=[
            ("cl", "Communication and interaction"),
            ("semh", "Social, emotional and mental health"),
        ],
        widget=forms.CheckboxSelectMultiple,
    )
    district = forms.ChoiceField(label="District", choices=[("", "Any"), ("ashford", "Ashford")])
    free_only = forms.BooleanField(label="Free services only", required=False)
    message = forms.CharField(label="Your message", widget=forms.Textarea, max_length=500)
    email = forms.EmailField(label="Email address", required=False)

    input_widths = {"postcode": 10}


def soup(form):
    return BeautifulSoup(str(form), "html.parser")


def test_text_input_has_label_hint_and_width():
    html = soup(ExampleForm())
    label = html.select_one("label[for=id_postcode]")
    assert label.get_text() == "Postcode"
    field = html.select_one("input#id_postcode")
    assert field["class"] == ["govuk-input", "govuk-input--width-10"]
    assert field["aria-describedby"] == "id_postcode-hint"
    assert html.select_one("#id_postcode-hint").get_text() == "For example, ME14 1XX"
    assert field["maxlength"] == "8"


def test_radios_and_checkboxes_are_fieldsets_with_legends():
    html = soup(ExampleForm(data={"age": "5-11", "needs": ["semh"]}))
    legends = [legend.get_text() for legend in html.select("fieldset legend")]
    assert legends == ["Age of your child", "Areas of need"]
    assert html.select_one("#id_age_1")["checked"] == ""
    assert not html.select_one("#id_age_0").has_attr("checked")
    assert (
        html.select_one("label[for=id_needs_1]").get_text() == "Social, emotional and mental health"
    )
    assert html.select_one("#id_needs_1").has_attr("checked")


def test_select_checkbox_textarea_and_email():
    html = soup(ExampleForm(data={"district": "ashford", "free_only": "on"}))
    assert html.select_one("select#id_district.govuk-select option[selected]")["value"] == "ashford"
    assert html.select_one("input#id_free_only.govuk-checkboxes__input").has_attr("checked")
    assert html.select_one("textarea#id_message.govuk-textarea")["maxlength"] == "500"
    assert html.select_one("input#id_email")["type"] == "email"


def test_errors_are_shown_inline_and_in_the_summary_linking_to_each_field():
    form = ExampleForm(data={"postcode": "", "email": "not-an-email"})
    assert not form.is_valid()
    html = soup(form)
    group = html.select_one("#id_postcode").find_parent(class_="govuk-form-group")
    assert "govuk-form-group--error" in group["class"]
    assert "govuk-input--error" in html.select_one("#id_postcode")["class"]
    assert (
        html.select_one("#id_postcode")["aria-describedby"] == "id_postcode-hint id_postcode-error"
    )
    assert html.select_one("#id_postcode-error").get_text(strip=True).startswith("Error:")

    summary = BeautifulSoup(
        render_to_string("components/error_summary.html", {"form": form}), "html.parser"
    )
    links = {a["href"] for a in summary.select(".govuk-error-summary__list a")}
    assert {"#id_postcode", "#id_age_0", "#id_email", "#id_message"} <= links


def test_what_people_type_is_shown_back_escaped():
    form = ExampleForm(
        data={"postcode": '"><script>alert(1)</script>', "message": "</textarea><b>x"}
    )
    html = str(form)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "</textarea><b>" not in html
