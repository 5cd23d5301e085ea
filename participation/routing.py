"""WebSocket routes of the participation app (gathered in village/routing.py)."""

from django.urls import path

from . import consumers

websocket_urlpatterns = [
    path("ws/tracks/<int:track_id>/wall/", consumers.WallConsumer.as_asgi()),
]
