"""GET /healthz: the state of the database, the cache and the channel layer."""

import asyncio
import uuid

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

TIMEOUT_SECONDS = 3


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    if hasattr(cache, "ping"):  # village.cache.ResilientRedisCache hides failures from get/set
        cache.ping()
        return
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return what was stored")
    cache.delete(key)


async def _check_channel_layer():
    layer = get_channel_layer()
    channel = await layer.new_channel("healthz.")
    await layer.send(channel, {"type": "healthz.ping"})
    message = await layer.receive(channel)
    if message.get("type") != "healthz.ping":
        raise RuntimeError("channel layer returned another message")


async def _run(check):
    try:
        await asyncio.wait_for(check(), timeout=TIMEOUT_SECONDS)
    except Exception as error:  # noqa: BLE001 - any failure means the part is down
        return {"status": "down", "error": f"{type(error).__name__}: {error}"[:300]}
    return {"status": "up"}


def _service_of(backend):
    backend = backend.lower()
    for service in ("redis", "postgresql", "sqlite"):
        if service in backend:
            return service
    return "in-memory" if "mem" in backend else backend.rsplit(".", 1)[-1]


SERVICES = {
    "database": lambda: _service_of(connection.vendor),
    "cache": lambda: _service_of(settings.CACHES["default"]["BACKEND"]),
    "channel_layer": lambda: _service_of(settings.CHANNEL_LAYERS["default"]["BACKEND"]),
}


async def healthz(request):
    checks = {
        "database": await _run(sync_to_async(_check_database, thread_sensitive=True)),
        "cache": await _run(sync_to_async(_check_cache, thread_sensitive=False)),
        "channel_layer": await _run(_check_channel_layer),
    }
    for name, result in checks.items():
        result["service"] = SERVICES[name]()
    down = [name for name, result in checks.items() if result["status"] != "up"]
    body = {
        "status": "down" if down else "up",
        "down": down,
        # What an operator restarts: "redis" when the cache or the channel layer is down.
        "services_down": sorted({checks[name]["service"] for name in down}),
        "checks": checks,
    }
    return JsonResponse(body, status=503 if down else 200)
