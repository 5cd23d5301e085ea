"""A production deployment on loopback, for the tests in this folder.

Private services, so that stopping them disturbs nothing else on the machine: a PostgreSQL
cluster (initdb in a temporary directory, on a free port), a Redis server and an SMTP sink that
keeps what it receives. Server processes (uvicorn, started by tests/servers.py) and task workers
(`manage.py db_worker`) run with the production settings (`village.settings.production`), as
README "Run in production" describes, on free ports.
"""

import glob
import os
import pwd
import shutil
import socket
import socketserver
import subprocess
import tempfile
import threading
from pathlib import Path

from tests.servers import PYTHON, ROOT, free_port, start_servers, stop, wait_for

PG_BIN = (
    Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1])
    if glob.glob("/usr/lib/postgresql/*/bin")
    else None
)


def missing_tools():
    """Why this machine cannot run the stack, or None."""
    if PG_BIN is None:
        return "PostgreSQL server binaries are not installed"
    if not shutil.which("redis-server"):
        return "redis-server is not installed"
    return None


class Postgres:
    """A private cluster; as root, it runs as the postgres user (PostgreSQL refuses root)."""

    def __init__(self):
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="village-pg-"))
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            account = pwd.getpwnam("postgres")
            os.chown(self.directory, account.pw_uid, account.pw_gid)
        self._run(
            PG_BIN / "initdb", "-D", self.directory / "data", "-U", "postgres", "--auth=trust", "-E", "UTF8"
        )

    def _run(self, *command):
        command = [str(part) for part in command]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self):
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            PG_BIN / "pg_ctl",
            "-D",
            self.directory / "data",
            "-o",
            options,
            "-l",
            self.directory / "log",
            "-w",
            "start",
        )

    def stop(self):
        self._run(PG_BIN / "pg_ctl", "-D", self.directory / "data", "-m", "fast", "-w", "stop")

    def url(self, database="village"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name="village"):
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name],
            check=True,
            timeout=60,
        )

    def destroy(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.directory, ignore_errors=True)


class Redis:
    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for(
            lambda: socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close() or True,
            what="Redis",
        )

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"


class SmtpSink(socketserver.ThreadingTCPServer):
    """Just enough SMTP to accept mail from Django's SMTP backend and keep it."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        self.messages = []
        super().__init__(("127.0.0.1", 0), _SmtpHandler)
        self.port = self.server_address[1]
        threading.Thread(target=self.serve_forever, daemon=True).start()


class _SmtpHandler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 sink ready")
        recipients, data = [], None
        while line := self.rfile.readline():
            if data is not None:
                if line in (b".\r\n", b".\n"):
                    self.server.messages.append(
                        {"to": recipients, "data": b"".join(data).decode("utf-8", "replace")}
                    )
                    recipients, data = [], None
                    self.reply("250 kept")
                else:
                    data.append(line[1:] if line.startswith(b"..") else line)
                continue
            command = line.decode("ascii", "replace").strip().upper()
            if command.startswith("EHLO"):
                self.reply("250 sink")
            elif command.startswith("RCPT TO:"):
                recipients.append(line.decode().split(":", 1)[1].strip(" <>\r\n"))
                self.reply("250 ok")
            elif command == "DATA":
                data = []
                self.reply("354 go on")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:  # HELO, MAIL FROM, RSET, NOOP
                self.reply("250 ok")


class Stack:
    """PostgreSQL + Redis + SMTP sink, and the processes of the site started on demand."""

    def __init__(self):
        self.postgres = Postgres()
        self.redis = Redis()
        self.smtp = SmtpSink()
        self.directory = Path(tempfile.mkdtemp(prefix="village-stack-"))
        self.processes = []

    @property
    def env(self):
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "village.settings.production",
            "PYTHONPATH": f"{ROOT / 'site'}{os.pathsep}{ROOT}",
            "SECRET_KEY": "stack-test-secret-key-" + "x" * 40,
            "DATABASE_URL": self.postgres.url(),
            "REDIS_URL": self.redis.url,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.smtp.port),
            "EMAIL_USE_TLS": "0",
            "DEFAULT_FROM_EMAIL": "Village <noreply@village.test>",
            "SECURE_SSL_REDIRECT": "0",
            "STATIC_ROOT": str(self.directory / "static"),
            "MEDIA_ROOT": str(self.directory / "media"),
        }

    def start_services(self):
        self.postgres.start()
        self.postgres.create_database()
        self.redis.start()
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")

    def manage(self, *args, input=None, **env):
        result = subprocess.run(
            [PYTHON, str(ROOT / "manage.py"), *args],
            env={**self.env, **env},
            cwd=ROOT,
            capture_output=True,
            text=True,
            input=input,
            timeout=600,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def shell(self, code):
        """Runs Python code in a Django shell on the stack's database; returns what it prints."""
        return self.manage("shell", "--no-imports", "-c", code)

    def start_servers(self, count=1):
        """[(base URL, process)] of `count` server processes (tests/servers.py)."""
        started = start_servers(self.env, self.directory, count)
        self.processes += [process for _, process in started]
        return started

    def start_worker(self):
        process = subprocess.Popen(
            [
                PYTHON,
                "manage.py",
                "db_worker",
                "--queue-name",
                "*",
                "--interval",
                "0.2",
                "--no-startup-delay",
            ],
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=open(self.directory / "worker.log", "a"),  # noqa: SIM115
        )
        self.processes.append(process)
        return process

    def destroy(self):
        for process in self.processes:
            stop(process)
        self.redis.stop()
        self.smtp.shutdown()
        self.smtp.server_close()
        self.postgres.destroy()
        shutil.rmtree(self.directory, ignore_errors=True)
