import json

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_health_reports_every_part_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "up"
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "up",
        "cache": "up",
        "channel_layer": "up",
    }


def test_health_names_the_part_that_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["down"] == ["cache"]
    assert body["checks"]["database"]["status"] == "up"


def test_with_redis_down_pages_are_served_and_health_names_redis(client, settings, site_root):
    """The cache degrades to none: people keep getting pages; operators see what to restart."""
    settings.CACHES = {
        "default": {
            "BACKEND": "village.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    assert client.get("/nl/").status_code == 200
    response = client.get("/healthz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert "cache" in body["down"]
    assert "redis" in body["services_down"]
