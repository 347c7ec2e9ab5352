import pytest
from dashboard_world import build_world


@pytest.fixture
def world(home):
    """The hand-built data set in dashboard_world.py, with the numbers each chart should show."""
    return build_world(home)
