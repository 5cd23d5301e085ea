"""A Redis cache that degrades to no cache while Redis is unreachable.

Django's RedisCache raises when Redis is down, and every page that touches the cache would
answer 500. This one answers like Django's DummyCache instead (nothing found, nothing stored),
logs a warning, and skips Redis for a few seconds before trying again, so that a stopped Redis
costs each request at most one short connection timeout. /healthz pings Redis itself (`ping`)
and reports it down.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("village")

FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_AFTER_SECONDS = 2.0


def _degrading(fallback):
    """While Redis is down, `method` answers `fallback(*args)` (DummyCache's answer)."""

    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self._down_until:
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except FAILURES:
                if not self._down_until:
                    logger.warning("Redis cache unreachable: serving without cache", exc_info=True)
                self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
                return fallback(*args, **kwargs)
            if self._down_until:
                self._down_until = 0.0
                logger.warning("Redis cache reachable again")
            return result

        return wrapper

    return decorator


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found")  # as DummyCache: the cache has nothing


class ResilientRedisCache(RedisCache):
    _down_until = 0.0

    def ping(self):
        """Raises when Redis does not answer (for /healthz)."""
        self._cache.get_client(write=True).ping()

    add = _degrading(lambda *a, **k: True)(RedisCache.add)
    get = _degrading(lambda key, default=None, *a, **k: default)(RedisCache.get)
    set = _degrading(lambda *a, **k: None)(RedisCache.set)
    touch = _degrading(lambda *a, **k: False)(RedisCache.touch)
    delete = _degrading(lambda *a, **k: False)(RedisCache.delete)
    get_many = _degrading(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _degrading(lambda *a, **k: False)(RedisCache.has_key)
    incr = _degrading(_missing_key)(RedisCache.incr)
    set_many = _degrading(lambda *a, **k: [])(RedisCache.set_many)
    delete_many = _degrading(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _degrading(lambda *a, **k: False)(RedisCache.clear)
