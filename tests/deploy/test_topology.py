"""The production topology on loopback: two server processes, a task worker, PostgreSQL and
Redis (tests/deploy/stack.py), with the production settings.

- both processes answer /healthz;
- a WebSocket message sent through one process reaches a client connected to the other;
- an e-mail written by the site is sent by the worker;
- while Redis is down, a chat message is refused with a clear message or kept, never silently
  lost, and the room works again when Redis is back.
"""

import asyncio
import json
import subprocess

import pytest
import websockets

from tests.network.test_cross_process import PREPARE, expect, open_room, open_room_after
from tests.servers import PYTHON, ROOT, get, wait_for


@pytest.fixture(scope="module")
def topology(stack):
    (first, _), (second, _) = stack.start_servers(2)
    stack.start_worker()
    out = subprocess.run(
        [PYTHON, "-c", PREPARE],
        env=stack.env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    room = json.loads(out.stdout.strip().splitlines()[-1])
    return first, second, room


def test_both_processes_are_healthy(stack, topology):
    first, second, _ = topology
    for base in (first, second):
        status, body = get(base + "/healthz")
        assert status == 200, body
        assert json.loads(body)["checks"]["channel_layer"]["service"] == "redis"


def test_a_message_through_one_process_reaches_a_client_on_the_other(topology):
    first, second, room = topology

    async def journey():
        sofie, _ = await open_room(first, room["cookies"]["Sofie"], room["session"])
        karim, _ = await open_room(second, room["cookies"]["Karim"], room["session"])
        await karim.send(json.dumps({"type": "chat", "text": "Goedemorgen via proces 2", "client_id": "t-1"}))
        received = await expect(sofie, "chat")
        assert received["message"]["text"] == "Goedemorgen via proces 2"
        await sofie.close()
        await karim.close()

    asyncio.run(journey())


def test_an_email_is_sent_by_the_worker(stack, topology):
    before = len(stack.smtp.messages)
    stack.shell(
        "from django.core.mail import send_mail; "
        "send_mail('Uitnodiging netwerkmoment', 'Tot donderdag.', None, ['sofie@example.org'])"
    )
    wait_for(lambda: len(stack.smtp.messages) > before, timeout=60, what="the worker to send the mail")
    assert any("Uitnodiging netwerkmoment" in message["data"] for message in stack.smtp.messages[before:])


def test_chat_while_redis_is_down_is_refused_or_kept_never_lost(stack, topology):
    first, _, room = topology

    async def during_outage():
        sofie, state = await open_room(first, room["cookies"]["Sofie"], room["session"])
        last_id = max([message["id"] for message in state["messages"]], default=0)
        stack.redis.stop()
        answer = None
        try:
            await sofie.send(
                json.dumps({"type": "chat", "text": "Tijdens de storing", "client_id": "outage-1"})
            )
            answer = await expect(sofie, "error", timeout=10)
        except (websockets.ConnectionClosed, TimeoutError):
            pass  # the connection dropped: the page shows "reconnecting…" and keeps the message
        finally:
            await sofie.close()
        return last_id, answer

    last_id, refusal = asyncio.run(during_outage())
    if refusal is not None:
        assert refusal["message"], "a refusal says why"
    stack.redis.start()

    async def after_outage():
        async def reconnect():
            return await open_room_after(first, room["cookies"]["Sofie"], room["session"], last_id)

        sofie, state = await wait_for_async(reconnect)
        texts = [message["text"] for message in state["messages"]]
        if refusal is None and "Tijdens de storing" not in texts:
            # Not stored and not refused: the page still holds it and sends it again with the
            # same client id; the server keeps it once.
            await sofie.send(
                json.dumps({"type": "chat", "text": "Tijdens de storing", "client_id": "outage-1"})
            )
            await expect(sofie, "chat", lambda event: event["message"]["client_id"] == "outage-1")
        await sofie.close()

    asyncio.run(after_outage())


async def wait_for_async(connect, timeout=30):
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        try:
            return await connect()
        except Exception:  # noqa: BLE001 - Redis is still coming back
            if asyncio.get_running_loop().time() > deadline:
                raise
            await asyncio.sleep(0.5)
