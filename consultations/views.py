"""The consultation page's public routes, other than the wizard steps (see wizard.py).

Used by parents, carers and young people: starting (standard or easy read), continuing with a
return code, the confirmation, the printable paper copy, and the "this has closed" page.
"""

from __future__ import annotations

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from hub.ratelimit import over_limit

from .codes import hash_code
from .forms import ContinueForm
from .models import SavedProgress
from .wizard import EASY_READ, done_key, empty_storage, step_url, storage_key

CONTINUE_ATTEMPTS = 10  # per visitor address per 15 minutes
CONTINUE_WINDOW = 15 * 60

STATUS_TAG = {
    "upcoming": "govuk-tag--blue",
    "open": "govuk-tag--green",
    "closed": "govuk-tag--grey",
}


def page_context(page, request, continue_form=None) -> dict:
    status = page.status()
    return {
        "status": status,
        "status_label": page.Status(status).label,
        "status_class": STATUS_TAG[status],
        "continue_form": continue_form or ContinueForm(),
        "start_url": page.get_url(request=request) + page.reverse_subpage("start"),
        "easy_read_start_url": page.get_url(request=request)
        + page.reverse_subpage("start")
        + "?version=easy-read",
        "print_url": page.get_url(request=request) + page.reverse_subpage("print"),
        "continue_url": page.get_url(request=request) + page.reverse_subpage("continue"),
        "form": continue_form,  # the error summary reads `form`
    }


def render_closed(page, request):
    """Shown whenever someone reaches a questionnaire that is not open. Nothing half-done is
    kept: the visitor's unfinished answers are dropped from their session."""
    request.session.pop(storage_key(page), None)
    status = page.status()
    return TemplateResponse(
        request, "consultations/closed.html", {"page": page, "status": status}, status=200
    )


def start(page, request):
    """``answer/``: begin (or carry on with) the questionnaire; ``?version=easy-read`` switches
    to the easy-read version of the same questions."""
    if not page.is_open:
        return render_closed(page, request)
    key = storage_key(page)
    data = request.session.get(key)
    wanted = request.GET.get("version")
    if wanted not in (None, EASY_READ, "standard") or (
        wanted == EASY_READ and not page.offer_easy_read
    ):
        wanted = "standard"
    if not data or not (data.get("extra_data") or {}).get("token"):
        data = empty_storage(wanted or "standard")
    elif wanted:
        data["extra_data"]["version"] = wanted
    request.session[key] = data
    first = page.steps[0].name
    current = data.get("step") or first
    return redirect(step_url(page, request, current))


def _too_many_tries(request) -> bool:
    return over_limit(request, "consultations:continue", CONTINUE_ATTEMPTS, CONTINUE_WINDOW)


def continue_saved(page, request):
    """``continue/``: a return code brings back someone's saved answers."""
    if request.method != "POST":
        return redirect(page.get_url(request=request) + "#continue")
    if not page.is_open:
        return render_closed(page, request)
    form = ContinueForm(request.POST)
    if form.is_valid():
        if _too_many_tries(request):
            form.add_error(
                "code", _("You have tried too many codes. Wait 15 minutes, then try again.")
            )
        else:
            saved = SavedProgress.objects.filter(
                code_hash=hash_code(form.cleaned_data["code"]),
                consultation_id=page.canonical_page_id(),
            ).first()
            if saved is None:
                form.add_error(
                    "code",
                    _("We cannot find answers saved with that code. Check it and try again."),
                )
            elif saved not in SavedProgress.objects.valid():
                form.add_error(
                    "code",
                    _(
                        "That code has expired. Codes last 30 days. You can start again from "
                        "the beginning."
                    ),
                )
            else:
                data = saved.wizard_data
                data.setdefault("extra_data", {})["saved_progress_id"] = saved.pk
                data["extra_data"].setdefault("token", empty_storage()["extra_data"]["token"])
                request.session[storage_key(page)] = data
                first = page.steps[0].name
                return redirect(step_url(page, request, data.get("step") or first))
    return page.render(request, context_overrides=page_context(page, request, form))


def confirmation(page, request):
    """``confirmation/``: the GOV.UK panel with the response's reference."""
    reference = request.session.get(done_key(page))
    if not reference:
        return redirect(page.get_url(request=request))
    return TemplateResponse(
        request, "consultations/confirmation.html", {"page": page, "reference": reference}
    )


def print_version(page, request, preview: bool = False):
    """``print/``: the questionnaire on paper, standard or easy read, with where to post it.
    Also the CMS preview of every question."""
    easy_read = request.GET.get("version") == EASY_READ
    return TemplateResponse(
        request,
        "consultations/print.html",
        {
            "page": page,
            "steps": page.steps,
            "easy_read": easy_read,
            "preview": preview,
            "standard_url": page.get_url(request=request) + page.reverse_subpage("print"),
        },
    )
