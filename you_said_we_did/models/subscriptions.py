"""Email subscriptions to updates, and the record of every email sent about an update.

A subscription row exists only once its address is confirmed (double opt-in): the confirmation
link carries the choices, signed, so unconfirmed addresses are never stored.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Subscription(models.Model):
    """Someone who wants an email when an update is published: about every update, or only
    about the ambitions they chose."""

    email = models.EmailField(_("email"), unique=True)
    ambitions = models.ManyToManyField(
        "outcomes.Ambition",
        blank=True,
        related_name="+",
        verbose_name=_("ambitions"),
        help_text=_("None chosen means every update."),
    )
    language = models.CharField(_("language"), max_length=12)
    easy_read = models.BooleanField(_("easy read emails"), default=False)
    unsubscribe_token = models.CharField(max_length=64, unique=True, default=new_token)
    confirmed_at = models.DateTimeField(_("confirmed"))

    class Meta:
        verbose_name = _("update subscription")
        ordering = ["-confirmed_at"]

    def __str__(self) -> str:
        return self.email


class Delivery(models.Model):
    """One email about one event of one update to one address. The unique constraint is what
    makes 'never twice for the same event' true, even if the task runs twice at once.

    The address is kept only as a keyed hash, so deleting a subscription or an outcome email
    leaves nothing personal behind here.
    """

    class Audience(models.TextChoices):
        RESPONDENT = "respondent", _("Person who answered a consultation")
        SUBSCRIBER = "subscriber", _("Subscriber")

    update = models.ForeignKey(
        "you_said_we_did.UpdatePage", on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(_("event"), max_length=30)
    recipient = models.CharField(_("recipient (hashed)"), max_length=64)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("update email")
        constraints = [
            models.UniqueConstraint(
                fields=["update", "event", "recipient"], name="one_email_per_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.update_id} {self.event} {self.recipient[:8]}"
