"""Dashboard charts as SVG geometry: pure functions from a `Chart` to shapes and text positions.

No queries and no markup: ``templates/components/chart.html`` draws what these return, with the
data table beside it. Coordinates are in a fixed ``viewBox``, so the picture scales to any
width; text is real SVG text, so it can be translated, zoomed and read by a screen reader's
review cursor. For right-to-left languages the drawing is mirrored and the SVG's ``direction``
set to ``rtl``, under which ``text-anchor`` start and end swap sides, so labels stay next to
their bars without a second layout.
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .dashboard import Chart, is_empty

# 400 units wide, drawn at most 480px wide: text at 16 units is then GOV.UK's 19px body size
# on a desktop and stays near 12px on a small phone. (The table has the numbers at full size.)
WIDTH = 400
FONT_SIZE = 16  # labels and values, in viewBox units
SMALL_FONT_SIZE = 14  # axis ticks and the line chart's months
LINE_HEIGHT = 20
BASELINE = 5.5  # from the middle of a line of 16-unit text to its baseline
CHAR_WIDTH = 0.55  # an average Arial character is about this many times the font size wide

# Bar chart: labels in a column at the start, bars after them, the value at the end of each bar.
LABEL_COLUMN = 150
GAP = 8
VALUE_SPACE = 56
BAR_HEIGHT = 28
ROW_PADDING = 16

# Line chart.
PLOT_START = 60
PLOT_END = 16
PLOT_TOP = 32
PLOT_HEIGHT = 200
PLOT_PADDING = 36
LABEL_SLOT = 84  # room for one label along the bottom (and one value over a point)
X_LABEL_CHARACTERS = 12  # "January 2026" on one line; slightly wider than the slot is fine


@dataclass
class Text:
    x: float
    y: float  # baseline of the first line
    lines: list[str]
    anchor: str = "start"  # SVG text-anchor: "start", "middle" or "end"
    kind: str = "label"  # styling hook: "label", "value" or "tick"
    line_height: float = LINE_HEIGHT

    @property
    def tspans(self) -> list[tuple[float, str]]:
        """(baseline y, text) for each line."""
        return [
            (round(self.y + n * self.line_height, 1), line) for n, line in enumerate(self.lines)
        ]


@dataclass
class Rect:
    x: float
    y: float
    width: float
    height: float


@dataclass
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass
class Point:
    x: float
    y: float


@dataclass
class Drawing:
    kind: str
    width: float
    height: float
    direction: str = "ltr"
    bars: list[Rect] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    axes: list[Segment] = field(default_factory=list)
    gridlines: list[Segment] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)

    @property
    def view_box(self) -> str:
        return f"0 0 {_num(self.width)} {_num(self.height)}"

    @property
    def polyline(self) -> str:
        return " ".join(f"{_num(p.x)},{_num(p.y)}" for p in self.points)


@dataclass
class Figure:
    """Everything the chart template needs: the chart, its drawing (None when there is nothing
    to draw), a one-paragraph summary for the SVG's <desc>, and the table's rows as text."""

    chart: Chart
    drawing: Drawing | None
    summary: str
    table: list[tuple[str, str]]

    @property
    def empty(self) -> bool:
        return self.drawing is None


def figure(chart: Chart, rtl: bool = False) -> Figure:
    table = [(str(label), format_value(value, chart.unit)) for label, value in chart.rows]
    if is_empty(chart):
        return Figure(chart=chart, drawing=None, summary=_("No data yet"), table=table)
    drawing = line_drawing(chart) if chart.kind == "line" else bar_drawing(chart)
    if rtl:
        drawing = mirrored(drawing)
    return Figure(chart=chart, drawing=drawing, summary=summary(chart), table=table)


# --- Words ---------------------------------------------------------------------------------------


def format_value(value: float | int, unit: str = "") -> str:
    """12, 66.7 or 66.7%: whole numbers without decimals, others to one place, in the active
    language's number format."""
    if isinstance(value, float) and not value.is_integer():
        text = number_format(round(value, 1), decimal_pos=1)
    else:
        text = number_format(int(value))
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def summary(chart: Chart) -> str:
    """What the chart shows, in a sentence or two, for people who cannot see it."""
    pairs = [f"{label}: {format_value(value, chart.unit)}" for label, value in chart.rows]
    if chart.kind != "line":
        return _("Bar chart. %(pairs)s.") % {"pairs": "; ".join(pairs)}
    if len(pairs) <= 8:
        return _("Line chart. %(pairs)s.") % {"pairs": "; ".join(pairs)}
    lowest = min(chart.rows, key=lambda row: row[1])
    highest = max(chart.rows, key=lambda row: row[1])
    return _(
        "Line chart of %(count)s values, from %(first)s to %(last)s. Lowest %(lowest)s; "
        "highest %(highest)s; latest %(latest)s."
    ) % {
        "count": len(pairs),
        "first": chart.rows[0][0],
        "last": chart.rows[-1][0],
        "lowest": pairs[chart.rows.index(lowest)],
        "highest": pairs[chart.rows.index(highest)],
        "latest": pairs[-1],
    }


def wrap(text: str, characters: int, max_lines: int = 3) -> list[str]:
    """A label broken into lines of about `characters`, at most `max_lines` (the last one cut
    short with an ellipsis; the full label is in the table)."""
    width = max(characters, 4)
    # A bracketed part ("(12 answers)") starts a line of its own rather than being split.
    parts = re.split(r" (?=\()", str(text))
    lines = [
        line for part in parts for line in textwrap.wrap(part, width, break_long_words=True)
    ] or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(characters - 1, 1)].rstrip() + "…"
    return lines


# --- Geometry ------------------------------------------------------------------------------------


def bar_drawing(chart: Chart) -> Drawing:
    """Horizontal bars, one per row, with the label before and the value after each bar."""
    values = [value for _label, value in chart.rows]
    top = max(max(values), 100 if chart.unit == "%" else 1)
    bar_start = LABEL_COLUMN + GAP
    longest = WIDTH - bar_start - VALUE_SPACE
    characters = int(LABEL_COLUMN / (FONT_SIZE * CHAR_WIDTH))
    drawing = Drawing(kind="bar", width=WIDTH, height=0)
    y = 8.0
    for label, value in chart.rows:
        lines = wrap(label, characters)
        row_height = max(BAR_HEIGHT, len(lines) * LINE_HEIGHT) + ROW_PADDING
        middle = y + row_height / 2
        length = longest * value / top if value > 0 else 0
        if value > 0:
            length = max(length, 2)  # a tiny value is still visible
            drawing.bars.append(
                Rect(bar_start, _r(middle - BAR_HEIGHT / 2), _r(length), BAR_HEIGHT)
            )
        drawing.texts.append(
            Text(
                x=LABEL_COLUMN,
                y=_r(middle - (len(lines) - 1) * LINE_HEIGHT / 2 + BASELINE),
                lines=lines,
                anchor="end",
            )
        )
        drawing.texts.append(
            Text(
                x=_r(bar_start + length + 6),
                y=_r(middle + BASELINE),
                lines=[format_value(value, chart.unit)],
                kind="value",
            )
        )
        y += row_height
    drawing.height = _r(y + 8)
    drawing.axes.append(Segment(bar_start, 4, bar_start, _r(y + 4)))
    return drawing


def line_drawing(chart: Chart) -> Drawing:
    """A trend: points joined by a line over a value axis starting at 0, with the row labels
    along the bottom and the values above the same points (all of them when there is room)."""
    values = [value for _label, value in chart.rows]
    count = len(values)
    if chart.unit == "%" and max(values) <= 100:
        step, top = 25, 100
    else:
        step = nice_step(max(values) / 4, whole=True)
        top = step * max(math.ceil(max(values) / step), 1)
    plot_width = WIDTH - PLOT_START - PLOT_END
    bottom = PLOT_TOP + PLOT_HEIGHT
    drawing = Drawing(kind="line", width=WIDTH, height=0)

    tick = 0
    while tick <= top:
        y = _r(bottom - PLOT_HEIGHT * tick / top)
        if tick:
            drawing.gridlines.append(Segment(PLOT_START, y, PLOT_START + plot_width, y))
        drawing.texts.append(
            Text(
                x=PLOT_START - 8,
                y=_r(y + BASELINE * SMALL_FONT_SIZE / FONT_SIZE),
                lines=[format_value(tick, chart.unit)],
                anchor="end",
                kind="tick",
            )
        )
        tick += step
    drawing.axes += [
        Segment(PLOT_START, PLOT_TOP, PLOT_START, bottom),
        Segment(PLOT_START, bottom, PLOT_START + plot_width, bottom),
    ]

    if count == 1:
        xs = [PLOT_START + plot_width / 2]
    else:
        span = plot_width - 2 * PLOT_PADDING
        xs = [PLOT_START + PLOT_PADDING + span * n / (count - 1) for n in range(count)]
    for x, value in zip(xs, values, strict=True):
        drawing.points.append(Point(_r(x), _r(bottom - PLOT_HEIGHT * value / top)))

    spacing = (plot_width - 2 * PLOT_PADDING) / (count - 1) if count > 1 else plot_width
    labelled = x_label_indexes(count, spacing)
    lines_used = 1
    for n in labelled:
        lines = wrap(chart.rows[n][0], X_LABEL_CHARACTERS)
        lines_used = max(lines_used, len(lines))
        drawing.texts.append(
            Text(
                x=_r(xs[n]),
                y=bottom + 22,
                lines=lines,
                anchor="middle",
                kind="tick",
                line_height=18,
            )
        )
    # Values over the labelled points only, so they never overlap; the table has every one.
    for n in labelled:
        point = drawing.points[n]
        drawing.texts.append(
            Text(
                x=point.x,
                y=_r(point.y - 12),
                lines=[format_value(values[n], chart.unit)],
                anchor="middle",
                kind="value",
            )
        )
    drawing.height = _r(bottom + 22 + (lines_used - 1) * 18 + 14)
    return drawing


def x_label_indexes(count: int, spacing: float) -> list[int]:
    """Which points get a label on the bottom axis, `spacing` units apart: all of them if there
    is room, otherwise evenly spaced ones that always include the latest."""
    every = max(math.ceil(LABEL_SLOT / spacing), 1) if spacing > 0 else 1
    chosen = list(range(0, count, every))
    if chosen[-1] != count - 1:
        if (count - 1 - chosen[-1]) * spacing >= LABEL_SLOT or len(chosen) == 1:
            chosen.append(count - 1)
        else:
            # Move the last label to the latest point rather than crowd one in beside it.
            chosen[-1] = count - 1
    return chosen


def nice_step(raw: float, whole: bool = False) -> float:
    """The smallest of 1, 2, 5 (times a power of ten) at least `raw`."""
    if raw <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            step = factor * magnitude
            return max(int(math.ceil(step)), 1) if whole else step
    return 10 * magnitude  # pragma: no cover


def mirrored(drawing: Drawing) -> Drawing:
    """The same drawing flipped left to right, for right-to-left languages. Text anchors stay
    as they are: under ``direction="rtl"`` start and end swap sides by themselves."""
    width = drawing.width

    def flip(x: float) -> float:
        return _r(width - x)

    return Drawing(
        kind=drawing.kind,
        width=width,
        height=drawing.height,
        direction="rtl",
        bars=[Rect(flip(b.x + b.width), b.y, b.width, b.height) for b in drawing.bars],
        points=[Point(flip(p.x), p.y) for p in drawing.points],
        axes=[Segment(flip(s.x1), s.y1, flip(s.x2), s.y2) for s in drawing.axes],
        gridlines=[Segment(flip(s.x1), s.y1, flip(s.x2), s.y2) for s in drawing.gridlines],
        texts=[
            Text(flip(t.x), t.y, t.lines, t.anchor, t.kind, t.line_height) for t in drawing.texts
        ],
    )


def _r(value: float) -> float:
    return round(value, 1)


def _num(value: float) -> str:
    return f"{value:g}"
