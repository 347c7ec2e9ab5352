"""Chart geometry: bars and points in proportion, labels placed, mirrored for right to left."""

from __future__ import annotations

import pytest
from django.utils import translation

from outcomes.charts import (
    WIDTH,
    bar_drawing,
    figure,
    format_value,
    line_drawing,
    mirrored,
    wrap,
    x_label_indexes,
)
from outcomes.dashboard import Chart


def bar_chart(rows, unit="") -> Chart:
    return Chart(
        slug="bars",
        title="Bars",
        description="Some bars.",
        kind="bar",
        label_heading="Label",
        value_heading="Count",
        rows=rows,
        unit=unit,
    )


def line_chart(rows, unit="%") -> Chart:
    return Chart(
        slug="trend",
        title="Trend",
        description="A trend.",
        kind="line",
        label_heading="Month",
        value_heading="Value",
        rows=rows,
        unit=unit,
    )


def test_bars_are_in_proportion_and_each_value_is_written():
    drawing = bar_drawing(bar_chart([("A", 10), ("B", 5), ("C", 0)]))
    assert [bar.width for bar in drawing.bars] == [
        drawing.bars[0].width,
        drawing.bars[0].width / 2,
    ]
    assert drawing.bars[0].x + drawing.bars[0].width <= WIDTH
    values = [t.lines[0] for t in drawing.texts if t.kind == "value"]
    assert values == ["10", "5", "0"]
    labels = [t.lines for t in drawing.texts if t.kind == "label"]
    assert labels == [["A"], ["B"], ["C"]]
    assert drawing.view_box == f"0 0 {WIDTH} {drawing.height:g}"


def test_long_labels_wrap_and_rows_grow_to_fit():
    short = bar_drawing(bar_chart([("A", 1)]))
    long = bar_drawing(bar_chart([("A young person with someone helping them", 1)]))
    label = next(t for t in long.texts if t.kind == "label")
    assert len(label.lines) > 1
    assert " ".join(label.lines) == "A young person with someone helping them"
    assert long.height > short.height


def test_wrap_keeps_brackets_together_and_cuts_very_long_labels():
    assert wrap("March 2026 (12 answers)", 12) == ["March 2026", "(12 answers)"]
    lines = wrap("word " * 40, 10)
    assert len(lines) == 3 and lines[-1].endswith("…")


def test_a_line_chart_has_points_an_axis_and_labels():
    drawing = line_drawing(line_chart([("March", 75.0), ("April", 50.0)]))
    assert len(drawing.points) == 2
    first, second = drawing.points
    assert first.x < second.x
    # 75% is higher up (a smaller y) than 50%.
    assert first.y < second.y
    assert drawing.polyline == f"{first.x:g},{first.y:g} {second.x:g},{second.y:g}"
    assert len(drawing.axes) == 2
    ticks = [t.lines[0] for t in drawing.texts if t.kind == "tick" and t.anchor == "end"]
    assert ticks == ["0%", "25%", "50%", "75%", "100%"]
    values = [t.lines[0] for t in drawing.texts if t.kind == "value"]
    assert values == ["75%", "50%"]


def test_a_count_line_chart_gets_whole_number_ticks():
    drawing = line_drawing(line_chart([("A", 3), ("B", 7)], unit=""))
    ticks = [t.lines[0] for t in drawing.texts if t.kind == "tick" and t.anchor == "end"]
    assert ticks == ["0", "2", "4", "6", "8"]


def test_crowded_line_charts_label_some_points_always_the_latest():
    assert x_label_indexes(3, 100) == [0, 1, 2]
    chosen = x_label_indexes(24, 12)
    assert chosen[0] == 0 and chosen[-1] == 23
    gaps = [b - a for a, b in zip(chosen, chosen[1:], strict=False)]
    assert min(gaps) * 12 >= 84


def test_right_to_left_mirrors_the_drawing_and_keeps_the_anchors():
    drawing = bar_drawing(bar_chart([("A", 10), ("B", 5)]))
    flipped = mirrored(drawing)
    assert flipped.direction == "rtl"
    for before, after in zip(drawing.bars, flipped.bars, strict=True):
        assert after.x == pytest.approx(WIDTH - before.x - before.width)
        assert after.width == before.width
    for before, after in zip(drawing.texts, flipped.texts, strict=True):
        assert after.x == pytest.approx(WIDTH - before.x)
        assert after.anchor == before.anchor


def test_a_figure_has_a_summary_and_table_rows():
    result = figure(line_chart([("March", 75.0), ("April", 50.5)]))
    assert not result.empty
    assert result.table == [("March", "75%"), ("April", "50.5%")]
    assert "March: 75%" in result.summary and "April: 50.5%" in result.summary
    assert figure(bar_chart([("A", 1)]), rtl=True).drawing.direction == "rtl"


@pytest.mark.parametrize("rows", [[], [("Planned", 0), ("Done", 0)]])
def test_nothing_counted_means_no_drawing(rows):
    result = figure(bar_chart(rows))
    assert result.empty
    assert result.drawing is None
    assert result.summary == "No data yet"


def test_values_are_formatted_for_the_language():
    assert format_value(12) == "12"
    assert format_value(66.66, "%") == "66.7%"
    assert format_value(50.0, "%") == "50%"
    with translation.override("pl"):
        assert format_value(66.66, "%") == "66,7%"
