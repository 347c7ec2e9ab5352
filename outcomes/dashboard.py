"""The ambition dashboard: charts computed from live data by the apps that own the data.

`outcomes` cannot import the apps that depend on it, so they contribute charts through the
``register_ambition_charts`` Wagtail hook: a function taking the (default-language) ambition and
returning a list of `Chart`. Each function must use a fixed number of queries, whatever the
amount of data.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.functional import cached_property
from wagtail import hooks

from hub.page_cache.remember import remember
from hub.spreadsheets import safe_cell

HOOK = "register_ambition_charts"


@dataclass
class Chart:
    slug: str  # stable: used in the CSV and JSON downloads and as the HTML id
    title: str
    description: str  # one sentence saying what is counted, shown under the title
    kind: str  # "bar" (categories) or "line" (a trend over time)
    label_heading: str  # the table's first column, e.g. "Who was answering"
    value_heading: str  # the table's second column, e.g. "Responses"
    rows: list[tuple[str, float | int]] = field(default_factory=list)
    unit: str = ""  # "%" for percentages; empty for counts
    order: int = 100


def charts_for(ambition) -> list[Chart]:
    charts: list[Chart] = []
    for contribute in hooks.get_hooks(HOOK):
        charts.extend(contribute(ambition))
    return sorted(charts, key=lambda chart: chart.order)


class AmbitionDashboard:
    """The charts for one (default-language) ambition, computed on first use.

    The ambition page puts one in its context; being lazy, the template computes the charts
    inside its content-language block, so labels are translated, and drawings mirrored, for
    the language the page's text is really in.
    """

    def __init__(self, ambition):
        self.ambition = ambition

    @cached_property
    def charts(self) -> list[Chart]:
        # Kept for COUNTS_CACHE_SECONDS per ambition and language: the counts read every
        # rating answer, which grows with each consultation (docs/performance.md).
        return remember(
            f"ambition-dashboard:{self.ambition.pk}:{translation.get_language()}",
            lambda: charts_for(self.ambition),
            settings.COUNTS_CACHE_SECONDS,
        )

    @cached_property
    def figures(self) -> list:
        from .charts import figure

        rtl = translation.get_language_bidi()
        return [figure(chart, rtl=rtl) for chart in self.charts]


def is_empty(chart: Chart) -> bool:
    """Nothing to draw: no rows, or nothing counted in any of them."""
    return not any(value for _label, value in chart.rows)


# --- Downloads ------------------------------------------------------------------------------------

CSV_HEADER = ["chart", "label", "value", "unit"]


def csv_text(charts: list[Chart]) -> str:
    """One row per chart row: chart slug, label, value, unit."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for chart in charts:
        for label, value in chart.rows:
            # Values are counts and percentages, never negative, so they are written as numbers.
            writer.writerow([safe_cell(chart.slug), safe_cell(label), value, safe_cell(chart.unit)])
    return buffer.getvalue()


def json_data(ambition, charts: list[Chart], generated_at: datetime.datetime) -> dict:
    return {
        "ambition": {
            "number": ambition.number,
            "title": ambition.title,
            "summary": ambition.summary,
        },
        "generated_at": generated_at.isoformat(),
        "charts": [
            {
                "slug": chart.slug,
                "title": str(chart.title),
                "description": str(chart.description),
                "kind": chart.kind,
                "unit": chart.unit,
                "label_heading": str(chart.label_heading),
                "value_heading": str(chart.value_heading),
                "rows": [{"label": str(label), "value": value} for label, value in chart.rows],
            }
            for chart in charts
        ],
    }
