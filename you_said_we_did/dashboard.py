"""Charts for the ambition dashboards, from updates (see outcomes/dashboard.py).

Read by the public ambition pages and their downloads: one grouped query, whatever the number of
updates.
"""

from __future__ import annotations

from django.db.models import Count
from django.utils.translation import gettext as _
from wagtail import hooks

from outcomes.dashboard import HOOK, Chart

from .models import UpdatePage


@hooks.register(HOOK)
def update_charts(ambition) -> list[Chart]:
    return [updates_by_status(ambition)]


def updates_by_status(ambition) -> Chart:
    """Live updates in the default language (translations are the same update, not another one)
    tagged with the ambition, by status. Every status is listed, with 0 where there are none.
    The slug keeps its first name, as the downloads are read by other people's tools."""
    counts = dict(
        UpdatePage.objects.live()
        .filter(locale_id=ambition.locale_id, ambitions__translation_key=ambition.translation_key)
        .values_list("status")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    return Chart(
        slug="actions-by-status",
        title=_("Updates by status"),
        description=_(
            "How many of our 'you said, we did' updates about this ambition are planned, in "
            "progress or done."
        ),
        kind="bar",
        label_heading=_("Status"),
        value_heading=_("Updates"),
        rows=[(str(label), counts.get(value, 0)) for value, label in UpdatePage.Status.choices],
        order=40,
    )
