"""'You said, we did' updates: what people told us, what we did about it, and how far we have got.

Each update cites its evidence (counts of tagged answers from named consultations), so a reader can
see that it rests on real feedback, and the people who gave that feedback can be told about it.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from consultations.choosers import TaggedAnswerChooserWidget
from consultations.tagging import tagged_free_text_answers
from hub.models import BasePage

from ..evidence import count_evidence

TEXT_FEATURES = ["bold", "ol", "ul", "link"]


class UpdateIndexPage(RoutablePageMixin, BasePage):
    """All the updates, filterable by ambition, status and consultation, with feeds and the
    email subscription pages."""

    template = "you_said_we_did/update_index_page.html"

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    subpage_types = ["you_said_we_did.UpdatePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("'you said, we did' index page")

    def get_context(self, request, *args, **kwargs):
        from ..listing import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context

    @path("feed/<str:kind>/", name="feed")
    @path("ambition-<int:number>/feed/<str:kind>/", name="ambition_feed")
    def feed(self, request, kind, number=None):
        from ..feeds import serve_feed

        return serve_feed(self, request, kind, number)

    @path("subscribe/", name="subscribe")
    def subscribe(self, request):
        from ..subscribe import subscribe

        return subscribe(self, request)

    @path("subscribe/check-your-email/", name="subscribe_sent")
    def subscribe_sent(self, request):
        from ..subscribe import subscribe_sent

        return subscribe_sent(self, request)

    @path("subscribe/confirm/<str:token>/", name="subscribe_confirm")
    def subscribe_confirm(self, request, token):
        from ..subscribe import confirm

        return confirm(self, request, token)

    @path("unsubscribe/<str:token>/", name="unsubscribe")
    def unsubscribe(self, request, token):
        from ..subscribe import unsubscribe

        return unsubscribe(self, request, token)


class UpdatePage(BasePage):
    """One 'you said, we did' update."""

    template = "you_said_we_did/update_page.html"

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in-progress", _("In progress")
        DONE = "done", _("Done")

    you_said = RichTextField(
        _("you said"),
        features=TEXT_FEATURES,
        help_text=_("What people told us, in plain words."),
    )
    we_did = RichTextField(
        _("we did"),
        features=TEXT_FEATURES,
        help_text=_("What we have done or will do about it. Say who and by when."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PLANNED, db_index=True
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("How far through the work we are, from 0 to 100."),
    )
    easy_read_summary = models.TextField(
        _("easy read summary"),
        max_length=600,
        help_text=_("Three or four short sentences in everyday words: what you said, what we did."),
    )
    ambitions = ParentalManyToManyField(
        "outcomes.Ambition", blank=True, related_name="updates", verbose_name=_("ambitions")
    )
    outcomes = ParentalManyToManyField(
        "outcomes.Outcome", blank=True, related_name="updates", verbose_name=_("outcomes")
    )
    consultations = ParentalManyToManyField(
        "consultations.ConsultationPage",
        blank=True,
        related_name="updates",
        verbose_name=_("source consultations"),
        help_text=_(
            "People who answered these and asked to hear about outcomes are emailed when this "
            "update is published or its status changes."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("you_said"),
        InlinePanel("quotes", heading=_("Quotes"), label=_("quote")),
        FieldPanel("we_did"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("status"), FieldPanel("progress")])],
            heading=_("Progress"),
        ),
        InlinePanel("progress_notes", heading=_("Timeline"), label=_("progress note")),
        FieldPanel("easy_read_summary"),
        MultiFieldPanel(
            [
                FieldPanel("ambitions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("outcomes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("consultations", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("What this answers"),
        ),
        InlinePanel("evidence", heading=_("Evidence"), label=_("evidence")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("you_said"),
        index.SearchField("we_did"),
        index.SearchField("easy_read_summary"),
        index.FilterField("status"),
    ]
    parent_page_types = ["you_said_we_did.UpdateIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("'you said, we did' update")

    def get_context(self, request, *args, **kwargs):
        from ..detail import detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self, request))
        return context

    def clean(self):
        super().clean()
        if self.status == self.Status.DONE and self.progress != 100:
            raise ValidationError(
                {"progress": _("An update marked as done should show 100% progress.")}
            )
        if self.status == self.Status.PLANNED and self.progress == 100:
            raise ValidationError(
                {"status": _("Work at 100% progress is in progress or done, not planned.")}
            )


class ProgressNote(Orderable):
    """A dated step on the update's timeline ("May 2026: first training sessions held")."""

    page = ParentalKey(UpdatePage, on_delete=models.CASCADE, related_name="progress_notes")
    date = models.DateField(_("date"), default=datetime.date.today)
    note = models.TextField(_("what happened"), max_length=600)

    panels = [FieldPanel("date"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("progress note")


class Quote(Orderable):
    """Something a person said, chosen from the tagged answers and anonymised before it is shown."""

    page = ParentalKey(UpdatePage, on_delete=models.CASCADE, related_name="quotes")
    answer = models.ForeignKey(
        "consultations.Answer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("answer"),
        help_text=_("The tagged answer this quote comes from."),
    )
    text = models.TextField(
        _("quote"),
        max_length=600,
        blank=True,
        help_text=_(
            "Left blank, the answer's words are used with email addresses, phone numbers and "
            "postcodes taken out. Remove names or anything else that could identify someone."
        ),
    )

    panels = [FieldPanel("answer", widget=TaggedAnswerChooserWidget), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("quote")

    def clean(self):
        from ..quotes import anonymise

        super().clean()
        if self.answer_id and not tagged_free_text_answers().filter(pk=self.answer_id).exists():
            raise ValidationError(
                {"answer": _("Quote a written answer that has been tagged or coded.")}
            )
        if not self.text and self.answer_id:
            self.text = anonymise(self.answer.value)[: self._meta.get_field("text").max_length]
        if not self.text:
            raise ValidationError({"answer": _("Choose an answer or type the quote.")})


class Evidence(Orderable):
    """'42 people told us ...': a count of responses to a consultation whose answers carry a tag,
    counted when the update is saved so the number stays as it was published."""

    page = ParentalKey(UpdatePage, on_delete=models.CASCADE, related_name="evidence")
    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("consultation"),
    )
    ambition = models.ForeignKey(
        "outcomes.Ambition",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("answers tagged with this ambition"),
    )
    outcome = models.ForeignKey(
        "outcomes.Outcome",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("answers tagged with this outcome"),
    )
    theme = models.ForeignKey(
        "consultations.Theme",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("answers coded with this theme"),
    )
    question_key = models.CharField(
        _("question key"),
        max_length=50,
        blank=True,
        help_text=_("Count only answers to this question (its key in the results)."),
    )
    answer_value = models.CharField(
        _("answer"),
        max_length=100,
        blank=True,
        help_text=_("Count only this answer, such as 'agree' or 'yes' (its value in the results)."),
    )
    statement = models.CharField(
        _("what they told us"),
        max_length=300,
        help_text=_("Finishes the sentence '42 people told us …', e.g. 'waits were too long'."),
    )
    count = models.PositiveIntegerField(_("number of people"), default=0, editable=False)
    counted_at = models.DateTimeField(_("counted"), null=True, editable=False)

    panels = [
        FieldPanel("consultation"),
        FieldPanel("ambition"),
        FieldPanel("outcome"),
        FieldPanel("theme"),
        FieldRowPanel([FieldPanel("question_key"), FieldPanel("answer_value")]),
        FieldPanel("statement"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def clean(self):
        super().clean()
        if not (self.ambition_id or self.outcome_id or self.theme_id or self.question_key):
            raise ValidationError(
                _("Choose what to count: an ambition, an outcome, a theme or a question.")
            )
        if self.answer_value and not self.question_key:
            raise ValidationError({"question_key": _("Give the question the answer is to.")})
        if (
            self.theme_id
            and self.consultation_id
            and (self.theme.consultation_id != self.consultation.canonical_page_id())
        ):
            raise ValidationError({"theme": _("This theme belongs to another consultation.")})
        if self.consultation_id:
            self.count = count_evidence(self)
            self.counted_at = timezone.now()
            if not self.count:
                raise ValidationError(
                    _(
                        "No answers to this consultation match, so there is no evidence to cite. "
                        "Check the tags, the question key and the answer."
                    )
                )
