"""The five ambitions of the SEND strategy, the vocabulary that feedback and updates are tagged with."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from hub.models import BasePage

SECTION_FEATURES = ["h3", "bold", "ol", "ul", "link"]


@register_snippet
class Ambition(TranslatableMixin, models.Model):
    """One of the strategy's ambitions. Comms staff tag questions, answers and updates with it."""

    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    title = models.CharField(_("title"), max_length=150)
    summary = models.TextField(_("summary"), max_length=600)
    easy_read_summary = models.TextField(
        _("easy read summary"),
        blank=True,
        max_length=400,
        help_text=_("Two or three short sentences in everyday words."),
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("easy_read_summary"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["number"]
        verbose_name = _("ambition")
        unique_together = [("translation_key", "locale"), ("number", "locale")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


@register_snippet
class Outcome(TranslatableMixin, models.Model):
    """A statement of the Outcomes Framework, in a young person's words ("My independence" first,
    as the young people who shaped it asked). Questions, answers and updates are tagged with it."""

    title = models.CharField(
        _("title"), max_length=100, help_text=_("Short, in the first person: 'My independence'.")
    )
    statement = models.TextField(
        _("statement"), max_length=500, help_text=_("What this outcome means, in plain words.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )
    ambitions = models.ManyToManyField(
        Ambition, blank=True, related_name="outcomes", verbose_name=_("related ambitions")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("statement"),
        FieldPanel("sort_order"),
        FieldPanel("ambitions", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "title"]
        verbose_name = _("outcome")

    def __str__(self) -> str:
        return self.title


def default_locale_ids(model, ids) -> dict[int, int]:
    """Map rows of a translatable tag model (in any language) to the default language's rows, so
    counts add up across languages. Returns {given id: default-language id}."""
    ids = set(ids)
    if not ids:
        return {}
    chosen = model.objects.filter(pk__in=ids).values_list("pk", "translation_key")
    keys = {key for _pk, key in chosen}
    default = dict(
        model.objects.filter(translation_key__in=keys, locale=Locale.get_default()).values_list(
            "translation_key", "pk"
        )
    )
    return {pk: default.get(key, pk) for pk, key in chosen}


class AmbitionPage(BasePage):
    """The public page for one ambition, with the six sections the strategy gives each."""

    template = "pages/ambition_page.html"

    ambition = models.ForeignKey(Ambition, on_delete=models.PROTECT, related_name="pages")
    ambition_statement = RichTextField(_("our ambition"), features=SECTION_FEATURES)
    why_important = RichTextField(_("why it's important"), features=SECTION_FEATURES)
    how_we_will_achieve_it = RichTextField(_("how we'll achieve it"), features=SECTION_FEATURES)
    impact = RichTextField(_("impact"), features=SECTION_FEATURES)
    monitor_progress = RichTextField(_("how we'll monitor progress"), features=SECTION_FEATURES)
    continuous_improvement = RichTextField(_("continuous improvement"), features=SECTION_FEATURES)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("ambition"),
        FieldPanel("ambition_statement"),
        FieldPanel("why_important"),
        FieldPanel("how_we_will_achieve_it"),
        FieldPanel("impact"),
        FieldPanel("monitor_progress"),
        FieldPanel("continuous_improvement"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("ambition_statement"),
        index.SearchField("why_important"),
        index.SearchField("how_we_will_achieve_it"),
        index.SearchField("impact"),
    ]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("ambition page")

    def sections(self) -> list[tuple[str, str]]:
        """The six sections in the strategy's order, as (heading, rich text)."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in (
                "ambition_statement",
                "why_important",
                "how_we_will_achieve_it",
                "impact",
                "monitor_progress",
                "continuous_improvement",
            )
        ]
