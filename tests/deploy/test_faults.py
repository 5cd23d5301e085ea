"""Faults survived, nothing lost: Redis stops, PostgreSQL restarts, the task worker is down.

Each test runs the production settings in real processes against private services that it
stops and starts (tests/deploy/stack.py).
"""

import json
import time

import pytest

from tests.servers import get, stop, wait_for


@pytest.fixture(scope="module")
def server(stack):
    [(base, process)] = stack.start_servers()
    yield base, process
    stop(process)


def health(base):
    status, body = get(base + "/healthz")
    return status, json.loads(body)


def test_redis_stops_pages_are_still_served_and_health_names_redis(stack, server):
    base, process = server
    assert get(base + "/nl/")[0] == 200
    assert health(base)[0] == 200

    stack.redis.stop()
    try:
        status, page = get(base + "/nl/")
        assert status == 200, "pages are served without the cache"
        status, body = health(base)
        assert status == 503
        assert "redis" in body["services_down"]
        assert body["checks"]["database"]["status"] == "up"
    finally:
        stack.redis.start()
    # Back by itself, without restarting the server.
    wait_for(lambda: health(base)[0] == 200, timeout=20, what="health after Redis came back")
    assert process.poll() is None


def test_postgres_restarts_a_clear_503_then_recovery_without_restart(stack, server):
    base, process = server
    assert get(base + "/nl/")[0] == 200

    stack.postgres.stop()
    try:
        status, page = get(base + "/en/")
        assert status == 503
        assert "Back in a moment" in page
        assert "Traceback" not in page and "OperationalError" not in page
        status, body = health(base)
        assert status == 503 and "postgresql" in body["services_down"]
    finally:
        stack.postgres.start()
    wait_for(lambda: get(base + "/nl/")[0] == 200, timeout=30, what="pages after PostgreSQL came back")
    assert health(base)[0] == 200
    assert process.poll() is None, "the server recovered by itself"


def test_mail_waits_for_the_worker_and_is_sent_once(stack):
    queued = 'from django_tasks_db.models import DBTaskResult; print(DBTaskResult.objects.ready().filter(task_path="village.tasks.send_email").count())'
    before = int(stack.shell(queued))
    stack.shell(
        "from django.core.mail import send_mail; "
        "send_mail('Herinnering', 'Morgen huiswerkklas om 15:30.', None, ['ouder@example.org'])"
    )
    # No worker yet: queued in the database, not sent, not lost.
    assert stack.smtp.messages == []
    assert int(stack.shell(queued)) == before + 1

    worker = stack.start_worker()
    wait_for(lambda: len(stack.smtp.messages) == before + 1, timeout=60, what="the worker to send the mail")
    stop(worker)
    mine = [message for message in stack.smtp.messages if message["to"] == ["ouder@example.org"]]
    assert len(mine) == 1 and "Herinnering" in mine[0]["data"]

    # A worker that starts again does not send it a second time.
    worker = stack.start_worker()
    try:
        time.sleep(3)
        assert len(stack.smtp.messages) == before + 1
    finally:
        stop(worker)
