"""Text normalisation shared by the importer and the school finder.

Parents type "st johns" for "St John's C of E Primary School" and "ct12bp" for "CT1 2BP"; both
sides are folded the same way so a plain substring match finds them on any database backend.
"""

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter plus an accent.
LIGATURES = str.maketrans({"æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ø": "o"})
APOSTROPHES = re.compile(r"['’‘`]")
NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, accents and apostrophes removed, other punctuation turned into spaces."""
    text = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = APOSTROPHES.sub("", text)
    return NOT_WORD.sub(" ", text).strip()


def compact_postcode(postcode: str) -> str:
    """'CT1 2BP' -> 'CT12BP', so a postcode matches however it is spaced."""
    return re.sub(r"\s+", "", postcode).upper()


def search_key(*parts: str) -> str:
    """The text a school is found by: its folded name and town, and its postcode without
    spaces, each word separated by one space."""
    words = [fold(part) for part in parts if part]
    return " ".join(word for word in words if word)
