"""Finding the searched-for words in a result's text: for ranking, for the snippet window shown
under each result and for the <mark> highlights (escaped first, marks added after)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.synonyms import _APOSTROPHE_S, _WORD, fold, stem

WINDOW = 220  # characters of context shown under a result
ELLIPSIS = "…"


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """(stemmed word, start, end) for each word of `text`, with offsets into `text` itself.

    Folding can change a string's length (ligatures), so words are found in the original text
    and folded one at a time."""
    found = []
    for match in _WORD.finditer(text):
        folded = fold(_APOSTROPHE_S.sub("", match.group()))
        if folded:
            found.append((stem(folded), match.start(), match.end()))
    return found


def _stemmed_terms(terms: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return [tuple(stem(word) for word in term) for term in terms if term]


def spans(text: str, terms: Iterable[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Character ranges of `text` where any term (a tuple of words) occurs, longest first at each
    point, not overlapping."""
    if not text:
        return []
    tokens = _tokens(text)
    stemmed = sorted(set(_stemmed_terms(terms)), key=len, reverse=True)
    found: list[tuple[int, int]] = []
    index = 0
    while index < len(tokens):
        for term in stemmed:
            end = index + len(term)
            if end <= len(tokens) and all(
                tokens[index + offset][0] == word for offset, word in enumerate(term)
            ):
                found.append((tokens[index][1], tokens[end - 1][2]))
                index = end
                break
        else:
            index += 1
    return found


class TermMatcher:
    """Which of several groups of terms occur in a text, reading the text once.

    Ranking asks this of every candidate's title, summary and extra line for each concept of the
    query; `spans` per concept would split the same text into words again each time."""

    def __init__(self, groups: Iterable[Iterable[tuple[str, ...]]]):
        self.groups = [_stemmed_terms(terms) for terms in groups]

    def found(self, text: str) -> list[bool]:
        """For each group, whether any of its terms occurs in `text` as whole words."""
        stems = [token[0] for token in _tokens(text)] if text else []
        present = set(stems)
        return [any(_occurs(term, stems, present) for term in group) for group in self.groups]


def _occurs(term: tuple[str, ...], stems: list[str], present: set[str]) -> bool:
    if not all(word in present for word in term):
        return False
    if len(term) == 1:
        return True
    return any(
        tuple(stems[start : start + len(term)]) == term
        for start in range(len(stems) - len(term) + 1)
    )


def window(text: str, terms: Iterable[tuple[str, ...]], width: int = WINDOW) -> str:
    """About `width` characters of `text` around the first matched term (the start when nothing
    matches), cut at word boundaries, with ellipses where text was left out."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    found = spans(text, terms)
    anchor = found[0][0] if found else 0
    end = min(len(text), max(0, anchor - width // 3) + width)
    start = max(0, end - width)
    if start > 0:
        space = text.find(" ", start, anchor)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", max(start, anchor), end)
        end = space if space != -1 else end
    return (
        (ELLIPSIS if start else "")
        + text[start:end].strip()
        + (ELLIPSIS if end < len(text) else "")
    )


def highlight(text: str, terms: Iterable[tuple[str, ...]]) -> SafeString:
    """`text` escaped for HTML, with <mark> around each matched term. Only the marks are ours:
    everything that came from the content is escaped."""
    parts, position = [], 0
    for start, end in spans(text, terms):
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of content above is escaped
