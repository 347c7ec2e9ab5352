"""The ambition dashboard: charts computed from live data by the apps that own the data.

`outcomes` cannot import the apps that depend on it, so they contribute charts through the
``register_ambition_charts`` Wagtail hook: a function taking the (default-language) ambition and
returning a list of `Chart`. Each function must use a fixed number of queries, whatever the
amount of data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail import hooks

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
