"""WebSocket routes of the network app (gathered in village/routing.py)."""

from django.urls import path

from .consumers import SessionRoomConsumer

websocket_urlpatterns = [
    path("ws/sessions/<int:session_id>/", SessionRoomConsumer.as_asgi()),
]
