"""The Redis cache answers like no cache while Redis is unreachable, and recovers by itself."""

import pytest
from django.core.cache.backends.redis import RedisCache

from village.cache import ResilientRedisCache

DEAD = "redis://127.0.0.1:1/0"


@pytest.fixture
def dead_cache():
    return ResilientRedisCache(DEAD, {"OPTIONS": {"socket_connect_timeout": 0.2}})


def test_a_dead_redis_is_a_cache_without_memory(dead_cache):
    assert dead_cache.get("key", "default") == "default"
    dead_cache.set("key", "value")
    assert dead_cache.get("key") is None
    assert dead_cache.add("key", 1) is True
    assert dead_cache.get_many(["a", "b"]) == {}
    assert dead_cache.delete("key") is False
    with pytest.raises(ValueError):
        dead_cache.incr("key")


def test_plain_django_redis_cache_would_fail(dead_cache):
    with pytest.raises(Exception):  # noqa: B017 - what the resilient cache protects pages from
        RedisCache(DEAD, {"OPTIONS": {"socket_connect_timeout": 0.2}}).get("key")


def test_while_down_redis_is_not_asked_again_for_a_moment(dead_cache, monkeypatch):
    dead_cache.get("key")
    calls = []
    monkeypatch.setattr(RedisCache, "get", lambda *args, **kwargs: calls.append(1))
    dead_cache.get("key")
    assert calls == []


def test_ping_tells_health_checks_the_truth(dead_cache):
    with pytest.raises(Exception):  # noqa: B017
        dead_cache.ping()


def test_it_recovers_when_redis_is_back(monkeypatch):
    import os

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14")
    cache = ResilientRedisCache(url, {"OPTIONS": {"socket_connect_timeout": 0.2}})
    try:
        cache.ping()
    except Exception:  # noqa: BLE001 - whatever the reason, there is no Redis to recover with
        pytest.skip("no Redis on this machine")
    cache._down_until = 1.0  # it was down, and the pause is over
    cache.set("village-test-key", "back", 5)
    assert cache.get("village-test-key") == "back"
    assert cache._down_until == 0.0
