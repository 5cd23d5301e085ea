"""Server processes of the site for tests that need real ones: uvicorn serving
`village.asgi:application` on free loopback ports, started as deploy/systemd/village-web@.service
starts them, with the environment (settings, database, Redis) the test gives.

Used by tests/network/test_cross_process.py (two processes sharing Redis and the test database)
and tests/deploy/stack.py (the production stack with private services).
"""

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
UVICORN = str(Path(PYTHON).parent / "uvicorn")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, timeout=30, interval=0.2, what="it"):
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = check()
            if result:
                return result
        except Exception:  # noqa: BLE001, S110 - not ready yet
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"Waited {timeout} s for {what}")
        time.sleep(interval)


def get(url, headers=None):
    """(status, body) of a GET, whatever the status."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310 - loopback
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def start_servers(env, logs, count=1, timeout=60):
    """`count` server processes, each on a free port, its errors in `logs`/server-<port>.log.

    They start side by side; returns [(base URL, process)] once each answers /healthz, with
    whatever status (the health check may find a service down on purpose). Stop them with stop();
    when one does not come up, all are stopped and the error carries its log.
    """
    started = []
    for _ in range(count):
        port = free_port()
        log = Path(logs) / f"server-{port}.log"
        with log.open("w") as stderr:
            process = subprocess.Popen(
                [
                    UVICORN,
                    "village.asgi:application",
                    "--app-dir",
                    "site",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                ],
                env=env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        started.append((f"http://127.0.0.1:{port}", process, log))
    deadline = time.monotonic() + timeout
    try:
        for base, process, log in started:
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"The server on {base} stopped:\n{log.read_text()}")
                try:
                    get(base + "/healthz")
                    break
                except OSError:  # not listening yet
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"The server on {base} did not answer in {timeout} s") from None
                    time.sleep(0.3)
    except BaseException:
        for _, process, _ in started:
            stop(process)
        raise
    return [(base, process) for base, process, _ in started]


def stop(process):
    """SIGTERM, as systemd stops a service; killed if it has not stopped within 15 s."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
