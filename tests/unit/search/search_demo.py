"""The demo site, built once per test module for the search tests (imported by the modules that
need it; not a conftest, so the other search tests in this folder are unaffected)."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def demo_database(django_db_setup, django_db_blocker):
    """Load the demo content inside a transaction rolled back at the end of the module. Each
    test still runs in its own nested transaction."""
    with django_db_blocker.unblock():
        cache.clear()
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo_content", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def search_demo_site(demo_database, db):
    """The demo site for one test, with search caches (synonyms, vocabulary) empty: a rolled-back
    test must not leave its words behind for the next."""
    cache.clear()
    yield
    cache.clear()
