"""Synonyms and acronyms, expanded in our own code at query time.

A search for "SENDCo" becomes (SENDCo OR SENCo OR SENCO OR "special educational needs
coordinator" ...). Doing this here rather than in a backend's analyzer means the database backend
(SQLite or PostgreSQL) and Elasticsearch all see the same query, and staff edits take effect at
once without reindexing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from django.core.cache import cache
from wagtail.search.query import And, Or, Phrase, PlainText, SearchQuery

CACHE_KEY = "search:synonym-sets:v1"
CACHE_SECONDS = 60 * 60 * 24
# The longest synonym phrase we look for in a query, in words.
MAX_PHRASE_WORDS = 8
# More separate ideas than this in one search box is not a search; the rest are ignored.
MAX_CONCEPTS = 8

# Words that carry no meaning on their own. PostgreSQL's English configuration drops them and
# SQLite does not, so we drop them ourselves to get the same answer on every backend.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "do",
        "did",
        "does",
        "for",
        "from",
        "get",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "is",
        "it",
        "its",
        "me",
        "my",
        "near",
        "of",
        "on",
        "or",
        "our",
        "so",
        "that",
        "the",
        "their",
        "them",
        "there",
        "they",
        "this",
        "to",
        "us",
        "was",
        "we",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
    ]
)

_APOSTROPHE_S = re.compile(r"['’]s\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")


# Ranking and highlighting fold and stem every word of every candidate result; the same few
# thousand words come back again and again, so both remember their answers.
@lru_cache(maxsize=20_000)
def fold(text: str) -> str:
    """Lower case without accents, so "Ménage" and "menage" are the same word."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def accented_words(text: str) -> list[str]:
    """The words of `text` in lower case with their accents, no punctuation, no possessive 's
    ("people's" is "people"). What the backend is sent: PostgreSQL does not ignore accents."""
    return _WORD.findall(unicodedata.normalize("NFC", _APOSTROPHE_S.sub("", text).lower()))


def words(text: str) -> list[str]:
    """The words of `text` as our own code compares them (synonyms, spelling, ranking,
    highlighting): like accented_words, with accents removed ("ménage" is "menage")."""
    return [folded for folded in (fold(word) for word in accented_words(text)) if folded]


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """A deliberately light stemmer: plurals and -ing/-ed, enough to match "plans" to "plan"
    when we highlight and rank. (Backends do their own stemming when matching.)"""
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("es", ""), ("ed", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "es" and not word.endswith(("ses", "xes", "zes", "ches", "shes")):
                return word[:-1]
            return word[: -len(suffix)] + replacement
    return word


@dataclass
class Concept:
    """One idea in the query: the words typed, and every way of saying it (synonyms, and the
    correction when the word looks misspelt). Alternatives are tuples of words."""

    typed: tuple[str, ...]
    alternatives: list[tuple[str, ...]] = field(default_factory=list)

    def add(self, alternative: tuple[str, ...]) -> None:
        if alternative and alternative not in self.alternatives:
            self.alternatives.append(alternative)

    def as_query(self) -> SearchQuery:
        parts = [
            PlainText(alt[0]) if len(alt) == 1 else Phrase(" ".join(alt))
            for alt in self.alternatives
        ]
        return parts[0] if len(parts) == 1 else Or(parts)


def synonym_sets() -> list[list[tuple[str, ...]]]:
    """Every synonym set as lists of word tuples, cached until a set is saved or deleted."""
    sets = cache.get(CACHE_KEY)
    if sets is None:
        from search.models import SynonymSet

        sets = []
        for synonym_set in SynonymSet.objects.all():
            terms: list[tuple[str, ...]] = []
            for term in synonym_set.term_list():
                term_words = tuple(words(term))
                if term_words and term_words not in terms:
                    terms.append(term_words)
            if len(terms) > 1:
                sets.append(terms)
        cache.set(CACHE_KEY, sets, CACHE_SECONDS)
    return sets


def invalidate(**kwargs) -> None:
    """Signal receiver: forget the cached sets (a staff edit shows on the next search)."""
    cache.delete(CACHE_KEY)


def _lookup() -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Each term to every term that means the same (a term in two sets gets both)."""
    table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for terms in synonym_sets():
        for term in terms:
            merged = table.setdefault(term, [])
            merged.extend(t for t in terms if t not in merged)
    return table


def concepts(query_words: list[str]) -> list[Concept]:
    """Split the query's words into concepts: the longest synonym phrase at each point, else one
    word. Stop words on their own are dropped, unless the query is nothing but stop words."""
    table = _lookup()
    found: list[Concept] = []
    position = 0
    while position < len(query_words):
        for length in range(min(MAX_PHRASE_WORDS, len(query_words) - position), 0, -1):
            candidate = tuple(query_words[position : position + length])
            if length == 1 or candidate in table:
                break
        concept = Concept(typed=candidate)
        for alternative in table.get(candidate, [candidate]):
            concept.add(alternative)
        if candidate not in table and len(candidate) == 1:
            # "waiting" also finds "wait": SQLite has no stemming, PostgreSQL and Elasticsearch
            # do; adding the plain form here makes them agree.
            concept.add((stem(candidate[0]),))
        found.append(concept)
        position += length
    meaningful = [c for c in found if not (len(c.typed) == 1 and c.typed[0] in STOPWORDS)]
    return (meaningful or found)[:MAX_CONCEPTS]


def build_query(query_concepts: list[Concept], operator: str = "and") -> SearchQuery:
    """AND across concepts (OR when falling back), OR within each concept."""
    parts = [concept.as_query() for concept in query_concepts]
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)
