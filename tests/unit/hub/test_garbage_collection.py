"""hub.garbage_collection: web processes freeze their long-lived objects after warming up."""

import gc

import pytest

from hub.garbage_collection import FreezeAfterWarmUp


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]


def test_objects_are_frozen_after_the_warm_up_and_only_then(unfrozen):
    wrapped = FreezeAfterWarmUp(app, after=3)
    calls = [wrapped({}, lambda status, headers: None) for _ in range(2)]
    assert calls == [[b"ok"], [b"ok"]]
    assert gc.get_freeze_count() == 0
    wrapped({}, lambda status, headers: None)
    assert gc.get_freeze_count() > 0


def test_the_project_application_is_wrapped():
    from hub.wsgi import application

    assert isinstance(application, FreezeAfterWarmUp)
