import pytest


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache, which outlives each test's database rollback
    (and ids repeat after a rollback): every test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
