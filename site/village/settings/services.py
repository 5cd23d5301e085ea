"""Database, cache and channel layer settings built from the environment.

Shared by the test and production settings: both run on PostgreSQL + Redis when
`DATABASE_URL` / `REDIS_URL` are set. The embedded default needs neither.
"""

from pathlib import Path

import dj_database_url


def postgres(url):
    # A pool, not persistent connections: under ASGI every request may run in another thread,
    # and a connection kept per thread would pile up until PostgreSQL refuses more. The pool
    # also checks connections, so the server recovers when PostgreSQL restarts.
    # Health checks: after PostgreSQL restarts, a dead pooled connection is replaced before use.
    config = dj_database_url.parse(url, conn_max_age=0, conn_health_checks=True)
    config.setdefault("OPTIONS", {})["pool"] = {"min_size": 1, "max_size": 8, "timeout": 5}
    return config


def sqlite(path):
    # var/ is not in the repository; a fresh clone gets it on first use.
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        # Several threads (server, task worker, tests) write; wait instead of failing.
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


def redis_cache(url):
    return {
        # Degrades to no cache while Redis is down (village.cache); short timeouts so that a
        # stopped Redis costs a request little.
        "BACKEND": "village.cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "village",
        "TIMEOUT": 300,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
    }


def redis_channel_layer(url):
    return {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        "CONFIG": {"hosts": [url], "prefix": "village"},
    }
