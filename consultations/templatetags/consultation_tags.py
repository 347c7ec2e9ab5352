"""Consultations shown on other pages (the home page), without those pages' apps importing this
one: templates load the tag instead."""

from django import template

from ..models import ConsultationPage

register = template.Library()


@register.inclusion_tag("consultations/open_consultations.html", takes_context=True)
def open_consultations(context, limit: int = 3):
    """Consultations open now in the current page's language, closing soonest first."""
    page = context.get("page")
    pages = ConsultationPage.objects.live().public().filter(ConsultationPage.open_filter())
    if page is not None:
        pages = pages.filter(locale_id=page.locale_id)
    return {
        "consultations": list(pages.order_by("closes_at")[:limit]),
        "request": context.get("request"),
    }
