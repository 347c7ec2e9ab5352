"""The consultation page: what is being asked, when, of whom, and the questionnaire itself."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from hub.easy_read_checks import EasyReadChecksPanel, check_questionnaire, report_in_preview
from hub.models import BasePage

from ..blocks import QuestionnaireBlock
from ..questionnaire import Step, parse_steps, question_keys


class ConsultationPage(RoutablePageMixin, BasePage):
    """A consultation and its questionnaire. Comms staff build it; families answer it at
    ``<page>/answer/`` in the standard or easy-read version, online or on paper."""

    template = "consultations/consultation_page.html"

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    audience = models.CharField(
        _("who we want to hear from"),
        max_length=300,
        help_text=_("For example: young people aged 11 to 25, parents and carers, SENCos."),
    )
    opens_at = models.DateTimeField(_("opens"), help_text=_("UK time."))
    closes_at = models.DateTimeField(_("closes"), help_text=_("UK time."))
    introduction = RichTextField(
        _("introduction"), blank=True, features=["h2", "h3", "bold", "ol", "ul", "link"]
    )
    easy_read_introduction = models.TextField(
        _("easy read introduction"),
        blank=True,
        max_length=600,
        help_text=_("Two or three short sentences in everyday words."),
    )
    ambitions = ParentalManyToManyField(
        "outcomes.Ambition", blank=True, related_name="consultations", verbose_name=_("ambitions")
    )
    questionnaire = StreamField(QuestionnaireBlock(), verbose_name=_("questionnaire"))
    offer_easy_read = models.BooleanField(
        _("offer the easy read version"),
        default=True,
        help_text=_("Uses each question's easy read words and picture."),
    )
    offer_paper = models.BooleanField(
        _("offer a paper copy"),
        default=True,
        help_text=_("Shows a printable copy with the council's postal address."),
    )
    contact = models.TextField(
        _("contact"),
        blank=True,
        max_length=500,
        help_text=_("How to ask a question or get the questionnaire in another format."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("audience"),
        MultiFieldPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Dates")),
        FieldPanel("introduction"),
        FieldPanel("easy_read_introduction"),
        FieldPanel("ambitions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("questionnaire"),
        EasyReadChecksPanel(check_questionnaire),
        MultiFieldPanel(
            [FieldPanel("offer_easy_read"), FieldPanel("offer_paper"), FieldPanel("contact")],
            heading=_("Other ways to answer"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("audience"),
    ]
    parent_page_types = ["home.HomePage", "home.IndexPage"]
    subpage_types: list[str] = []
    preview_modes = [("", _("Consultation page")), ("questionnaire", _("Every question"))]

    class Meta:
        verbose_name = _("consultation page")

    # --- State --------------------------------------------------------------------------------

    @staticmethod
    def open_filter(now: datetime.datetime | None = None) -> models.Q:
        """The pages whose status() is open at `now`, as a filter for a queryset."""
        now = now or timezone.now()
        return models.Q(opens_at__lte=now, closes_at__gt=now)

    def status(self, now: datetime.datetime | None = None) -> str:
        """Upcoming before it opens, closed from the moment it closes, open in between (the same
        rule as open_filter())."""
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return self.Status.UPCOMING
        if self.closes_at and now >= self.closes_at:
            return self.Status.CLOSED
        return self.Status.OPEN

    @property
    def is_open(self) -> bool:
        return self.status() == self.Status.OPEN

    @cached_property
    def steps(self) -> list[Step]:
        return parse_steps(self.questionnaire)

    def canonical_page_id(self) -> int:
        """The default-language page that responses from every language are filed under."""
        if self.alias_of_id:
            return self.alias_of_id
        from wagtail.models import Locale

        if self.locale_id == Locale.get_default().pk:
            return self.pk
        original = self.get_translation_or_none(Locale.get_default())
        return original.pk if original else self.pk

    # --- Editing ------------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The closing date must be after the opening date.")
        if self.pk:
            from .responses import Answer

            answered = set(
                Answer.objects.filter(response__consultation_id=self.pk)
                .values_list("question_key", flat=True)
                .distinct()
            )
            kept = set(question_keys(self.questionnaire.raw_data))
            lost = sorted(answered - kept)
            if lost:
                errors["questionnaire"] = _(
                    "People have already answered the questions with these keys, so the keys "
                    "cannot be changed or removed: %(keys)s"
                ) % {"keys": ", ".join(lost)}
        if errors:
            raise ValidationError(errors)

    # --- Public routes ------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        from ..views import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(self, request))
        context["easy_read_report"] = report_in_preview(request, check_questionnaire, self)
        return context

    @path("answer/", name="start")
    def start(self, request):
        from ..views import start

        return start(self, request)

    @path("answer/<slug:step>/", name="step")
    def answer(self, request, step):
        from ..wizard import serve_wizard

        return serve_wizard(self, request, step)

    @path("continue/", name="continue")
    def continue_saved(self, request):
        from ..views import continue_saved

        return continue_saved(self, request)

    @path("confirmation/", name="confirmation")
    def confirmation(self, request):
        from ..views import confirmation

        return confirmation(self, request)

    @path("print/", name="print")
    def print_version(self, request):
        from ..views import print_version

        return print_version(self, request)

    def serve_preview(self, request, mode_name):
        if mode_name == "questionnaire":
            from ..views import print_version

            return print_version(self, request, preview=True)
        return super().serve_preview(request, mode_name)
