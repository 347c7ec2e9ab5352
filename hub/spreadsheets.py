"""Cells for CSV and spreadsheet downloads that a spreadsheet program shows as text.

A spreadsheet runs a cell that starts with one of FORMULA_STARTS as a formula (OWASP "CSV
injection"; tab and carriage return may be stripped first). Anything typed by the public or by
staff (answers, search queries, names, chart labels) goes through `safe_cell` on its way out.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters XML 1.0 cannot hold, so an .xlsx file cannot either (openpyxl refuses a cell
# with one). People do not type them, but a pasted answer can carry one.
NOT_IN_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_cell(value) -> str:
    """`value` as text, with a leading apostrophe if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_xlsx_cell(value) -> str:
    """`safe_cell` for .xlsx files: characters the format cannot hold become U+FFFD first (so
    one cannot hide a formula from the check), and the rest of the text is kept."""
    text = "" if value is None else str(value)
    return safe_cell(NOT_IN_XLSX.sub("\ufffd", text))
