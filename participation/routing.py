"""WebSocket routes of the participation app (gathered in village/routing.py)."""

websocket_urlpatterns = []
