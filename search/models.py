"""Search vocabulary staff can edit (synonym sets) and what people searched for (a daily tally)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class SynonymSet(models.Model):
    """Words and phrases that mean the same thing to the people searching: "SENCo", "SENDCo",
    "special educational needs coordinator". A search for any of them finds all of them."""

    terms = models.TextField(
        _("words and phrases"),
        help_text=_("One per line, e.g. 'EHCP', 'EHC plan', 'education, health and care plan'."),
    )
    note = models.CharField(
        _("note for staff"),
        max_length=200,
        blank=True,
        help_text=_("Why these belong together, if it is not obvious."),
    )

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("synonym set")
        ordering = ["pk"]

    def __str__(self) -> str:
        return " / ".join(self.term_list()[:4])

    def term_list(self) -> list[str]:
        """The set's terms, lower-cased, without blanks or repeats, in the order typed."""
        seen: dict[str, None] = {}
        for line in self.terms.splitlines():
            term = " ".join(line.split()).lower()
            if term:
                seen.setdefault(term, None)
        return list(seen)

    def clean(self):
        super().clean()
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("Give at least two words or phrases, one per line.")})


class SearchLog(models.Model):
    """How often a query was searched for on a day, and how often it found nothing: enough for
    the popular and zero-result reports, without keeping anything about who searched."""

    query = models.CharField(_("search"), max_length=100)  # normalised: lower case, single spaces
    language = models.CharField(_("language"), max_length=12)
    date = models.DateField(_("date"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches with no results"), default=0)

    class Meta:
        verbose_name = _("search log")
        constraints = [
            models.UniqueConstraint(fields=["query", "language", "date"], name="one_log_per_day")
        ]
        indexes = [models.Index(fields=["date"])]

    def __str__(self) -> str:
        return f"{self.date} {self.query}"
