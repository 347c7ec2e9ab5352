"""One search over the whole site: the contract between the search engine code and the results
page. (Being built for issue 7; the engine side fills in `site_search`.)

Everything the results page shows comes from `site_search`, in a fixed number of queries
whatever the amount of content, on whichever Wagtail search backend is configured.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    score: float = 0.0
    meta: str = ""  # a short extra line: a service's organisation, a school's town and phase


@dataclass
class SearchOutcome:
    query: str
    hits: list[Hit]  # this page of results
    total: int  # all results for the chosen type (or every type)
    counts: dict[str, int]  # results per type, for the filter options
    terms: list[str] = field(default_factory=list)  # words to highlight (synonyms included)
    suggestion: str = ""  # "did you mean", when the query looks misspelt
    promoted: list[Hit] = field(default_factory=list)  # editors' picks for this query
