"""Search backend configuration: the database backend by default (on PostgreSQL our
language-aware subclass, search.backends.postgres), Elasticsearch 8 when ELASTICSEARCH_URL is
set. The integration test needs a live cluster and is skipped without one."""

import os
import runpy
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import Page, Site

from search.query import site_search


def settings_with(monkeypatch, **env) -> dict:
    """hub.settings.base's values as they would be with these environment variables (run as a
    fresh copy: the running settings are untouched)."""
    for name in ("ELASTICSEARCH_URL", "ELASTICSEARCH_INDEX_PREFIX", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(Path(settings.BASE_DIR) / "hub" / "settings" / "base.py"))


def test_without_a_cluster_or_postgresql_wagtails_database_backend_is_used(monkeypatch):
    backends = settings_with(monkeypatch)["WAGTAILSEARCH_BACKENDS"]
    assert backends == {
        "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}
    }


def test_on_postgresql_the_language_aware_database_backend_is_used(monkeypatch):
    backends = settings_with(monkeypatch, DATABASE_URL="postgres://user@db.example.org/hub")[
        "WAGTAILSEARCH_BACKENDS"
    ]
    assert backends == {"default": {"BACKEND": "search.backends.postgres"}}


def test_with_a_cluster_url_elasticsearch_8_is_used(monkeypatch):
    backends = settings_with(
        monkeypatch,
        ELASTICSEARCH_URL="https://search.example.org:9200",
        ELASTICSEARCH_INDEX_PREFIX="hub_test_",
    )["WAGTAILSEARCH_BACKENDS"]
    default = backends["default"]
    assert default["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert default["URLS"] == ["https://search.example.org:9200"]
    assert default["INDEX_PREFIX"] == "hub_test_"
    assert default["ATOMIC_REBUILD"] is True
    assert default["TIMEOUT"] == 5


def test_the_index_prefix_has_a_default(monkeypatch):
    backends = settings_with(monkeypatch, ELASTICSEARCH_URL="http://localhost:9200")
    assert backends["WAGTAILSEARCH_BACKENDS"]["default"]["INDEX_PREFIX"] == "sendhub_"


def test_the_elasticsearch_backend_can_be_built_from_the_settings(monkeypatch):
    pytest.importorskip("elasticsearch", reason="the elasticsearch client is not installed")
    from wagtail.search.backends import get_search_backend

    backends = settings_with(monkeypatch, ELASTICSEARCH_URL="http://localhost:9200")[
        "WAGTAILSEARCH_BACKENDS"
    ]
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        backend = get_search_backend()  # builds the client; no request is made
    assert type(backend).__module__.endswith("elasticsearch8")
    assert backend.index_prefix == "sendhub_"


# --- Against a live cluster ----------------------------------------------------------------------

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")


@pytest.mark.elasticsearch
@pytest.mark.skipif(
    not ELASTICSEARCH_URL,
    reason="ELASTICSEARCH_URL is not set: the Elasticsearch integration test needs a live cluster",
)
@pytest.mark.django_db
def test_elasticsearch_indexes_searches_and_applies_synonyms(home):
    from django.core.management import call_command

    from home.factories import InformationPageFactory
    from local_offer.factories import ServiceFactory
    from schools.factories import SchoolFactory
    from search.models import SynonymSet

    prefix = f"hubtest_{uuid.uuid4().hex[:8]}_"
    backends = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 30,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
    cache.clear()
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        from wagtail.search.backends import get_search_backend

        backend = get_search_backend()
        try:
            SynonymSet.objects.get_or_create(terms="SENCo\nSENDCo\nSENCO")
            InformationPageFactory(
                parent=home,
                title="Talking to your child's SENCo",
                slug="senco",
                summary="What the special educational needs coordinator does.",
            )
            InformationPageFactory(parent=home, title="Cookies", slug="cookies")
            from local_offer.factories import LocalOfferPageFactory
            from schools.factories import SchoolFinderPageFactory

            LocalOfferPageFactory(parent=home)
            SchoolFinderPageFactory(parent=home)
            ServiceFactory(name="Children's speech and language therapy")
            SchoolFactory(name="Oakwood Demo Primary School", town="Ashford")
            SchoolFactory(name="Closed Demo School", closed=True)
            call_command("update_index", verbosity=0)
            for model in (Page, SchoolFactory._meta.model, ServiceFactory._meta.model):
                backend.get_index_for_model(model).refresh()

            senco = site_search("SENDCo", language="en-gb")
            assert "Talking to your child's SENCo" in [hit.title for hit in senco.hits]
            assert "Cookies" not in [hit.title for hit in senco.hits]
            salt = site_search("speech therapy", language="en-gb")
            assert salt.hits and salt.hits[0].type == "service"
            school = site_search("oakwood", language="en-gb")
            assert [hit.title for hit in school.hits] == ["Oakwood Demo Primary School"]
            assert site_search("closed demo school", language="en-gb").counts["school"] == 0
        finally:
            for index_name in backend.es.indices.get(index=f"{prefix}*"):
                backend.es.indices.delete(index=index_name)
            cache.clear()
    assert Site.objects.exists()
