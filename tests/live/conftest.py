"""Fixtures for the live layer: a published questionnaire in the test database, and gunicorn
serving it from that database in other processes.

The tests are transactional (data committed, tables emptied afterwards) so that gunicorn's
workers, which have their own connections, see what the test made. They need PostgreSQL: SQLite
serialises every write, so it could not show a race, and a file database could not be cut off.
"""

import pytest
from django.db import connection
from gunicorn_server import GunicornServer, database_url
from questionnaire_walker import durability_questionnaire
from site_home import restore_root_and_site

from consultations.factories import ConsultationPageFactory
from outcomes.factories import AmbitionFactory

# 127.0.0.1 is every simulated person's address; the limit (60 an hour by default) is raised as a
# council would for an event where many families answer from behind one address.
SUBMISSIONS_PER_HOUR = "100000"


@pytest.fixture(autouse=True)
def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip(
            "The live layer needs PostgreSQL (SQLite serialises writes and cannot be cut off): "
            "run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name>"
        )


@pytest.fixture(autouse=True)
def root_and_site(needs_postgresql, transactional_db):
    restore_root_and_site()


@pytest.fixture
def live_consultation(home):
    """A published consultation whose questionnaire has four steps, most question types, an
    ambition tag and a skip-logic branch (step 3 only for people whose child goes to school)."""
    ambition = AmbitionFactory(number=1, title="My independence")
    page = ConsultationPageFactory(
        parent=home,
        title="Have your say on short breaks",
        slug="short-breaks",
        questionnaire=durability_questionnaire(ambition.pk),
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def test_database_url(transactional_db) -> str:
    """The test database pytest-django made, as a DATABASE_URL for another process."""
    return database_url(connection.settings_dict)


@pytest.fixture
def start_gunicorn(transactional_db, tmp_path):
    """Starts gunicorn on a free port with a given DATABASE_URL; stops it after the test, before
    the tables are emptied (the workers' connections would block that)."""
    servers: list[GunicornServer] = []

    def start(url: str, workers: int = 4) -> GunicornServer:
        server = GunicornServer(
            database_url=url,
            workers=workers,
            log_path=tmp_path / f"gunicorn-{len(servers)}.log",
            extra_env={"CONSULTATION_SUBMISSIONS_PER_HOUR": SUBMISSIONS_PER_HOUR},
        )
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()
