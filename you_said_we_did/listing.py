"""The updates index: every update, filterable by ambition, status and consultation.

A plain GET form, so a filtered list is a link someone can share, and it works without
JavaScript. Each option shows how many updates it would give, with the other filters as they
are. The number of queries is fixed: one row per update and tag gives both the counts and the
options, and one query (plus prefetches) gives the page of results.
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

from .forms import AMBITIONS_HINT
from .models import UpdatePage

PER_PAGE = 10
ANY = ""
FILTERS = ("ambition", "status", "consultation")


def _with_count(label, count: int | None) -> str:
    if count is None:
        return str(label)
    return ngettext("%(label)s (%(count)s update)", "%(label)s (%(count)s updates)", count) % {
        "label": label,
        "count": count,
    }


class UpdateFilterForm(GovukForm):
    """The filters. An ambition is chosen by its number and a consultation by its translation
    key, so a link means the same in every language (a slug is unique only among siblings)."""

    ambition = forms.ChoiceField(label=_("Ambition"), required=False, help_text=AMBITIONS_HINT)
    status = forms.ChoiceField(label=_("Status"), required=False, widget=forms.RadioSelect)
    consultation = forms.ChoiceField(
        label=_("From the consultation"),
        required=False,
        help_text=_("The questions we asked that this update answers."),
    )

    def __init__(self, data, *, ambitions, consultations, **kwargs):
        if data is not None:
            data = _old_slug_link(data, consultations)
        super().__init__(data, **kwargs)
        self.ambitions = ambitions
        self.consultations = consultations
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("Choose one of the options shown.")
        self.set_counts({})

    def set_counts(self, counts: dict[str, Counter]) -> None:
        """Label every option with the number of updates it would give (see `facet_counts`)."""

        def count(name, value):
            return counts[name][value] if name in counts else None

        self.fields["ambition"].choices = [(ANY, _("Any ambition"))] + [
            (str(a.number), _with_count(a, count("ambition", str(a.translation_key))))
            for a in self.ambitions
        ]
        self.fields["status"].choices = [(ANY, _("Any status"))] + [
            (value, _with_count(label, count("status", value)))
            for value, label in UpdatePage.Status.choices
        ]
        self.fields["consultation"].choices = [(ANY, _("Any consultation"))] + [
            (
                str(c.translation_key),
                _with_count(c.title, count("consultation", str(c.translation_key))),
            )
            for c in self.consultations
        ]

    def choices(self) -> dict[str, str]:
        """The valid filters; an invalid one is reported in the error summary and ignored."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {k: v for k, v in getattr(self, "cleaned_data", {}).items() if v}

    def wanted(self) -> dict[str, str]:
        """The valid filters as what updates are matched on: an ambition's translation key, a
        status, a consultation's translation key."""
        chosen = self.choices()
        if "ambition" in chosen:
            chosen["ambition"] = next(
                str(a.translation_key)
                for a in self.ambitions
                if str(a.number) == chosen["ambition"]
            )
        return chosen


def _old_slug_link(data, consultations):
    """Links shared before the consultation filter used translation keys gave the page's slug:
    one that names exactly one of the consultations offered still works."""
    value = data.get("consultation")
    if not value or value in {str(c.translation_key) for c in consultations}:
        return data
    found = [c for c in consultations if c.slug == value]
    if len(found) != 1:
        return data
    data = data.copy()
    data["consultation"] = str(found[0].translation_key)
    return data


def listing_context(index_page, request) -> dict:
    locale = index_page.locale
    updates = UpdatePage.objects.live().public().child_of(index_page)
    ambitions = list(Ambition.objects.filter(locale=locale).order_by("number"))
    if not ambitions:
        # An index in a language whose ambitions are not translated yet shows the originals.
        ambitions = list(Ambition.objects.filter(locale=Locale.get_default()).order_by("number"))
    tags = update_tags(
        updates.values_list(
            "pk", "status", "ambitions__translation_key", "consultations__translation_key"
        )
    )
    consultation_keys = {key for tagged in tags.values() for key in tagged["consultation"]}
    consultations = list(
        ConsultationPage.objects.live()
        .filter(locale=locale, translation_key__in=consultation_keys)
        .order_by("-opens_at")
    )

    form = UpdateFilterForm(
        request.GET if request.GET.keys() - {"page"} else None,
        ambitions=ambitions,
        consultations=consultations,
    )
    wanted = form.wanted()
    form.set_counts(facet_counts(tags, wanted))
    if "ambition" in wanted:
        updates = updates.filter(ambitions__translation_key=wanted["ambition"])
    if "status" in wanted:
        updates = updates.filter(status=wanted["status"])
    if "consultation" in wanted:
        updates = updates.filter(consultations__translation_key=wanted["consultation"])
    updates = (
        updates.distinct().order_by("-first_published_at", "-pk").prefetch_related("ambitions")
    )
    paginator = Paginator(updates, PER_PAGE)
    results = paginator.get_page(request.GET.get("page"))
    return {
        "form": form,
        "filtered": bool(wanted),
        "results": results,
        "result_count": paginator.count,
        "pagination": govuk_pagination(request, results),
        # The head then also advertises the chosen ambition's feeds.
        "feed_ambition": int(form.cleaned_data["ambition"]) if "ambition" in wanted else None,
    }


def update_tags(rows) -> dict[int, dict[str, set[str]]]:
    """What each update can be filtered by, from (pk, status, ambition key, consultation key)
    rows (one per combination of an update's tags): {pk: {filter: {values}}}."""
    tags: dict[int, dict[str, set[str]]] = {}
    for pk, status, ambition_key, consultation_key in rows:
        tagged = tags.setdefault(pk, {"ambition": set(), "status": {status}, "consultation": set()})
        if ambition_key:
            tagged["ambition"].add(str(ambition_key))
        if consultation_key:
            tagged["consultation"].add(str(consultation_key))
    return tags


def matches(
    tagged: dict[str, set[str]], wanted: dict[str, str], exclude: str | None = None
) -> bool:
    """Whether an update has every wanted value (AND), leaving out the filter `exclude`."""
    return all(value in tagged[name] for name, value in wanted.items() if name != exclude)


def facet_counts(
    tags: dict[int, dict[str, set[str]]], wanted: dict[str, str]
) -> dict[str, Counter]:
    """For each filter, how many updates each of its values would give with the other filters
    as they are (as local_offer.directory.facet_counts does for services): the number shown
    beside the option. Counted from `update_tags`, so it costs no queries."""
    counts = {name: Counter() for name in FILTERS}
    for tagged in tags.values():
        for name in FILTERS:
            if matches(tagged, wanted, exclude=name):
                counts[name].update(tagged[name])
    return counts
