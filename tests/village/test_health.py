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
