"""Which PostgreSQL text-search configuration reads content in each language.

Used by the PostgreSQL search backend (search.backends.postgres): a page is indexed with the
configuration of its language, and a search is read with the visitor's language and the
default language's. SQLite and Elasticsearch never use this table.

A configuration stems words ("copiilor" and "copii" are both "cop" in Romanian), so the wrong
one is worse than none: the English stemmer cuts Polish and Ukrainian words into stems that no
longer match their other forms. A language PostgreSQL has no stemmer for therefore gets
"simple" (lower case, no stemming, no stop words): its content is found word for word, exactly
as typed. PostgreSQL 15 has no Polish, Ukrainian, Urdu or Punjabi configuration (Polish needs
an ispell dictionary that is not shipped; Russian's stemmer would mangle Ukrainian).

The names are PostgreSQL 15's built-in configurations (`SELECT cfgname FROM pg_ts_config`);
tests/unit/search/test_language_configs.py checks that every configured content language maps
to one that exists.
"""

from __future__ import annotations

# Language code (or its primary subtag: "en-gb" -> "en") -> configuration name.
TEXT_SEARCH_CONFIGS = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
    # Site languages with no stemmer in PostgreSQL: said here so nobody wonders.
    "pa": "simple",
    "pl": "simple",
    "uk": "simple",
    "ur": "simple",
}
UNKNOWN_LANGUAGE_CONFIG = "simple"


def text_search_config(language_code: str | None) -> str:
    """The configuration for content or a query in `language_code` ("simple" if none fits)."""
    code = (language_code or "").lower().replace("_", "-")
    if code in TEXT_SEARCH_CONFIGS:
        return TEXT_SEARCH_CONFIGS[code]
    return TEXT_SEARCH_CONFIGS.get(code.split("-")[0], UNKNOWN_LANGUAGE_CONFIG)
