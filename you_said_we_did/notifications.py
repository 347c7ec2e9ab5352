"""Closing the loop: emails about an update to the people who asked to hear.

Two audiences: people who gave an email when they answered a consultation the update cites
(respondents), and people who subscribed to updates (all of them, or the update's ambitions).
Each is written to in their own language and, if they answered in easy read or asked for it, in
easy read. An "event" is the update reaching a status, so first publication and each change of
status are news, and republishing a correction is not.

Nobody hears twice about the same event: a `Delivery` row (update, event, hashed address) is
claimed before each email, and the database's unique constraint makes that claim hold even when
two workers run at once. A failed send leaves the row unsent, and a later run retries it.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Locale

from consultations.models import ConsultationPage, OutcomeSubscription
from hub.models import CouncilSettings

from .models import Delivery, Subscription, UpdateIndexPage, UpdatePage
from .subscribe import (
    known_language,
    recipient_hash,
    respondent_unsubscribe_token,
    unsubscribe_urls,
)

logger = logging.getLogger(__name__)

# An unsent delivery younger than this may still be being sent by another run; leave it be.
RETRY_AFTER = datetime.timedelta(minutes=10)


@dataclass
class Recipient:
    """One address to write to about one update."""

    address: str
    audience: str  # a Delivery.Audience value
    language: str
    easy_read: bool
    unsubscribe_token: str
    consultation: ConsultationPage | None = None  # the one a respondent answered


def default_language_update(page_id: int) -> UpdatePage | None:
    """The live update in the default language for a published page of any language: the one
    whose status counts and whose deliveries are recorded."""
    page = UpdatePage.objects.filter(pk=page_id).only("translation_key", "locale_id").first()
    if page is None:
        return None
    return (
        UpdatePage.objects.live()
        .public()
        .filter(translation_key=page.translation_key, locale=Locale.get_default())
        .first()
    )


def respondents(update: UpdatePage) -> list[Recipient]:
    """People who answered one of the update's consultations (in any language) and left an
    email to hear about outcomes. Newest answer first, so its language and channel win for
    someone who answered twice."""
    consultation_ids = {page.canonical_page_id() for page in update.consultations.all()}
    if not consultation_ids:
        return []
    rows = (
        OutcomeSubscription.objects.filter(response__consultation_id__in=consultation_ids)
        .exclude(email="")
        .select_related("response", "response__consultation")
        .order_by("-response__submitted_at", "-pk")
    )
    return [
        Recipient(
            address=row.email,
            audience=Delivery.Audience.RESPONDENT,
            language=known_language(row.response.language),
            easy_read=row.response.channel == row.response.Channel.EASY_READ,
            unsubscribe_token=respondent_unsubscribe_token(row),
            consultation=row.response.consultation,
        )
        for row in rows
    ]


def subscribers(update: UpdatePage) -> list[Recipient]:
    """Confirmed subscribers to every update, or to one of the update's ambitions (matched by
    translation key, whichever language's ambitions the update is tagged with)."""
    keys = [ambition.translation_key for ambition in update.ambitions.all()]
    rows = (
        Subscription.objects.filter(
            Q(ambitions__isnull=True) | Q(ambitions__translation_key__in=keys)
        )
        .distinct()
        .order_by("pk")
    )
    return [
        Recipient(
            address=row.email,
            audience=Delivery.Audience.SUBSCRIBER,
            language=known_language(row.language),
            easy_read=row.easy_read,
            unsubscribe_token=row.unsubscribe_token,
        )
        for row in rows
    ]


def recipients(update: UpdatePage) -> list[Recipient]:
    """Everyone to write to, once per address; someone who is both a respondent and a
    subscriber gets the respondent's email, which says why they are hearing."""
    chosen: dict[str, Recipient] = {}
    for recipient in [*respondents(update), *subscribers(update)]:
        chosen.setdefault(recipient.address.strip().lower(), recipient)
    return list(chosen.values())


class Localiser:
    """The update, its consultations and its index page in each recipient's language, looked up
    once per language."""

    def __init__(self, update: UpdatePage):
        self.update = update
        self._pages: dict[tuple[str, str], object] = {}

    def _in_language(self, page, language: str):
        """A live translation of `page` in `language`, or `page` itself."""
        key = (page.translation_key, language)
        if key not in self._pages:
            translated = (
                page.specific_class.objects.live()
                .public()
                .filter(translation_key=page.translation_key, locale__language_code=language)
                .first()
            )
            self._pages[key] = translated or page
        return self._pages[key]

    def update_in(self, language: str) -> UpdatePage:
        return self._in_language(self.update, language)

    def index_in(self, language: str) -> UpdateIndexPage:
        if not hasattr(self, "_index"):
            self._index = self.update.get_parent().specific
        return self._in_language(self._index, language)

    def consultation_title(self, consultation: ConsultationPage | None, language: str) -> str:
        if consultation is None:
            return ""
        return self._in_language(consultation, language).title


def build_message(
    recipient: Recipient, localiser: Localiser, council: CouncilSettings, connection
) -> EmailMessage:
    """One recipient's email, in their language; addressed to them alone."""
    language = recipient.language
    update = localiser.update_in(language)
    index = localiser.index_in(language)
    page_url, one_click_url = unsubscribe_urls(index, recipient.unsubscribe_token)
    easy = "easy_read_" if recipient.easy_read else ""
    with translation.override(language):
        context = {
            "audience": recipient.audience,
            "update": update,
            "update_url": update.get_full_url(),
            "status": localiser.update.status,
            "status_label": localiser.update.get_status_display(),
            "consultation_title": localiser.consultation_title(recipient.consultation, language),
            "unsubscribe_url": page_url,
            # The council's words in the recipient's language when they are translated.
            "council_name": council.council_name,
            "service_name": council.service_name,
        }
        subject = render_to_string(f"you_said_we_did/emails/update_{easy}subject.txt", context)
        body = render_to_string(f"you_said_we_did/emails/update_{easy}body.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.address],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{one_click_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
            "Content-Language": language,
        },
    )


def _claim(update: UpdatePage, event: str, recipient: Recipient) -> Delivery | None:
    """The delivery to send now, or None if this address has had (or is being sent) this
    event's email. A new row is ours; an old unsent one (a failed send) is taken over with an
    atomic update, so two runs retrying at once cannot both send it."""
    delivery, created = Delivery.objects.get_or_create(
        update=update,
        event=event,
        recipient=recipient_hash(recipient.address),
        defaults={"audience": recipient.audience},
    )
    if created:
        return delivery
    if delivery.sent_at is not None:
        return None
    now = timezone.now()
    # created_at doubles as "last attempted" for an unsent row.
    taken = Delivery.objects.filter(
        pk=delivery.pk, sent_at__isnull=True, created_at__lte=now - RETRY_AFTER
    ).update(created_at=now)
    return delivery if taken else None


def notify(page_id: int) -> dict[str, int]:
    """Email everyone who should hear about the update's current status and has not yet."""
    update = default_language_update(page_id)
    if update is None:
        return {"sent": 0, "failed": 0, "skipped": 0}
    event = update.status
    localiser = Localiser(update)
    site = update.get_site()
    council = CouncilSettings.for_site(site) if site else CouncilSettings()
    sent = failed = skipped = 0
    with get_connection() as connection:
        for recipient in recipients(update):
            delivery = _claim(update, event, recipient)
            if delivery is None:
                skipped += 1
                continue
            try:
                build_message(recipient, localiser, council, connection).send()
            except Exception:
                # One bad address or a mail server hiccup must not stop everyone else's email.
                logger.exception(
                    "Could not send update %s email (delivery %s)", page_id, delivery.pk
                )
                failed += 1
                continue
            Delivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now())
            sent += 1
    return {"sent": sent, "failed": failed, "skipped": skipped}
