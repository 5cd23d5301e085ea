"""Benchmark of a session's live room on the production stack: two server processes, Redis.

    .venv/bin/python bench/ws_bench.py                       # 200 clients, 5 messages/s, 20 s
    .venv/bin/python bench/ws_bench.py --clients 50 --rate 10 --seconds 10

It migrates the PostgreSQL database `village_bench` (created when missing, kept otherwise, so
the page benchmark's data survives), adds a learning network with one session and as many
members as clients, and logs each member in (a Django session per member, as the login form
would make). Then it serves the site with production settings as two uvicorn processes on two
ports (one worker each, the Redis channel layer between them), connects the clients to the
session's room (alternating between the two processes), and has the members send chat messages
at a steady rate, each member in turn. Every message carries the moment it was sent; every
client notes when it arrives. Reported: delivery latency over all (message, client) pairs
(median, p95, max), deliveries per second, and messages lost. Written to var/ws-bench-results.json.

Latency is measured in this process (sender and receivers share its clock), from the moment the
sender writes to its socket until a receiver has parsed the broadcast: it includes saving the
message in PostgreSQL, the rate-limit check in Redis, the fan-out through the channel layer to
both processes and the JSON encoding for each client. The clients share the machine's cores
with the servers, Redis and PostgreSQL.
"""

import argparse
import asyncio
import json
import os
import secrets
import statistics
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
UVICORN = ROOT / ".venv" / "bin" / "uvicorn"
BENCH_NETWORK_SLUG = "bench-live-room"
WS_IMPLEMENTATION = os.environ.get("BENCH_WS", "websockets")  # or websockets-sansio, wsproto


def environment(args):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
        "SECRET_KEY": args.secret_key,
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "EMAIL_HOST": "127.0.0.1",
        "DEFAULT_FROM_EMAIL": "bench@example.org",
        "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
    }


def ensure_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare(env, clients):
    """Migrate, then make the room and its members in a child process with Django set up."""
    subprocess.run(
        [str(PYTHON), str(ROOT / "manage.py"), "migrate", "--noinput", "-v", "0"],
        env=env,
        check=True,
        cwd=ROOT,
    )
    out = subprocess.run(
        [str(PYTHON), str(Path(__file__).resolve()), "--prepare-inside", str(clients)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def prepare_inside(clients):
    """Runs with Django set up (bench settings): a network, a session today, `clients`
    members, each with a logged-in Django session. Idempotent."""
    import datetime

    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from accounts.models import AccountType, User
    from network import live
    from network.models import AgendaItem, MemberRole, Network, NetworkMember, Session

    network, _ = Network.objects.get_or_create(
        slug=BENCH_NETWORK_SLUG, defaults={"name": "Benchmark network"}
    )
    now = timezone.now()
    session = Session.objects.filter(network=network).first()
    if session is None:
        session = Session.objects.create(
            network=network,
            title="Benchmark session",
            starts_at=now,
            ends_at=now + datetime.timedelta(hours=2),
        )
        AgendaItem.objects.create(session=session, order=0, title="Welcome")
    live.reset_room(session)
    cookies = []
    for number in range(clients):
        user, _ = User.objects.get_or_create(
            email=f"bench-member-{number}@example.org",
            defaults={"display_name": f"Member {number}", "account_type": AccountType.PROFESSIONAL},
        )
        NetworkMember.objects.get_or_create(
            network=network,
            user=user,
            defaults={"role": MemberRole.FACILITATOR if number == 0 else MemberRole.MEMBER},
        )
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        cookies.append(store.session_key)
    print(json.dumps({"session": session.pk, "cookies": cookies}))


def start_server(env, port):
    server = subprocess.Popen(
        [
            str(UVICORN),
            "village.asgi:application",
            "--app-dir",
            "site",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--lifespan",
            "off",
            "--no-access-log",
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--ws",
            WS_IMPLEMENTATION,
        ],
        env=env,
        cwd=ROOT,
    )
    return server


def wait_for(port, server):
    for _ in range(120):
        if server.poll() is not None:
            raise SystemExit(f"the server on port {port} stopped")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server on port {port} did not come up")


class Client:
    def __init__(self, number, port, cookie, session):
        self.number = number
        self.port = port
        self.cookie = cookie
        self.session = session
        self.socket = None
        self.latencies = []
        self.received = set()
        self.refused = 0
        self.ready = asyncio.Event()

    async def connect(self):
        import websockets

        self.socket = await websockets.connect(
            f"ws://127.0.0.1:{self.port}/ws/sessions/{self.session}/",
            additional_headers={"Cookie": f"sessionid={self.cookie}"},
            origin=f"http://127.0.0.1:{self.port}",
            max_size=2**22,
            open_timeout=60,
            ping_interval=None,
        )
        await self.socket.send(json.dumps({"type": "hello", "last_id": 10**12}))

    async def listen(self, sent_at):
        async for raw in self.socket:
            now = time.perf_counter()
            data = json.loads(raw)
            kind = data.get("type")
            if kind == "state":
                self.ready.set()
            elif kind == "chat":
                client_id = data["message"].get("client_id")
                started = sent_at.get(client_id)
                if started is not None and client_id not in self.received:
                    self.received.add(client_id)
                    self.latencies.append((now - started) * 1000)
            elif kind == "error":
                self.refused += 1

    async def say(self, text, sent_at):
        client_id = str(uuid.uuid4())
        sent_at[client_id] = time.perf_counter()
        await self.socket.send(json.dumps({"type": "chat", "text": text, "client_id": client_id}))


async def drive(args, prepared, ports):
    cookies = prepared["cookies"][: args.clients]
    clients = [
        Client(n, ports[n % len(ports)], cookie, prepared["session"]) for n, cookie in enumerate(cookies)
    ]
    sent_at = {}
    started = time.perf_counter()
    # Connect in small batches, as people arriving; a phone would not open 200 at once either.
    listeners = []
    for batch in range(0, len(clients), 10):
        group = clients[batch : batch + 10]
        await asyncio.gather(*(client.connect() for client in group))
        listeners.extend(asyncio.create_task(client.listen(sent_at)) for client in group)
        await asyncio.sleep(0.1)
    await asyncio.wait_for(asyncio.gather(*(client.ready.wait() for client in clients)), timeout=120)
    print(f"{len(clients)} clients connected and in the room in {time.perf_counter() - started:.1f} s")
    await asyncio.sleep(2)  # let the news of the arrivals settle

    interval = 1 / args.rate
    total = int(args.rate * args.seconds)
    send_started = time.perf_counter()
    for number in range(total):
        target = send_started + number * interval
        delay = target - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        sender = clients[number % len(clients)]
        await sender.say(f"Benchmark message {number}", sent_at)
    send_seconds = time.perf_counter() - send_started
    # Let the last broadcasts arrive.
    deadline = time.perf_counter() + 10
    expected = total * len(clients)
    while time.perf_counter() < deadline:
        if sum(len(client.received) for client in clients) >= expected:
            break
        await asyncio.sleep(0.1)
    elapsed = time.perf_counter() - send_started
    for task in listeners:
        task.cancel()
    await asyncio.gather(*(client.socket.close() for client in clients), return_exceptions=True)

    latencies = sorted(latency for client in clients for latency in client.latencies)
    delivered = len(latencies)
    last_arrival = elapsed
    return {
        "clients": len(clients),
        "processes": len(ports),
        "messages_sent": total,
        "rate_per_s": args.rate,
        "send_seconds": round(send_seconds, 2),
        "deliveries_expected": expected,
        "deliveries": delivered,
        "lost": expected - delivered,
        "refused": sum(client.refused for client in clients),
        "median_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(latencies[int(0.95 * (delivered - 1))], 1) if latencies else None,
        "p99_ms": round(latencies[int(0.99 * (delivered - 1))], 1) if latencies else None,
        "max_ms": round(latencies[-1], 1) if latencies else None,
        "deliveries_per_s": round(delivered / min(last_arrival, send_seconds + 10), 0) if latencies else 0,
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/village_bench")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument(
        "--rate", type=float, default=5, help="chat messages per second, all senders together"
    )
    parser.add_argument("--seconds", type=float, default=20, help="how long messages are sent")
    parser.add_argument("--ports", default="8201,8202", help="one server process per port")
    parser.add_argument("--prepare-inside", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare_inside is not None:
        prepare_inside(args.prepare_inside)
        return 0
    args.secret_key = secrets.token_urlsafe(50)
    subprocess.run([str(ROOT / "scripts" / "ensure-services.sh")], check=True, capture_output=True)
    ensure_database(args.database_url)
    env = environment(args)
    prepared = prepare(env, args.clients)
    ports = [int(port) for port in args.ports.split(",")]
    servers = [start_server(env, port) for port in ports]
    try:
        for port, server in zip(ports, servers, strict=True):
            wait_for(port, server)
        result = asyncio.run(drive(args, prepared, ports))
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
    print()
    for key, value in result.items():
        print(f"{key:22} {value}")
    verdict = (
        "met" if result["p95_ms"] is not None and result["p95_ms"] < 100 and not result["lost"] else "NOT met"
    )
    print(f"\ntarget p95 < 100 ms with no message lost: {verdict}")
    output = ROOT / "var" / "ws-bench-results.json"
    output.parent.mkdir(exist_ok=True)
    output.write_text(json.dumps(result, indent=2))
    print(f"written to {output.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
