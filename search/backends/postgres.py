"""Wagtail's PostgreSQL search backend, reading each language with its own text-search
configuration (issue 7; docs/decisions/0009-one-site-search.md).

Chosen in hub/settings/base.py only when the database is PostgreSQL; SQLite and Elasticsearch
use Wagtail's own backends unchanged. Wagtail's backend (the `modelsearch` package) takes one
configuration for the whole index; this subclass changes two things:

- Indexing: each object's words are stemmed with the configuration of its language
  (search.text_search_configs): a page's or translatable snippet's locale, the original's
  locale for an alias page (its text is the original's), and the default language for
  anything without a locale (schools, communities, images, documents).
- Searching: the query is read with the default language's configuration OR the active
  language's, so a Polish visitor finds Polish pages by their words and English pages (those
  not translated yet) by English stems. The active language is Django's (search.query sets it
  to the visitor's for the site search).

Autocomplete searches keep Wagtail's "simple" configuration, as before.
"""

from __future__ import annotations

import copy

from django.conf import settings
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.models import Locale, Page, TranslatableMixin

from search.text_search_configs import text_search_config


class LanguageAwarePostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery(self, query, config=None):
        """`config` is the default language's (the backend's). Every part of the query, and
        each term ranked on its own, goes through here."""
        in_default = super().build_tsquery(query, config=config)
        active = text_search_config(translation.get_language() or settings.LANGUAGE_CODE)
        if active == config or in_default is None:
            return in_default
        # Default first: the combined query keeps its configuration.
        return in_default | super().build_tsquery(query, config=active)


class LanguageAwarePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Wagtail's indexer takes the configuration from the backend, so the objects are
        indexed in one batch per configuration, each with a copy of the backend set to it."""
        objs = list(objs)
        batches: dict[str, list] = {}
        for obj, config in zip(objs, self._configs(objs), strict=True):
            batches.setdefault(config, []).append(obj)
        for config, batch in batches.items():
            index = copy.copy(self)
            index.backend = copy.copy(self.backend)
            index.backend.config = config
            PostgresIndex.add_items(index, model, batch)

    def _configs(self, objs: list) -> list[str]:
        """Each object's configuration, in at most two queries for the whole batch."""
        default = self.backend.config
        translatable = [obj for obj in objs if isinstance(obj, TranslatableMixin)]
        if not translatable:
            return [default] * len(objs)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        alias_ids = {obj.alias_of_id for obj in translatable if getattr(obj, "alias_of_id", None)}
        original_locales = (
            dict(Page.objects.filter(pk__in=alias_ids).values_list("pk", "locale_id"))
            if alias_ids
            else {}
        )
        configs = []
        for obj in objs:
            if not isinstance(obj, TranslatableMixin):
                configs.append(default)
                continue
            alias_of_id = getattr(obj, "alias_of_id", None)
            locale_id = original_locales.get(alias_of_id, obj.locale_id)
            language = languages.get(locale_id)
            configs.append(text_search_config(language) if language else default)
        return configs


class LanguageAwarePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = LanguageAwarePostgresSearchQueryCompiler
    index_class = LanguageAwarePostgresIndex

    def __init__(self, params):
        super().__init__(params)
        # The default language's configuration: for content without a language, and for every
        # query (with the active language's). Derived, not a setting, so the two cannot differ.
        self.config = text_search_config(settings.LANGUAGE_CODE)


SearchBackend = LanguageAwarePostgresSearchBackend
