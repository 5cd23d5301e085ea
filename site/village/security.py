"""Security headers on every response: Content-Security-Policy and Permissions-Policy.

The policy allows scripts from the site itself only: no inline script, no eval, nothing from
elsewhere. Our templates pass data to scripts with `json_script` or data- attributes; the few
inline scripts of Wagtail's admin are replaced by templates/wagtailadmin overrides and
static/js/admin-csp.js. Styles may be inline (Wagtail's admin and Leaflet set style attributes).
Images may come from the map tile server (settings.MAP_TILE_URL). The other headers
(X-Content-Type-Options, Referrer-Policy, X-Frame-Options, HSTS in production) come from Django's
SecurityMiddleware and XFrameOptionsMiddleware with the settings in base.py / production.py.

Geolocation is switched off by Permissions-Policy except on pages that ask for it: a Wagtail
page class or a response with `uses_geolocation = True` (the activity finder's "near me").
"""

from urllib.parse import urlsplit

from django.conf import settings


def _origin(url):
    parts = urlsplit(url.replace("{s}", "a"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def content_security_policy(request):
    tiles = _origin(settings.MAP_TILE_URL)
    # Subdomain patterns ({s}.tile.example.org) need a wildcard.
    if "{s}" in settings.MAP_TILE_URL:
        scheme, host = tiles.split("://", 1)
        tiles = f"{scheme}://*.{host.split('.', 1)[1]}"
    host = request.get_host()
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", tiles],
        "font-src": ["'self'", "data:"],
        # WebSocket to this host, whichever scheme the page was served with.
        "connect-src": ["'self'", f"ws://{host}", f"wss://{host}"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # Wagtail's preview panel frames the site itself; nobody else may.
        "frame-ancestors": ["'self'"],
        "frame-src": ["'self'"],
    }
    return "; ".join(
        f"{name} {' '.join(value for value in values if value)}" for name, values in directives.items()
    )


PERMISSIONS = "camera=(), microphone=(), payment=(), usb=()"


def permissions_policy(geolocation=False):
    return f"geolocation={'(self)' if geolocation else '()'}, {PERMISSIONS}"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", content_security_policy(request))
        response.setdefault(
            "Permissions-Policy", permissions_policy(getattr(response, "uses_geolocation", False))
        )
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response

    def process_template_response(self, request, response):
        # Set on the response itself, so that a cached copy keeps it.
        page = (response.context_data or {}).get("page")
        if getattr(response, "uses_geolocation", False) or getattr(page, "uses_geolocation", False):
            response["Permissions-Policy"] = permissions_policy(geolocation=True)
        return response
