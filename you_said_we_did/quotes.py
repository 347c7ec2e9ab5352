"""Anonymising a quote taken from an answer before it appears on a public page."""

from __future__ import annotations

import re

# Things that identify someone and can be found mechanically. Names cannot, so editors are told to
# read every quote before publishing.
PATTERNS = [
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "[email removed]"),
    (re.compile(r"(?<!\w)(\+44\s?|0)(\d[\s-]?){9,10}(?!\w)"), "[phone number removed]"),
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE), "[postcode removed]"),
    (re.compile(r"https?://\S+"), "[link removed]"),
]


def anonymise(text: str) -> str:
    text = " ".join((text or "").split())
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text
