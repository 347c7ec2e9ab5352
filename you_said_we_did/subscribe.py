"""Getting updates by email: subscribe, confirm (double opt-in) and unsubscribe.

Parents, carers and young people use these pages from the updates index (UpdateIndexPage's
routes). Nothing about an address is stored until its owner confirms it: the confirmation link
carries the choices, signed, and only a POST from the confirmation page creates the
subscription. Nothing changes on a GET, because mail scanners follow links in emails.

Unsubscribing takes one click from a browser, and mail programs can do it for people (RFC 8058
"one-click", a POST without a CSRF token) through `one_click_unsubscribe`, which needs its own URL
outside Wagtail's page serving (see that view's docstring).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Locale

from consultations.models import OutcomeSubscription
from hub.models import CouncilSettings
from hub.ratelimit import over_limit, over_limit_for
from outcomes.models import Ambition

from .forms import SubscribeForm
from .models import Subscription, UpdateIndexPage

if TYPE_CHECKING:
    from wagtail.models import Site

CONFIRM_SALT = "you_said_we_did.subscribe.confirm"
RESPONDENT_SALT = "you_said_we_did.unsubscribe.respondent"
CONFIRM_DAYS = 3
CONFIRM_MAX_AGE = CONFIRM_DAYS * 24 * 60 * 60

# Generous: a school or a family centre may sign several people up from one connection.
SUBSCRIBE_LIMIT = 10  # confirmation emails per visitor address per hour
SUBSCRIBE_WINDOW = 60 * 60
# So nobody can flood someone else's inbox with confirmation emails from many connections.
ADDRESS_LIMIT = 5  # confirmation emails to one email address per day
ADDRESS_WINDOW = 24 * 60 * 60

ONE_CLICK_URL_NAME = "you_said_we_did_one_click_unsubscribe"


# --- Addresses and tokens -------------------------------------------------------------------


def recipient_hash(address: str) -> str:
    """A keyed hash of an email address: the same for the same address, useless without
    SECRET_KEY. Used where we must recognise an address without keeping it."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, address.strip().lower().encode(), hashlib.sha256).hexdigest()


def known_language(code: Any) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return code if isinstance(code, str) and code in codes else settings.LANGUAGE_CODE


def _url_safe(signed: str) -> str:
    """Django's signed values contain ':', which Wagtail's page URLs do not allow, so links carry
    them base64-encoded (letters, digits, '-' and '_' only)."""
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def _signed(token: str) -> str:
    """Raises ValueError if `token` is not base64."""
    return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()


def make_confirm_token(choices: dict, language: str) -> str:
    payload = {
        "e": choices["email"],
        "a": list(choices["ambitions"]),
        "l": language,
        "r": bool(choices["easy_read"]),
    }
    return _url_safe(signing.dumps(payload, salt=CONFIRM_SALT, compress=True))


def read_confirm_token(token: str) -> dict | None:
    """The choices in a confirmation link, or None if it is not one of ours or is over
    CONFIRM_DAYS old."""
    try:
        payload = signing.loads(_signed(token), salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except (signing.BadSignature, ValueError):
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("e"), str):
        return None
    ambitions = payload.get("a")
    if not isinstance(ambitions, list) or not all(isinstance(pk, int) for pk in ambitions):
        return None
    return {
        "email": payload["e"],
        "ambitions": ambitions,
        "language": known_language(payload.get("l")),
        "easy_read": bool(payload.get("r")),
    }


def respondent_unsubscribe_token(outcome_subscription: OutcomeSubscription) -> str:
    """A link for someone who gave an email when answering a consultation to stop hearing about
    updates. It names the row and carries part of the address's hash, so a link from a deleted
    row can never reach a newer row that happens to get the same id."""
    payload = {"o": outcome_subscription.pk, "h": recipient_hash(outcome_subscription.email)[:16]}
    return _url_safe(signing.dumps(payload, salt=RESPONDENT_SALT))


def find_unsubscribe_target(token: str) -> Subscription | OutcomeSubscription | None:
    """The subscription an unsubscribe link is for, if it still exists."""
    if not isinstance(token, str) or not token or len(token) > 200 or "\x00" in token:
        return None
    subscription = Subscription.objects.filter(unsubscribe_token=token).first()
    if subscription is not None:
        return subscription
    try:
        payload = signing.loads(_signed(token), salt=RESPONDENT_SALT)
    except (signing.BadSignature, ValueError):
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("o"), int):
        return None
    found = OutcomeSubscription.objects.filter(pk=payload["o"]).first()
    if found is None or recipient_hash(found.email)[:16] != payload.get("h"):
        return None
    return found


def origin_of(full_url: str) -> str:
    parts = urlsplit(full_url)
    return f"{parts.scheme}://{parts.netloc}"


def unsubscribe_urls(index_page: UpdateIndexPage, token: str) -> tuple[str, str]:
    """The unsubscribe page for people (in the index page's language) and the address for mail
    programs' one-click unsubscribe (RFC 8058)."""
    page_url = index_page.get_full_url() + index_page.reverse_subpage("unsubscribe", args=[token])
    return page_url, origin_of(page_url) + reverse(ONE_CLICK_URL_NAME, args=[token])


def council_names(site: Site | None) -> dict[str, str]:
    # In the active language (the subscriber's), like the rest of the email.
    council = CouncilSettings.for_site(site) if site else CouncilSettings()
    return {"council_name": council.council_name, "service_name": council.service_name}


# --- Views -----------------------------------------------------------------------------------


def _render(page, request, template: str, status: int = 200, **context) -> TemplateResponse:
    """A page of the subscription journey, with the index page as its `page` (breadcrumbs,
    language links). The index's listing is not needed here, so its context is not built."""
    return TemplateResponse(
        request,
        f"you_said_we_did/{template}",
        {"page": page, "self": page, **context},
        status=status,
    )


def _subpage_url(page, request, name: str, *args) -> str:
    return page.get_url(request) + page.reverse_subpage(name, args=list(args))


def _too_many(request, email: str) -> bool:
    if over_limit(request, "you_said_we_did:subscribe", SUBSCRIBE_LIMIT, SUBSCRIBE_WINDOW):
        return True
    return over_limit_for(
        f"you_said_we_did:subscribe-address:{recipient_hash(email)}", ADDRESS_LIMIT, ADDRESS_WINDOW
    )


def send_confirmation(page: UpdateIndexPage, request: HttpRequest, choices: dict) -> None:
    """Email the confirmation link, in the language the visitor is using."""
    language = known_language(translation.get_language())
    token = make_confirm_token(choices, language)
    context = {
        "confirm_url": page.get_full_url(request)
        + page.reverse_subpage("subscribe_confirm", args=[token]),
        "days": CONFIRM_DAYS,
        **council_names(page.get_site()),
    }
    subject = render_to_string("you_said_we_did/emails/confirm_subject.txt", context, request)
    body = render_to_string("you_said_we_did/emails/confirm_body.txt", context, request)
    EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[choices["email"]],
        headers={"Auto-Submitted": "auto-generated", "Content-Language": language},
    ).send()


def subscribe(page: UpdateIndexPage, request: HttpRequest) -> HttpResponse:
    """``subscribe/``: the form. A valid POST sends the confirmation email and stores nothing."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = SubscribeForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        choices = form.choices()
        if _too_many(request, choices["email"]):
            return _render(page, request, "subscribe_too_many.html", status=429)
        send_confirmation(page, request, choices)
        return HttpResponseRedirect(_subpage_url(page, request, "subscribe_sent"))
    return _render(page, request, "subscribe.html", form=form)


def subscribe_sent(page: UpdateIndexPage, request: HttpRequest) -> HttpResponse:
    """``subscribe/check-your-email/``: what to do next."""
    return _render(page, request, "subscribe_sent.html", days=CONFIRM_DAYS)


def _chosen_ambitions(pks: list[int]) -> list[Ambition]:
    """The chosen default-language ambitions, titled in the active language where translated."""
    default = Locale.get_default()
    ambitions = list(Ambition.objects.filter(pk__in=pks, locale=default).order_by("number"))
    translated = {
        a.translation_key: a
        for a in Ambition.objects.filter(
            locale__language_code=translation.get_language(),
            translation_key__in=[a.translation_key for a in ambitions],
        ).exclude(locale=default)
    }
    return [translated.get(a.translation_key, a) for a in ambitions]


def confirm(page: UpdateIndexPage, request: HttpRequest, token: str) -> HttpResponse:
    """``subscribe/confirm/<token>/``: GET asks for a click; POST saves the subscription."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    choices = read_confirm_token(token)
    if choices is None:
        return _render(
            page,
            request,
            "subscribe_invalid.html",
            status=400,
            subscribe_url=_subpage_url(page, request, "subscribe"),
            days=CONFIRM_DAYS,
        )
    if request.method != "POST":
        return _render(
            page,
            request,
            "subscribe_confirm.html",
            choices=choices,
            ambitions=_chosen_ambitions(choices["ambitions"]),
        )
    with transaction.atomic():
        subscription, created = Subscription.objects.update_or_create(
            email=choices["email"],
            defaults={
                "language": choices["language"],
                "easy_read": choices["easy_read"],
                "confirmed_at": timezone.now(),
            },
        )
        subscription.ambitions.set(
            Ambition.objects.filter(pk__in=choices["ambitions"], locale=Locale.get_default())
        )
    return _render(
        page,
        request,
        "subscribe_confirmed.html",
        subscription=subscription,
        created=created,
        unsubscribe_url=_subpage_url(page, request, "unsubscribe", subscription.unsubscribe_token),
    )


def unsubscribe(page: UpdateIndexPage, request: HttpRequest, token: str) -> HttpResponse:
    """``unsubscribe/<token>/``: GET asks for a click; POST deletes the subscription (or the
    email given with a consultation answer). An unknown link is treated as already done."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    target = find_unsubscribe_target(token)
    if target is None:
        return _render(page, request, "unsubscribe_done.html", already=True)
    if request.method != "POST":
        return _render(
            page,
            request,
            "unsubscribe.html",
            respondent=isinstance(target, OutcomeSubscription),
        )
    target.delete()
    return _render(page, request, "unsubscribe_done.html", already=False)


@csrf_exempt
def one_click_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One-click unsubscribe (RFC 8058) for mail programs: they POST
    ``List-Unsubscribe=One-Click`` without cookies or a CSRF token, so this view is exempt from
    CSRF checks and changes something only on POST. It lives outside Wagtail's page serving
    (whose CSRF check runs first), at ``/updates.unsubscribe/<token>/`` (see urls.py).

    A person who opens the address in a browser is sent to the unsubscribe page, which asks
    them to click a button.
    """
    if request.method == "POST":
        target = find_unsubscribe_target(token)
        if target is not None:
            target.delete()
        return HttpResponse("Unsubscribed.\n", content_type="text/plain; charset=utf-8")
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    target = find_unsubscribe_target(token)
    language = target.language if isinstance(target, Subscription) else None
    if isinstance(target, OutcomeSubscription):
        language = target.response.language
    index = _index_page_for(language)
    if index is None:
        raise Http404("There is no updates page.")
    return HttpResponseRedirect(index.url + index.reverse_subpage("unsubscribe", args=[token]))


def _index_page_for(language: str | None) -> UpdateIndexPage | None:
    pages = UpdateIndexPage.objects.live().public()
    if language:
        found = pages.filter(locale__language_code=language).first()
        if found:
            return found
    return pages.filter(locale=Locale.get_default()).first() or pages.first()
