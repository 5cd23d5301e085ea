"""WebSocket routes of all apps, gathered in one list for the ASGI application.

Each app that has live features keeps its own `routing.py`; add its patterns here.
"""

websocket_urlpatterns = []
