import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "SECRET_KEY": "x7#kq!" * 12,
    "DATABASE_URL": "postgres://village@127.0.0.1:5432/village",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ALLOWED_HOSTS": "village.example.org",
    "EMAIL_HOST": "smtp.example.org",
    "DEFAULT_FROM_EMAIL": "Village <noreply@village.example.org>",
}


def run_django(code, env):
    clean = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **clean,
            **env,
            "PYTHONPATH": str(ROOT / "site"),
            "DJANGO_SETTINGS_MODULE": "village.settings.production",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_settings():
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps({'VILLAGE_REQUIRE_2FA_ROLES': list(settings.VILLAGE_REQUIRE_2FA_ROLES), "
        "'DEBUG': settings.DEBUG, 'CHANNEL': settings.CHANNEL_LAYERS['default']['BACKEND'], "
        "'CACHE': settings.CACHES['default']['BACKEND'], 'DB': settings.DATABASES['default']['ENGINE'], "
        "'DEMO': settings.VILLAGE_DEMO_CONTENT_ALLOWED}))"
    )
    result = run_django(code, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_reads_everything_from_the_environment():
    settings = production_settings()
    assert settings["DEBUG"] is False
    assert settings["DB"] == "django.db.backends.postgresql"
    assert settings["CACHE"] == "village.cache.ResilientRedisCache"
    assert settings["CHANNEL"] == "channels_redis.core.RedisChannelLayer"
    assert settings["DEMO"] is False


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"])
def test_production_fails_fast_naming_what_is_missing(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = run_django("import django; django.setup()", env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_check_deploy_is_clean():
    result = run_django(
        "import sys, django; django.setup(); from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING')",
        PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_refuses_demo_content():
    result = run_django(
        "import django; django.setup(); from django.core.management import call_command; call_command('load_demo')",
        PRODUCTION_ENV,
    )
    assert result.returncode != 0
    assert "not allowed" in result.stderr
