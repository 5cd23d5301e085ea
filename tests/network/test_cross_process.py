"""A live room served by two server processes: what one member sends through process 1 reaches
the member connected to process 2, through the Redis channel layer; presence and the agenda
are shared too (they live in the database, not in a process).

Two real uvicorn processes (started by tests/servers.py) on two free loopback ports, settings
as in production where it matters: DEBUG off, the Redis channel layer and cache, one database
for both: DATABASE_URL's PostgreSQL server when set (a fresh database, dropped
afterwards), else a temporary SQLite file. Skipped, saying why, when Redis cannot be reached.
"""

import asyncio
import json
import os
import subprocess
import sys

import pytest

from tests.servers import ROOT, start_servers, stop

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/13")

SETTINGS = """
from village.settings.test import *  # noqa: F403
from village.settings.services import postgres, redis_cache, redis_channel_layer, sqlite

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {{"default": postgres({database_url!r}) if {database_url!r} else sqlite({sqlite_path!r})}}
CACHES = {{"default": {{**redis_cache({redis_url!r}), "KEY_PREFIX": {prefix!r}}}}}
CHANNEL_LAYERS = {{"default": redis_channel_layer({redis_url!r})}}
CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = {prefix!r}
"""

PREPARE = """
import datetime, json
import django
django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from accounts.models import AccountType, User
from network.models import AgendaItem, MemberRole, Network, NetworkMember, Session

network = Network.objects.create(name="Lerend netwerk Brussel", slug="brussel")
now = timezone.now()
session = Session.objects.create(network=network, title="Netwerkmoment", starts_at=now,
                                 ends_at=now + datetime.timedelta(hours=2))
item = AgendaItem.objects.create(session=session, order=0, title="Welkom")
cookies = {}
for name, role in (("Karim", MemberRole.FACILITATOR), ("Sofie", MemberRole.MEMBER)):
    user = User.objects.create_user(email=name.lower() + "@example.org", password="x" * 20,
                                    display_name=name, account_type=AccountType.PROFESSIONAL)
    NetworkMember.objects.create(network=network, user=user, role=role)
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    cookies[name] = store.session_key
print(json.dumps({"session": session.pk, "item": item.pk, "cookies": cookies}))
"""


def redis_reachable():
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception:  # noqa: BLE001 (whatever the reason, the test cannot run)
        return False


@pytest.fixture
def site_on_redis(tmp_path):
    """Settings, a migrated database with a network, a session and two logged-in members; a
    function that starts server processes on them (stopped afterwards)."""
    if not redis_reachable():
        subprocess.run([str(ROOT / "scripts" / "ensure-services.sh")], capture_output=True, timeout=60)
        if not redis_reachable():
            pytest.skip(
                f"Redis is not reachable at {REDIS_URL}: the cross-process test needs its channel layer"
            )
    database_url = ""
    admin_url = None
    name = f"village_cross_{os.getpid()}"
    if os.environ.get("DATABASE_URL"):
        import psycopg

        base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
        admin_url = base + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        database_url = f"{base}/{name}"
    prefix = f"village-cross-{os.getpid()}"
    (tmp_path / "cross_settings.py").write_text(
        SETTINGS.format(
            database_url=database_url,
            sqlite_path=str(tmp_path / "shared.sqlite3"),
            redis_url=REDIS_URL,
            prefix=prefix,
        )
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cross_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT), str(ROOT / "site")]),
    }
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=600,
    )
    out = subprocess.run(
        [sys.executable, "-c", PREPARE],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    data = json.loads(out.stdout.strip().splitlines()[-1])
    started = []

    def start(count):
        servers = start_servers(env, tmp_path, count)
        started.extend(process for _, process in servers)
        return [base for base, _ in servers]

    try:
        yield start, data
    finally:
        for process in started:
            stop(process)
        if admin_url:
            import psycopg

            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def open_room(base, cookie, session_id):
    return await open_room_after(base, cookie, session_id, 0)


async def open_room_after(base, cookie, session_id, last_id):
    """The live room of a session on the server process at `base` (http://host:port)."""
    import websockets

    connection = await websockets.connect(
        base.replace("http://", "ws://", 1) + f"/ws/sessions/{session_id}/",
        additional_headers={"Cookie": f"sessionid={cookie}"},
        origin=base,
        open_timeout=20,
    )
    await connection.send(json.dumps({"type": "hello", "last_id": last_id}))
    state = await expect(connection, "state")
    return connection, state


async def expect(connection, kind, where=lambda data: True, timeout=10):
    async def wait():
        while True:
            data = json.loads(await connection.recv())
            if data["type"] == kind and where(data):
                return data

    return await asyncio.wait_for(wait(), timeout)


def test_a_member_on_one_process_receives_what_is_sent_through_the_other(site_on_redis):
    start, data = site_on_redis
    first, second = start(2)
    assert first != second

    async def journey():
        session = data["session"]
        sofie, sofie_state = await open_room(first, data["cookies"]["Sofie"], session)  # process 1
        karim, karim_state = await open_room(second, data["cookies"]["Karim"], session)  # process 2
        assert sofie_state["me"]["facilitator"] is False and karim_state["me"]["facilitator"] is True

        # Presence crosses processes: Sofie (process 1) sees Karim join on process 2, and
        # Karim's snapshot, built on process 2, lists Sofie who is connected to process 1.
        joined = await expect(
            sofie, "presence", lambda event: any(person["name"] == "Karim" for person in event["joined"])
        )
        assert [person["facilitator"] for person in joined["joined"] if person["name"] == "Karim"] == [True]
        assert {person["name"] for person in karim_state["presence"]} == {"Karim", "Sofie"}

        # Chat: through process 2 to process 1, and back.
        await karim.send(json.dumps({"type": "chat", "text": "Welkom via proces 2", "client_id": "k-1"}))
        received = await expect(sofie, "chat")
        assert received["message"]["text"] == "Welkom via proces 2"
        assert received["message"]["author"] == "Karim"
        await sofie.send(json.dumps({"type": "chat", "text": "Dag Karim, via proces 1"}))
        assert (await expect(karim, "chat", lambda event: event["message"]["author"] == "Sofie"))["message"][
            "text"
        ] == "Dag Karim, via proces 1"

        # The agenda item opened on process 2 is what Sofie's screen shows on process 1.
        await karim.send(json.dumps({"type": "agenda", "item": data["item"]}))
        assert (await expect(sofie, "agenda"))["agenda"]["current"] == data["item"]

        # Sofie leaves: Karim, on the other process, is told.
        await sofie.close()
        left = await expect(karim, "presence", lambda event: event["left"])
        assert left["left"] == [sofie_state["me"]["id"]]

        # Karim writes while she is away; she comes back through process 1 and gets it.
        await karim.send(json.dumps({"type": "chat", "text": "Gemist?", "client_id": "k-2"}))
        missed = (await expect(karim, "chat", lambda event: event["message"]["text"] == "Gemist?"))["message"]
        sofie, state = await open_room_after(
            first, data["cookies"]["Sofie"], session, received["message"]["id"]
        )
        assert [message["text"] for message in state["messages"]] == ["Dag Karim, via proces 1", "Gemist?"]
        assert state["messages"][-1]["id"] == missed["id"]
        assert state["agenda"]["current"] == data["item"]
        await sofie.close()
        await karim.close()

    asyncio.run(journey())
