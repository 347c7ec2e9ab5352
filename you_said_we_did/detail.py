"""What an update page shows beyond its own fields, in a fixed number of queries."""

from __future__ import annotations

from wagtail.models import Locale

from consultations.models import ConsultationPage
from outcomes.models import Ambition, AmbitionPage, Outcome


def _in_locale(model, keys, locale_ids, order):
    """The rows with these translation keys in the page's language, falling back to the
    default language's where there is no translation yet."""
    rows = {}
    for row in model.objects.filter(translation_key__in=keys, locale__in=locale_ids).order_by(
        *order
    ):
        if row.translation_key not in rows or row.locale_id == locale_ids[0]:
            rows[row.translation_key] = row
    return list(rows.values())  # in the query's order: a key keeps its first position


def detail_context(page, request) -> dict:
    from .models import UpdateIndexPage

    # The page's language first, then the default language's as a fallback.
    locale_ids = [page.locale_id, Locale.get_default().pk]
    ambition_keys = [a.translation_key for a in page.ambitions.all()]
    ambitions = _in_locale(Ambition, ambition_keys, locale_ids, ["number"])
    ambition_urls = {
        ambition_page.ambition.translation_key: ambition_page.get_url(request)
        for ambition_page in AmbitionPage.objects.live()
        .public()
        .filter(locale=page.locale, ambition__translation_key__in=ambition_keys)
        .select_related("ambition")
    }
    outcome_keys = [o.translation_key for o in page.outcomes.all()]
    consultation_keys = [c.translation_key for c in page.consultations.all()]
    consultations = [
        c
        for c in _in_locale(ConsultationPage, consultation_keys, locale_ids, ["-opens_at"])
        if c.live
    ]
    evidence = list(page.evidence.select_related("consultation"))
    local_consultations = {c.translation_key: c for c in consultations}
    for item in evidence:
        local = local_consultations.get(item.consultation.translation_key)
        item.consultation_url = local.get_url(request) if local else None
        if local:
            item.consultation = local
    return {
        "ambitions": [(a, ambition_urls.get(a.translation_key)) for a in ambitions],
        "outcomes": _in_locale(Outcome, outcome_keys, locale_ids, ["sort_order", "title"]),
        "consultations": consultations,
        "evidence": evidence,
        "quotes": list(page.quotes.all()),
        "notes": list(page.progress_notes.order_by("date", "sort_order")),
        "index_page": UpdateIndexPage.objects.ancestor_of(page).live().first(),
    }
