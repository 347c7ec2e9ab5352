"""One search over the whole site: the contract between the search engine code and the results
page, and the engine itself (`site_search`).

Everything the results page shows comes from `site_search`, in a fixed number of queries
whatever the amount of content, on whichever Wagtail search backend is configured.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils import translation

from search.snippets import TermMatcher, window

if TYPE_CHECKING:
    from search.sources import Candidate

# The kinds of result, in the order their filter options are shown. Keys are stable (they are
# the `type` URL parameter).
RESULT_TYPES = ["page", "service", "school", "community", "consultation", "update"]


@dataclass
class Hit:
    type: str  # one of RESULT_TYPES
    title: str
    url: str
    snippet: str  # plain text around the matched words (escaped and highlighted by the template)
    language: str = ""  # the language code of the content when it differs from the page's
    meta: str = ""  # a short extra line: a service's organisation, a school's town and phase


@dataclass
class SearchOutcome:
    hits: list[Hit]  # this page of results
    total: int  # all results for the chosen type (or every type)
    counts: dict[str, int]  # results per type, for the filter options
    terms: list[str] = field(default_factory=list)  # words to highlight (synonyms included)
    suggestion: str = ""  # "did you mean", when the query looks misspelt
    promoted: list[Hit] = field(default_factory=list)  # editors' picks for this query
    # No result had every word of the query, so these are results with any of them.
    any_word: bool = False


# --- The engine ----------------------------------------------------------------------------------

MAX_QUERY_LENGTH = 100

# Families come for services and guidance first; schools and communities are found by name, which
# scores highly anyway. Multiplies each result's relevance.
TYPE_BOOST = {
    "service": 1.3,
    "page": 1.2,
    "consultation": 1.0,
    "update": 1.0,
    "community": 0.9,
    "school": 0.9,
}
# Points for where a concept was found: in the title, in the text shown under it, or only in
# the body the backend matched.
IN_TITLE, IN_SNIPPET, IN_BODY = 3.0, 1.5, 0.5
WHOLE_QUERY_IN_TITLE = 2.0
TITLE_IS_QUERY = 2.0
ACTIVE_LANGUAGE_BONUS = 0.25


def clean_query(raw: str | None, *, max_words: int | None = None, lower: bool = False) -> str:
    """What we search for: no NUL or other control or format characters, single spaces, at most
    MAX_QUERY_LENGTH characters (and at most `max_words` words; in lower case with `lower`).

    The one definition of a clean query: the results page, the autocomplete (search.suggest)
    and the search log (search.insights) all use it."""
    if not isinstance(raw, str):
        return ""
    text = unicodedata.normalize("NFC", raw[: MAX_QUERY_LENGTH * 10])
    if lower:
        text = text.lower()
    # Not printable: control, format, surrogate and unassigned characters, and every separator
    # but the plain space (Unicode categories C and Z).
    parts = "".join(char if char.isprintable() else " " for char in text).split()
    return " ".join(parts[:max_words])[:MAX_QUERY_LENGTH].strip()


def site_search(
    query: str,
    *,
    language: str,
    result_type: str | None = None,
    page: int = 1,
    per_page: int = 10,
) -> SearchOutcome:
    """Search everything a family or SENCo can find, in `language` first.

    One search per kind of result (so the counts for the filters come free), AND across the
    query's concepts with synonyms OR'ed inside each, falling back to OR when AND finds nothing.
    Results are merged by a relevance score computed here from the titles and summaries, so the
    order does not depend on which backend is configured.
    """
    from search import sources, spelling, synonyms

    text = clean_query(query)
    per_page = max(1, per_page)
    if result_type not in RESULT_TYPES:
        result_type = None
    outcome = SearchOutcome(hits=[], total=0, counts=dict.fromkeys(RESULT_TYPES, 0))
    typed_words = synonyms.words(text)
    if not typed_words:
        return outcome

    fixes = spelling.corrections(typed_words)
    corrected_words = [fixes.get(word, word) for word in typed_words]
    concepts = synonyms.concepts(corrected_words)
    accented = dict(zip(typed_words, synonyms.accented_words(text), strict=False))
    for concept in concepts:
        if len(concept.typed) != 1:
            continue
        word = concept.typed[0]
        # A corrected word is searched for as typed too: it may be a name we do not know.
        for original, fixed in fixes.items():
            if fixed == word:
                concept.add((original,))
        # Accents: the backend gets the word as typed ("opiekuńczych") and as the site spells
        # it ("ménage" for "menage"), since PostgreSQL, unlike SQLite, does not ignore accents.
        for variant in (accented.get(word, word), *spelling.accented_forms(word)):
            concept.add((variant,))

    scope = _scope(language)
    routes = sources.route_pages(scope)
    found = _search_every_type(sources, concepts, scope, routes, "and")
    if not any(found.values()) and len(concepts) > 1:
        found = _search_every_type(sources, concepts, scope, routes, "or")
        outcome.any_word = any(found.values())

    promoted = _promotions(text, scope)
    promoted_keys = {candidate.key for candidate in promoted}
    matcher = TermMatcher([*(c.alternatives for c in concepts), [tuple(corrected_words)]])
    scored: list[tuple[float, Candidate]] = []
    for kind, candidates in found.items():
        unique = _one_per_translation(c for c in candidates if c.key not in promoted_keys)
        outcome.counts[kind] = len(unique)
        if result_type in (None, kind):
            scored.extend((_relevance(c, matcher, corrected_words), c) for c in unique)
    scored.sort(key=lambda pair: (-pair[0], pair[1].hit.title.lower()))

    outcome.total = len(scored)
    last_page = max(1, -(-outcome.total // per_page))
    page = min(max(1, page), last_page)
    terms = [alt for concept in concepts for alt in concept.alternatives]
    outcome.terms = [" ".join(term) for term in terms]
    for _score, candidate in scored[(page - 1) * per_page : page * per_page]:
        hit = candidate.resolve_url()
        hit.snippet = window(hit.snippet, terms)
        outcome.hits.append(hit)
    if page == 1 and result_type in (None, "page", "consultation", "update"):
        for candidate in promoted:
            candidate.hit.snippet = window(candidate.hit.snippet, terms)
            outcome.promoted.append(candidate.resolve_url())
    if fixes and (outcome.total or outcome.promoted):
        outcome.suggestion = " ".join(corrected_words)
    return outcome


def _scope(language: str):
    from django.conf import settings
    from django.utils.translation import get_supported_language_variant
    from wagtail.models import Locale

    from search.sources import Scope

    default = get_supported_language_variant(settings.LANGUAGE_CODE)
    try:
        active = get_supported_language_variant(language)
    except LookupError:
        active = default
    locales = dict(
        Locale.objects.filter(language_code__in={active, default}).values_list(
            "language_code", "pk"
        )
    )
    default_id = locales.get(default) or min(locales.values(), default=0)
    return Scope(
        language=active,
        default_language=default,
        active_locale_id=locales.get(active, default_id),
        default_locale_id=default_id,
    )


def _search_every_type(sources, concepts, scope, routes, operator: str) -> dict:
    from search.synonyms import build_query

    search_query = build_query(concepts, operator)
    found = {}
    # In the visitor's language, whoever calls: on PostgreSQL the query is stemmed in the active
    # language as well as the default one (search.backends.postgres).
    with translation.override(scope.language):
        for source in sources.SOURCES:
            found.update(source(search_query, scope, routes))
    return {kind: found.get(kind, []) for kind in RESULT_TYPES}


def _one_per_translation(candidates) -> list:
    """The visitor's-language copy of anything found in both languages (else the default)."""
    chosen: dict[str, object] = {}
    for candidate in candidates:
        current = chosen.get(candidate.key)
        if current is None or _preference(candidate) > _preference(current):
            chosen[candidate.key] = candidate
    return list(chosen.values())


def _preference(candidate) -> tuple[bool, bool]:
    return (candidate.in_active_language, candidate.at_visitor_address)


def _relevance(candidate, matcher: TermMatcher, query_words: list[str]) -> float:
    """`matcher` holds one group of terms per concept of the query, then the whole query."""
    from search.synonyms import words

    hit = candidate.hit
    in_title = matcher.found(hit.title)
    in_summary = None  # read only when some concept is not in the title
    score = 0.0
    for index in range(len(matcher.groups) - 1):
        if in_title[index]:
            score += IN_TITLE
            continue
        if in_summary is None:
            in_summary = [
                meta or snippet
                for meta, snippet in zip(
                    matcher.found(hit.meta), matcher.found(hit.snippet), strict=True
                )
            ]
        score += IN_SNIPPET if in_summary[index] else IN_BODY
    # (A title that is the query contains it, so only those titles are split into words.)
    if in_title[-1]:
        score += WHOLE_QUERY_IN_TITLE
        if words(hit.title) == query_words:
            score += TITLE_IS_QUERY
    score *= TYPE_BOOST.get(hit.type, 1.0)
    # The backend's own order breaks ties between results our scoring cannot tell apart.
    score += 1.0 / (2 + candidate.position)
    if candidate.in_active_language:
        score += ACTIVE_LANGUAGE_BONUS
    return score


def _promotions(text: str, scope) -> list:
    """Editors' picks (wagtail.contrib.search_promotions) for exactly this query, in the
    visitor's language where the page has been translated. Two queries at most."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    from search.sources import Candidate, page_candidate, page_queryset, page_type_of

    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(text))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    if not promotions:
        return []
    keys = [p.page.translation_key for p in promotions if p.page_id]
    pages: dict = {}
    if keys:
        for found in page_queryset(scope, include_special=True).filter(translation_key__in=keys):
            current = pages.get(found.translation_key)
            if current is None or found.locale_id == scope.active_locale_id:
                pages[found.translation_key] = found
    chosen = []
    for promotion in promotions:
        if promotion.page_id:
            found = pages.get(promotion.page.translation_key)
            if found is None:
                continue  # not live, or private
            candidate = page_candidate(found, scope, page_type_of(found), len(chosen))
            if promotion.description:
                candidate.hit.snippet = promotion.description
        elif promotion.external_link_url:
            candidate = Candidate(
                hit=Hit(
                    type="page",
                    title=promotion.external_link_text or promotion.external_link_url,
                    url=promotion.external_link_url,
                    snippet=promotion.description,
                ),
                key=f"link:{promotion.external_link_url}",
                in_active_language=True,
                position=len(chosen),
            )
        else:
            continue
        chosen.append(candidate)
    return chosen
