"""Updates shown on other pages (the home page), without those pages' apps importing this one."""

from django import template

from ..models import UpdateIndexPage, UpdatePage

register = template.Library()


@register.inclusion_tag("you_said_we_did/latest_updates.html", takes_context=True)
def latest_updates(context, limit: int = 3):
    """The newest updates in the current page's language, with a link to all of them."""
    page = context.get("page")
    updates = UpdatePage.objects.live().public()
    indexes = UpdateIndexPage.objects.live().public()
    if page is not None:
        updates = updates.filter(locale_id=page.locale_id)
        indexes = indexes.filter(locale_id=page.locale_id)
    return {
        "updates": list(
            updates.order_by("-first_published_at").prefetch_related("ambitions")[:limit]
        ),
        "index_page": indexes.first(),
        "request": context.get("request"),
    }
