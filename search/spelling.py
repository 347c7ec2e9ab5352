"""Spelling, for "did you mean": corrections drawn from the site's own words, not a dictionary,
so "canterbery" becomes "canterbury" and "dyslexcia" becomes "dyslexia" but a school's odd name
is left alone.

The vocabulary is built from what people can find (live page titles and summaries, service names
and descriptions, open schools' names and towns, Communities of Schools, synonym terms), cached
for a day and forgotten whenever any of those is published, saved or deleted.
"""

from __future__ import annotations

import difflib
from collections import defaultdict

from django.core.cache import cache

from search.synonyms import accented_words, fold, stem, synonym_sets

CACHE_KEY = "search:vocabulary:v1"
CACHE_SECONDS = 60 * 60 * 24
# Words shorter than this are left as typed: one letter in four is too much to guess at, and
# short words are often names the site does not have ("st john's" is not "st join").
MIN_WORD_LENGTH = 5
# How alike a word and its correction must be (difflib ratio, 0 to 1).
CUTOFF = 0.75


def _texts():
    from wagtail.models import Page

    from local_offer.models import Service
    from schools.models import CommunityOfSchools, School
    from search.sources import _summary_annotation

    pages = (
        Page.objects.live()
        .filter(depth__gt=1)
        .annotate(search_summary=_summary_annotation())
        .values_list("title", "search_summary")
    )
    for title, summary in pages.iterator():
        yield title
        yield summary or ""
    for name, description in Service.objects.filter(live=True).values_list("name", "description"):
        yield name
        yield description
    for name, town in School.objects.filter(closed=False).values_list("name", "town"):
        yield name
        yield town
    yield from CommunityOfSchools.objects.values_list("name", flat=True)
    yield from CommunityOfSchools.objects.values_list("area", flat=True)
    for terms in synonym_sets():
        for term in terms:
            yield " ".join(term)


def vocabulary() -> dict:
    """The site's words: `known` (a set), their `stems`, and `by_length` (corrections are looked
    for among words of similar length)."""
    built = cache.get(CACHE_KEY)
    if built is None:
        known: set[str] = set()
        accents: dict[str, set[str]] = defaultdict(set)
        for text in _texts():
            for word in accented_words(text or ""):
                folded = fold(word)
                if folded and not folded.isdigit():
                    known.add(folded)
                    if folded != word:
                        accents[folded].add(word)
        by_length: dict[int, list[str]] = defaultdict(list)
        for word in sorted(known):
            by_length[len(word)].append(word)
        built = {
            "known": known,
            "stems": {stem(word) for word in known},
            "by_length": dict(by_length),
            "accents": {folded: sorted(variants) for folded, variants in accents.items()},
        }
        cache.set(CACHE_KEY, built, CACHE_SECONDS)
    return built


def accented_forms(word: str) -> list[str]:
    """How the site spells a word typed without accents: "menage" -> ["ménage"]."""
    return vocabulary()["accents"].get(word, [])


def invalidate(**kwargs) -> None:
    """Signal receiver: something searchable changed, so rebuild the vocabulary next time."""
    cache.delete(CACHE_KEY)


def corrections(query_words: list[str]) -> dict[str, str]:
    """A correction for each word that is not one of the site's words (nor a plural or other
    simple form of one) and is close to one that is."""
    built = vocabulary()
    known, known_stems, by_length = built["known"], built["stems"], built["by_length"]
    found = {}
    for word in query_words:
        if (
            len(word) < MIN_WORD_LENGTH
            or word.isdigit()
            or word in known
            or stem(word) in known_stems
        ):
            continue
        nearby = [
            candidate
            for length in range(len(word) - 2, len(word) + 3)
            for candidate in by_length.get(length, [])
        ]
        match = difflib.get_close_matches(word, nearby, n=1, cutoff=CUTOFF)
        if match:
            found[word] = match[0]
    return found
