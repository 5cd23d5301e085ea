"""WebSocket routes of the network app (gathered in village/routing.py)."""

websocket_urlpatterns = []
