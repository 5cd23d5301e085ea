import pytest
from django.core.cache import cache

from village import ratelimit


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.VILLAGE_RATE_LIMITS = {"try": (3, 60)}
    cache.clear()


def test_allows_up_to_the_limit_then_refuses_per_key():
    assert [ratelimit.allow("try", "a") for _ in range(4)] == [True, True, True, False]
    assert ratelimit.allow("try", "b")


def test_reset_starts_again():
    for _ in range(4):
        ratelimit.allow("try", "a")
    ratelimit.reset("try", "a")
    assert ratelimit.allow("try", "a")


def test_a_broken_cache_does_not_lock_people_out(monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(cache, "add", broken)
    assert ratelimit.allow("try", "a")


def test_client_ip_trusts_the_proxy_only_when_told(rf, settings):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 10.0.0.1", REMOTE_ADDR="127.0.0.1")
    settings.VILLAGE_TRUST_X_FORWARDED_FOR = False
    assert ratelimit.client_ip(request) == "127.0.0.1"
    settings.VILLAGE_TRUST_X_FORWARDED_FOR = True
    assert ratelimit.client_ip(request) == "10.0.0.1"
