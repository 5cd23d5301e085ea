import json
import os

import pytest
from django.core.management import call_command
from django.utils import translation
from hypothesis import settings as hypothesis_settings

# Property tests try the same examples on every run, so that a red run can be reproduced and CI
# does not fail at random; HYPOTHESIS_PROFILE=explore searches wider and afresh.
hypothesis_settings.register_profile("repeatable", derandomize=True, database=None)
hypothesis_settings.register_profile("explore", max_examples=1000, database=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(autouse=True)
def _pin_language():
    """The active language leaks between tests (LocaleMiddleware leaves it set), and ORM
    filters on translated fields follow it: every test starts in Dutch."""
    with translation.override("nl"):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and cached pages must not leak from one test into the next (ids of
    people are reused between tests)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _fresh_channel_layers():
    """Each test gets channel layers of its own. A layer keeps receive locks bound to the event
    loop that used it; each async test, and each live server, runs its own loop, and a consumer
    still receiving when that loop stopped would leave the next test's consumers a lock of a
    dead loop ("bound to a different event loop": broadcasts never arrive)."""
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo(db):
    """The full demo content, as `make run` loads it."""
    call_command("load_demo", stdout=open("/dev/null", "w"))


@pytest.fixture
def site_root(db):
    """A home page as the default site's root, without the rest of the demo content."""
    from tests.factories import make_home_page

    return make_home_page()


@pytest.fixture(autouse=True)
def _migrated_database(django_db_setup, django_db_blocker):
    """Every journey starts from the database as migrations left it, whatever ran before.

    The live server needs transactional tests, and the flush after one deletes what
    migrations created too (Wagtail's root page, locale and collection, content types, the
    role groups). The serialized rollback of `live_server_url` loads that back, but only
    works on a database that is empty or in that very state, and only with content types
    cached: after a transactional test without it, post_migrate has re-created content types
    and groups under other keys. So this puts the database in that state first (it runs
    before the test's database fixtures), and again after the test, for whatever runs next.
    """
    from django.db import connection

    serialized = getattr(connection, "_test_serialized_contents", None)
    if serialized is None:  # no test in this run asked for the serialized rollback
        yield
        return
    with django_db_blocker.unblock():
        if _fingerprint() != _restored.get("fingerprint"):
            _load_migrated_state(connection, serialized)
    yield
    with django_db_blocker.unblock():
        if _fingerprint() == (0, None):  # emptied by the serialized rollback
            _load_migrated_state(connection, serialized)


_restored = {}


def _fingerprint():
    """Tells the state this conftest loaded from one that tests changed since: flushing and
    re-creating content types gives them new keys."""
    from django.contrib.contenttypes.models import ContentType

    keys = ContentType.objects.order_by("-pk").values_list("pk", flat=True)
    return (keys.count(), keys.first())


def _load_migrated_state(connection, serialized):
    from django.contrib.contenttypes.models import ContentType
    from django.core import serializers
    from django.core.management import call_command
    from django.db import transaction

    if _fingerprint() != (0, None):
        # Sequences go on: the loaded rows keep their keys, new rows must not collide.
        call_command(
            "flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False
        )
    ContentType.objects.clear_cache()
    records = json.loads(serialized)
    # Content types first: building a child model of multi-table inheritance (Wagtail's
    # tasks) looks its content type up, and would create it under a new key if missing.
    content_types = [record for record in records if record["model"] == "contenttypes.contenttype"]
    others = [record for record in records if record["model"] != "contenttypes.contenttype"]
    with transaction.atomic(using=connection.alias), connection.constraint_checks_disabled():
        for part in (content_types, others):
            for deserialized in serializers.deserialize("python", part, using=connection.alias):
                deserialized.save()
    connection.check_constraints()
    ContentType.objects.clear_cache()
    _restored["fingerprint"] = _fingerprint()
