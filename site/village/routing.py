"""WebSocket routes of all apps, gathered in one list for the ASGI application.

Each app that has live features keeps its own `routing.py`; add its patterns here.
"""

from network.routing import websocket_urlpatterns as network_routes
from participation.routing import websocket_urlpatterns as participation_routes

websocket_urlpatterns = [*participation_routes, *network_routes]
