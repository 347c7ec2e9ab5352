"""Public forms for the school finder."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hub.forms import GovukForm

MAX_QUERY_LENGTH = 100


class SchoolSearchForm(GovukForm):
    """The finder's search box: a plain GET form, so it works without JavaScript."""

    q = forms.CharField(
        label=_("School name, town or postcode"),
        help_text=_("For example, Oakwood, Ashford or CT1 2BP"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
        error_messages={
            "max_length": _("Search for %(limit_value)d characters or fewer"),
        },
    )
