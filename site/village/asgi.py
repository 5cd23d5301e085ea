"""ASGI entry point: HTTP through Django, WebSocket through Channels."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# site/ (see manage.py) and the repository root, home of the activities, participation and
# network apps, whatever directory the server is started from.
for folder in (ROOT, ROOT / "site"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "village.settings.dev")

from django.core.asgi import get_asgi_application  # noqa: E402

# Django must be set up before anything imports models (the routing does).
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from village.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
