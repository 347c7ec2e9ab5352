"""Language-aware PostgreSQL full-text search (issue 7): each page is indexed with the text-search
configuration of its language, and a search is read in the visitor's language and the default
one (search.text_search_configs, search.backends.postgres).

The table's own rules run everywhere; the rest needs PostgreSQL (SQLite's full-text search has
no per-language stemming, and this project leaves it as it was). CI runs them with
DATABASE_URL=postgres://…
"""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from home.factories import InformationPageFactory, paragraph_body
from search.query import site_search
from search.text_search_configs import TEXT_SEARCH_CONFIGS, text_search_config

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Per-language text-search configurations are a PostgreSQL feature; SQLite keeps "
    "Wagtail's own backend. CI runs these with DATABASE_URL=postgres://…",
)


# --- The table, no database ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "config"),
    [
        ("en-gb", "english"),
        ("en", "english"),
        ("ro", "romanian"),
        ("ar", "arabic"),
        ("ne", "nepali"),
        ("pt-br", "portuguese"),
        ("pl", "simple"),
        ("uk", "simple"),
        ("ur", "simple"),
        ("pa", "simple"),
        ("xx", "simple"),
        ("", "simple"),
        (None, "simple"),
    ],
)
def test_each_language_has_a_configuration_and_unknown_ones_are_simple(code, config):
    assert text_search_config(code) == config


# --- On PostgreSQL ------------------------------------------------------------------------------


def _postgres_configs() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        return {name for (name,) in cursor.fetchall()}


@postgres_only
@pytest.mark.django_db
def test_every_configuration_named_exists_in_postgresql():
    existing = _postgres_configs()
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        assert text_search_config(code) in existing, code
    assert set(TEXT_SEARCH_CONFIGS.values()) <= existing


@postgres_only
def test_the_settings_choose_the_language_aware_backend():
    from search.backends.postgres import LanguageAwarePostgresSearchBackend

    backend = get_search_backend()
    assert isinstance(backend, LanguageAwarePostgresSearchBackend)
    assert backend.config == text_search_config(settings.LANGUAGE_CODE) == "english"
    assert backend.autocomplete_config == "simple"


@pytest.fixture
def home_in(home):
    """The home page translated into a language, live, for pages in that language to hang off."""

    def translated(code: str):
        page = home.copy_for_translation(Locale.objects.get(language_code=code))
        page.save_revision().publish()
        return page

    return translated


def titles(query: str, language: str) -> list[str]:
    return [hit.title for hit in site_search(query, language=language).hits]


def _lexemes(page, field: str = "body") -> str:
    """The page's title or body as PostgreSQL indexed it (a tsvector's text)."""
    from wagtail.search.models import IndexEntry

    entry = IndexEntry.objects.get(content_type_id=page.content_type_id, object_id=str(page.pk))
    return str(getattr(entry, field))


@postgres_only
def test_a_romanian_page_is_found_by_another_form_of_its_word(home_in):
    # "copiilor" (the children's) and "copii" (children) share a stem only in Romanian.
    page = InformationPageFactory(
        parent=home_in("ro"),
        title="Sprijin la școală",
        summary="Ce puteți cere școlii.",
        body=paragraph_body("Terapia copiilor cu autism."),
    )
    assert page.locale.language_code == "ro"
    assert "Sprijin la școală" in titles("copii", "ro")
    assert "'cop'" in _lexemes(page)


@postgres_only
def test_an_arabic_page_is_found_by_another_form_of_its_word(home_in):
    # "للأطفال" (for the children) and "الأطفال" (the children) share a stem only in Arabic.
    InformationPageFactory(
        parent=home_in("ar"),
        title="الدعم في المدرسة",
        summary="ما يمكنك طلبه من المدرسة.",
        body=paragraph_body("العلاج للأطفال المصابين بالتوحد."),
    )
    assert "الدعم في المدرسة" in titles("الأطفال", "ar")


@postgres_only
def test_a_polish_page_is_found_by_its_exact_words_and_not_stemmed_as_english(home_in):
    page = InformationPageFactory(
        parent=home_in("pl"),
        title="Wsparcie w szkole",
        summary="O co można poprosić szkołę.",
        body=paragraph_body("Terapia dla dzieci z autyzmem."),
    )
    assert "Wsparcie w szkole" in titles("autyzmem", "pl")
    assert "Wsparcie w szkole" in titles("wsparcie", "pl")
    # Indexed as written ("simple"), not cut by the English stemmer into "wsparci".
    assert "'wsparcie'" in _lexemes(page, "title")


@postgres_only
def test_english_content_is_still_found_by_english_stems_from_a_polish_search(client, home_in):
    home_in("pl")
    InformationPageFactory(
        title="Help with speech", body=paragraph_body("Therapies for children who stammer.")
    )
    # "therapy" meets "therapies" only through the English stemmer.
    assert "Help with speech" in titles("therapy", "pl")
    html = client.get("/pl/search/", {"q": "therapy"}).content.decode()
    assert "Help with speech" in html


@postgres_only
def test_an_alias_is_indexed_in_the_language_of_its_text(home):
    english = InformationPageFactory(
        title="Help with speech", body=paragraph_body("Therapies for children who stammer.")
    )
    polish_home = home.copy_for_translation(Locale.objects.get(language_code="pl"), alias=True)
    alias = english.copy_for_translation(polish_home.locale, alias=True)
    assert alias.alias_of_id == english.pk
    # The alias shows the English text, so it is stemmed as English ("therapi"), not as written.
    assert "'therapi'" in _lexemes(alias)


@postgres_only
def test_update_index_indexes_each_language_with_its_configuration(home_in):
    romanian = InformationPageFactory(
        parent=home_in("ro"), title="Sprijin", body=paragraph_body("Terapia copiilor.")
    )
    english = InformationPageFactory(title="Speech", body=paragraph_body("Therapies."))
    call_command("update_index", verbosity=0)
    assert "'cop'" in _lexemes(romanian)
    assert "'therapi'" in _lexemes(english)
    assert "Sprijin" in titles("copii", "ro")
