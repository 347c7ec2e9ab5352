"""Responses and their answers: what people told us, kept for analysis.

A response is saved in one transaction with one `Answer` row per question answered. The optional
email address for hearing about outcomes is an `OutcomeSubscription`, kept apart so it can be
erased without touching the answers.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import RespondentType


class Response(models.Model):
    """One completed questionnaire, from the website (standard or easy read) or from paper."""

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        EASY_READ = "easy-read", _("Easy read (online)")
        PAPER = "paper", _("Paper")

    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        on_delete=models.PROTECT,
        related_name="responses",
        verbose_name=_("consultation"),
    )
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel)
    respondent_type = models.CharField(
        _("who answered"), max_length=30, choices=RespondentType, blank=True
    )
    language = models.CharField(_("language"), max_length=12)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("questionnaire revision"),
    )
    # Set by the wizard when someone starts; a second submit with the same token is the same
    # response (double clicks, back-and-resubmit).
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    entered_by = models.ForeignKey(
        "auth.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entered by"),
    )
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("response")
        indexes = [models.Index(fields=["consultation", "submitted_at"])]

    def __str__(self) -> str:
        return self.reference


class Answer(models.Model):
    """One question's answer, filed under the question's stable key for analysis."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question_key = models.CharField(_("question key"), max_length=50)
    question_type = models.CharField(_("question type"), max_length=30)
    value = models.TextField(_("answer"), help_text=_("As typed or chosen; never as HTML."))
    data = models.JSONField(_("answer data"), null=True, blank=True)
    # Tags: inherited from the question when the answer is saved; added to (or taken away) by
    # staff coding free text. Always the default language's ambitions and outcomes.
    ambitions = models.ManyToManyField(
        "outcomes.Ambition", blank=True, related_name="answers", verbose_name=_("ambitions")
    )
    outcomes = models.ManyToManyField(
        "outcomes.Outcome", blank=True, related_name="answers", verbose_name=_("outcomes")
    )
    themes = models.ManyToManyField(
        "consultations.Theme", blank=True, related_name="answers", verbose_name=_("themes")
    )
    coded_at = models.DateTimeField(_("coded"), null=True, blank=True)
    coded_by = models.ForeignKey(
        "auth.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("coded by"),
    )

    class Meta:
        verbose_name = _("answer")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question_key"], name="one_answer_per_question"
            )
        ]
        # question_type: the ambition dashboards read only the rating answers, about one in ten.
        indexes = [models.Index(fields=["question_key"]), models.Index(fields=["question_type"])]

    def __str__(self) -> str:
        return f"{self.response.reference}: {self.question_key}"


class Theme(models.Model):
    """A consultation's own theme, made up by the staff coding its free-text answers
    ("waiting times", "transport")."""

    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        on_delete=models.CASCADE,
        related_name="themes",
        verbose_name=_("consultation"),
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "name"], name="one_theme_per_name")
        ]

    def __str__(self) -> str:
        return self.name


class OutcomeSubscription(models.Model):
    """An email address given to hear what changed. Deletable on its own; not an answer."""

    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="subscription")
    email = models.EmailField(_("email"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("outcome subscription")

    def __str__(self) -> str:
        return f"{self.response.reference} subscription"
