"""Test settings: SQLite by default, PostgreSQL + Redis when DATABASE_URL / REDIS_URL are set."""

import os

from .base import *  # noqa: F403
from .services import postgres, redis_cache, redis_channel_layer, sqlite

DEBUG = False
SECRET_KEY = "village-tests-not-secret"
ALLOWED_HOSTS = ["*"]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": postgres(os.environ["DATABASE_URL"])}
else:
    # A file, not memory: the browser tests' live server runs in other threads. One file per
    # test run, so that two runs on one machine do not share it; it is removed at the end.
    _test_db = str(BASE_DIR / "var" / f"test-{os.getpid()}.sqlite3")  # noqa: F405
    DATABASES = {"default": sqlite(_test_db)}
    DATABASES["default"]["TEST"] = {"NAME": _test_db}

if os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"])}
    CHANNEL_LAYERS = {"default": redis_channel_layer(os.environ["REDIS_URL"])}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# pytest-django sets EMAIL_BACKEND to locmem for every test; tests of the queue set it back.
VILLAGE_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once in tests; tests/test_tasks.py proves the real queue and worker separately.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STATIC_ROOT = None  # static files come straight from the finders
WHITENOISE_USE_FINDERS = True
VILLAGE_SERVE_MEDIA = True
VILLAGE_DEMO_CONTENT_ALLOWED = True
ACCOUNT_RATE_LIMITS = False
