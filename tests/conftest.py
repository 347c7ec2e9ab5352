"""Fixtures shared by every test layer."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation
from site_home import make_home


@pytest.fixture
def home(db):
    """A fresh home page at the root of the default site, with council settings."""
    return make_home()


@pytest.fixture
def count_queries(client):
    """Returns a function giving the number of queries a GET of `url` costs.

    The page is fetched once first so per-process caches (content types, site root paths) are
    not counted against it.
    """
    from django.test.utils import CaptureQueriesContext

    def count(url: str) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, f"{url} returned {response.status_code}"
        return len(captured)

    return count


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache (the test settings' in-process one): rate-limit and
    lockout counters, kept pages and counts, and Wagtail's site root paths must not leak from
    one test into the next."""
    from django.core.cache import caches

    caches["default"].clear()


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """Put the default language back after each test.

    A request to a /pl/ or /ur/ address leaves that language active in the test process (the
    locale middleware activates it and nothing deactivates it), so a later test rendering a form
    or a chart would get Polish words and number formats.
    """
    yield
    translation.deactivate()


class Migrator:
    """Moves the test database's schema to a migration and back (for data-migration tests)."""

    def __init__(self):
        self.executor = MigrationExecutor(connection)

    def migrate(self, target):
        """Move the database to `target` and return the models as they were there."""
        self.executor.loader.build_graph()
        self.executor.migrate([target])
        self.executor.loader.build_graph()
        return self.executor.loader.project_state([target]).apps

    def latest(self):
        self.executor.loader.build_graph()
        self.executor.migrate(self.executor.loader.graph.leaf_nodes())


@pytest.fixture
def migrator(transactional_db):
    """A Migrator; the database is put back on the newest migrations afterwards."""
    migrator = Migrator()
    yield migrator
    # Every other test expects the newest schema.
    migrator.latest()
