"""hub.page_cache.remember: costly figures kept until content changes or they expire."""

import pytest

from hub.page_cache import store
from hub.page_cache.remember import remember

pytestmark = pytest.mark.django_db


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return f"value {self.calls}"


def test_a_kept_value_is_not_computed_again():
    compute = Counter()
    assert remember("k", compute, 60) == "value 1"
    assert remember("k", compute, 60) == "value 1"
    assert compute.calls == 1


def test_keys_are_kept_apart():
    compute = Counter()
    remember("a", compute, 60)
    remember("b", compute, 60)
    assert compute.calls == 2


def test_a_content_change_has_it_computed_again():
    compute = Counter()
    remember("k", compute, 60)
    store.next_generation()  # what publishing anything does, once the transaction commits
    assert remember("k", compute, 60) == "value 2"


def test_zero_seconds_computes_every_time():
    compute = Counter()
    remember("k", compute, 0)
    remember("k", compute, 0)
    assert compute.calls == 2


def test_a_cache_that_is_down_means_computing_not_failing(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            # Nothing listens on port 9: every cache call fails at once.
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
    compute = Counter()
    assert remember("k", compute, 60) == "value 1"
    assert remember("k", compute, 60) == "value 2"
