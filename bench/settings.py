"""Production settings plus a trivial view (the ceiling) and demo content allowed: benchmarks only."""

from village.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
VILLAGE_DEMO_CONTENT_ALLOWED = True
SECURE_SSL_REDIRECT = False
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
