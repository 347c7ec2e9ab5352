"""The results page's search box as a form, for its one error: a search with no words in it."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from hub.forms import GovukForm
from search.query import clean_query
from search.synonyms import words

# The results page's box (templates/search/search_form.html draws it; the header has its own).
INPUT_ID = "search-page-q"


class SiteSearchForm(GovukForm):
    """Bound only when the address has a `q`. Any text is accepted (cleaned and capped, never
    refused for its length or odd characters); only a query without a single word (spaces,
    punctuation, emoji) is an error, since there is nothing to search for."""

    # A plain Field, not a CharField: CharField refuses NUL characters, which clean_query drops.
    q = forms.Field(required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", INPUT_ID.removesuffix("q") + "%s")
        super().__init__(*args, **kwargs)

    def clean_q(self) -> str:
        query = clean_query(self.cleaned_data.get("q"))
        if not words(query):
            raise ValidationError(_("Enter a word or name to search for"), code="no_words")
        return query
