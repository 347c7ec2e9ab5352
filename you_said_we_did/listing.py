"""The updates index: every update, filterable by ambition, status and consultation.

A plain GET form, so a filtered list is a link someone can share, and it works without
JavaScript. Each option shows how many updates it would give. The number of queries is fixed.
"""

from __future__ import annotations

from collections import Counter

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from consultations.models import ConsultationPage
from hub.forms import GovukForm
from hub.pagination import govuk_pagination
from outcomes.models import Ambition

from .models import UpdatePage

PER_PAGE = 10
ANY = ""


def _with_count(label, count: int) -> str:
    return ngettext("%(label)s (%(count)s update)", "%(label)s (%(count)s updates)", count) % {
        "label": label,
        "count": count,
    }


class UpdateFilterForm(GovukForm):
    ambition = forms.ChoiceField(
        label=_("Ambition"),
        required=False,
        help_text=_("Our SEND strategy has five ambitions: the things we most want to improve."),
    )
    status = forms.ChoiceField(label=_("Status"), required=False, widget=forms.RadioSelect)
    consultation = forms.ChoiceField(
        label=_("From the consultation"),
        required=False,
        help_text=_("The questions we asked that this update answers."),
    )

    def __init__(self, data, *, ambitions, consultations, counts, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["ambition"].choices = [(ANY, _("Any ambition"))] + [
            (str(a.number), _with_count(a, counts["ambition"][a.translation_key]))
            for a in ambitions
        ]
        self.fields["status"].choices = [(ANY, _("Any status"))] + [
            (value, _with_count(label, counts["status"][value]))
            for value, label in UpdatePage.Status.choices
        ]
        self.fields["consultation"].choices = [(ANY, _("Any consultation"))] + [
            (page.slug, _with_count(page.title, counts["consultation"][page.translation_key]))
            for page in consultations
        ]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("Choose one of the options shown.")

    def choices(self) -> dict[str, str]:
        """The valid filters; an invalid one is reported in the error summary and ignored."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {k: v for k, v in getattr(self, "cleaned_data", {}).items() if v}


def listing_context(index_page, request) -> dict:
    locale = index_page.locale
    updates = UpdatePage.objects.live().public().child_of(index_page)
    ambitions = list(Ambition.objects.filter(locale=locale).order_by("number"))
    if not ambitions:
        # An index in a language whose ambitions are not translated yet shows the originals.
        ambitions = list(Ambition.objects.filter(locale=Locale.get_default()).order_by("number"))
    rows = list(
        updates.values_list(
            "pk", "status", "ambitions__translation_key", "consultations__translation_key"
        )
    )
    consultation_keys = {row[3] for row in rows if row[3]}
    consultations = list(
        ConsultationPage.objects.live()
        .filter(locale=locale, translation_key__in=consultation_keys)
        .order_by("-opens_at")
    )

    form = UpdateFilterForm(
        request.GET if request.GET.keys() - {"page"} else None,
        ambitions=ambitions,
        consultations=consultations,
        counts=_counts(rows),
    )
    chosen = form.choices()
    if "ambition" in chosen:
        key = next(a.translation_key for a in ambitions if str(a.number) == chosen["ambition"])
        updates = updates.filter(ambitions__translation_key=key)
    if "status" in chosen:
        updates = updates.filter(status=chosen["status"])
    if "consultation" in chosen:
        key = next(c.translation_key for c in consultations if c.slug == chosen["consultation"])
        updates = updates.filter(consultations__translation_key=key)
    updates = (
        updates.distinct().order_by("-first_published_at", "-pk").prefetch_related("ambitions")
    )
    paginator = Paginator(updates, PER_PAGE)
    results = paginator.get_page(request.GET.get("page"))
    return {
        "form": form,
        "filtered": bool(chosen),
        "results": results,
        "result_count": paginator.count,
        "pagination": govuk_pagination(request, results),
    }


def _counts(rows) -> dict[str, Counter]:
    """Updates per ambition, status and consultation, from (pk, status, ambition key,
    consultation key) rows: one row per combination, so each update is counted once per value."""
    seen = {"ambition": set(), "status": set(), "consultation": set()}
    counts = {name: Counter() for name in seen}
    for pk, status, ambition_key, consultation_key in rows:
        for name, value in (
            ("ambition", ambition_key),
            ("status", status),
            ("consultation", consultation_key),
        ):
            if value and (pk, value) not in seen[name]:
                seen[name].add((pk, value))
                counts[name][value] += 1
    return counts
