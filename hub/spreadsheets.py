"""Cells for CSV and spreadsheet downloads that a spreadsheet program shows as text.

A spreadsheet runs a cell that starts with one of FORMULA_STARTS as a formula (OWASP "CSV
injection"; tab and carriage return may be stripped first). Anything typed by the public or by
staff (answers, search queries, names, chart labels) goes through `safe_cell` on its way out.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """`value` as text, with a leading apostrophe if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
