"""The embedded default: SQLite, in-memory channel layer, local media, console e-mail.

This is what `make run` uses; it needs no service besides itself. Set DJANGO_DEBUG=1 for
Django's debug pages.
"""

import os

from .base import *  # noqa: F403
from .services import sqlite

DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
SECRET_KEY = os.environ.get("SECRET_KEY", "village-embedded-default-not-secret")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

DATABASES = {"default": sqlite(BASE_DIR / "var" / "village.sqlite3")}  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Serve static files straight from the source folders and media from disk, so nothing
# needs collecting in the embedded default.
STATIC_ROOT = None  # static files come straight from the finders
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
VILLAGE_SERVE_MEDIA = True
VILLAGE_DEMO_CONTENT_ALLOWED = True
