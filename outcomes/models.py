"""The five ambitions of the SEND strategy, the vocabulary that feedback and updates are tagged with."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from hub.models import BasePage

from .dashboard import AmbitionDashboard, charts_for, csv_text, json_data

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


class AmbitionPage(RoutablePageMixin, BasePage):
    """The public page for one ambition, with the six sections the strategy gives each, a
    dashboard of live numbers (for families, staff and councillors watching progress, also as
    CSV and JSON) and the latest "you said, we did" updates about it."""

    template = "pages/ambition_page.html"
    latest_updates_count = 5

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
    # An ambition's only child is its easy-read version.
    subpage_types = ["home.EasyReadPage"]

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

    # --- The dashboard ------------------------------------------------------------------------

    @cached_property
    def default_ambition(self) -> Ambition:
        """The default language's ambition, whichever language's this page points to: answers
        and updates are tagged with it, so every language's page shows the same numbers."""
        language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        original = Ambition.objects.filter(
            translation_key=models.Subquery(
                Ambition.objects.filter(pk=self.ambition_id).values("translation_key")[:1]
            ),
            locale__language_code=language,
        ).first()
        return original or self.ambition

    def latest_updates(self) -> list:
        """The newest live updates in this page's language tagged with this ambition (in any
        language). Found through the `Ambition.updates` relation, as outcomes may not import
        the updates app."""
        try:
            update_model = Ambition._meta.get_field("updates").related_model
        except FieldDoesNotExist:
            return []
        return list(
            update_model.objects.live()
            .public()
            .filter(
                locale_id=self.locale_id,
                ambitions__translation_key=self.default_ambition.translation_key,
            )
            .distinct()
            .order_by(models.F("first_published_at").desc(nulls_last=True), "-pk")
            .prefetch_related("ambitions")[: self.latest_updates_count]  # the summary lists them
        )

    def updates_index_url(self, request) -> str:
        """The live updates index in this page's language, filtered to this ambition."""
        try:
            index_model = apps.get_model("you_said_we_did", "UpdateIndexPage")
        except LookupError:
            return ""
        index = index_model.objects.live().filter(locale_id=self.locale_id).first()
        if not index:
            return ""
        url = index.get_url(request)
        return f"{url}?ambition={self.default_ambition.number}" if url else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dashboard"] = AmbitionDashboard(self.default_ambition)
        context["latest_updates"] = self.latest_updates()
        context["updates_index_url"] = self.updates_index_url(request)
        return context

    def dashboard_download_name(self, extension: str) -> str:
        return f"ambition-{self.default_ambition.number}-dashboard.{extension}"

    # The paths end in a slash with no dot: Wagtail only routes URLs of slash-ended words.
    @path("dashboard/csv/", name="dashboard_csv")
    def dashboard_csv(self, request):
        """The dashboard's numbers as CSV: one row per chart row (chart, label, value, unit)."""
        response = HttpResponse(
            csv_text(charts_for(self.default_ambition)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{self.dashboard_download_name("csv")}"'
        )
        return response

    @path("dashboard/json/", name="dashboard_json")
    def dashboard_json(self, request):
        """The dashboard's numbers as JSON, with the ambition and when they were counted."""
        data = json_data(self.ambition, charts_for(self.default_ambition), timezone.localtime())
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
        response["Content-Disposition"] = (
            f'attachment; filename="{self.dashboard_download_name("json")}"'
        )
        return response
