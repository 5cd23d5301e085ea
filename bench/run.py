"""Benchmark of the main pages and the API on the production stack (PostgreSQL, Redis, uvicorn).

    .venv/bin/python bench/run.py                 # set up 10,000 activities and measure
    .venv/bin/python bench/run.py --skip-setup    # measure again on the same database

It creates (or recreates) a PostgreSQL database, loads the demo content and synthetic data at
scale (generate_activities), serves the site with production settings under uvicorn with
two worker processes, and drives it with wrk at 1 and 20 concurrent connections. Every URL is
measured beside a trivial Django view in the same run (the ceiling). Results are printed as a
table and written to var/bench-results.json.
"""

import argparse
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
UVICORN = ROOT / ".venv" / "bin" / "uvicorn"


def environment(args):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "EMAIL_HOST": "127.0.0.1",
        "DEFAULT_FROM_EMAIL": "bench@example.org",
        "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
    }


def manage(env, *command):
    subprocess.run([str(PYTHON), str(ROOT / "manage.py"), *command], env=env, check=True, cwd=ROOT)


def recreate_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def set_up(args, env):
    started = time.perf_counter()
    recreate_database(args.database_url)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo")
    # About 13% of generated activities are drafts or already ended: generate enough for the
    # asked number of *published* activities.
    generated = round(args.activities / 0.87)
    manage(
        env,
        "generate_activities",
        "--activities",
        str(generated),
        "--organisations",
        str(args.activities // 20),
        "--registrations",
        str(args.activities * 5),
    )
    # Fresh statistics, as autovacuum would have them on a running site.
    import psycopg

    with psycopg.connect(args.database_url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    print(f"set-up took {time.perf_counter() - started:.0f} s")


def urls_to_measure(env):
    """The URLs of the run: ids and paths read from the benchmark database."""
    code = (
        "import django, json; django.setup(); "
        "from activities.models import Activity, ActivityIndexPage; "
        "from django.utils import translation; "
        "translation.activate('nl'); "
        "a = Activity.objects.published().filter(venue__municipality='Anderlecht').first() "
        "or Activity.objects.published().first(); "
        "finder = ActivityIndexPage.objects.live().first(); "
        "print(json.dumps({'activity': a.get_absolute_url(), 'finder': finder.url, "
        "'count': Activity.objects.published().count()}))"
    )
    out = subprocess.run(
        [str(PYTHON), "-c", code], env=env, check=True, capture_output=True, text=True, cwd=ROOT
    )
    found = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"{found['count']} published activities")
    return {
        "trivial view (ceiling)": "/bench/trivial",
        "API, city bbox + filters": "/api/v1/activities?bbox=4.30,50.82,4.40,50.87&age=10&day=wed&lang=fr",
        "API, whole region": "/api/v1/activities",
        "activities page": found["finder"],
        "activities page, filtered": found["finder"] + "?age=10&free=on&time=wednesday_afternoon",
        "activity page": found["activity"],
        # The same pages when they do not come from the page cache (a logged-in visitor, or the
        # first visit after a change): every request has another address.
        "activities page, not cached": (found["finder"], UNCACHED),
        "activity page, not cached": (found["activity"], UNCACHED),
        "API, city bbox + filters, not cached": (
            "/api/v1/activities?bbox=4.30,50.82,4.40,50.87&age=10&day=wed&lang=fr",
            UNCACHED,
        ),
        "API, whole region, not cached": ("/api/v1/activities", UNCACHED),
    }


def start_server(args, env):
    server = subprocess.Popen(
        [
            str(UVICORN),
            "village.asgi:application",
            "--app-dir",
            "site",
            "--host",
            "127.0.0.1",
            "--port",
            str(args.port),
            "--workers",
            str(args.workers),
            "--lifespan",
            "off",
            "--no-access-log",
        ],
        env=env,
        cwd=ROOT,
    )
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("the server did not come up")


def fetch(port, path):
    started = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        body = response.read()
        return response.status, len(body), time.perf_counter() - started


UNCACHED = "uncached"


def wrk(port, path, connections, seconds, uncached=False):
    threads = min(connections, 2)
    result = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench" / "report.lua"),
            f"http://127.0.0.1:{port}{path}",
        ],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "BENCH_UNCACHED": "1" if uncached else "0"},
    )
    line = [text for text in result.stdout.splitlines() if text.startswith("{")][-1]
    data = json.loads(line)
    return {
        "connections": connections,
        "median_ms": data["p50_us"] / 1000,
        "p95_ms": data["p95_us"] / 1000,
        "requests_per_s": data["requests"] / (data["duration_us"] / 1e6),
        "errors": data["errors"] + data["non2xx"],
    }


def measure(args, urls):
    results = {}
    for name, path in urls.items():
        path, uncached = path if isinstance(path, tuple) else (path, None)
        uncached = uncached == UNCACHED
        status, size, _seconds = fetch(args.port, path)
        if status != 200:
            raise SystemExit(f"{name}: {path} answered {status}")
        cold = [
            fetch(args.port, f"{path}{'&' if '?' in path else '?'}_=cold{n}" if uncached else path)[2] * 1000
            for n in range(5)
        ]
        results[name] = {
            "path": path,
            "bytes": size,
            "single_request_ms": statistics.median(cold),
            "runs": [wrk(args.port, path, connections, args.seconds, uncached) for connections in (1, 20)],
        }
    return results


def print_table(results):
    ceiling = {run["connections"]: run for run in results["trivial view (ceiling)"]["runs"]}
    print()
    print(
        f"{'what':38} {'size':>9} {'conn':>4} {'median ms':>10} {'p95 ms':>8} {'req/s':>8} {'× ceiling':>9} {'errors':>6}"
    )
    for name, result in results.items():
        for run in result["runs"]:
            factor = run["median_ms"] / ceiling[run["connections"]]["median_ms"]
            print(
                f"{name:38} {result['bytes']:>9} {run['connections']:>4} {run['median_ms']:>10.1f} "
                f"{run['p95_ms']:>8.1f} {run['requests_per_s']:>8.0f} {factor:>9.1f} {run['errors']:>6}"
            )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/village_bench")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--activities", type=int, default=10_000, help="published activities to measure with")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--seconds", type=int, default=10, help="duration of each wrk run")
    parser.add_argument("--skip-setup", action="store_true", help="reuse the database of the previous run")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        subprocess.run([str(ROOT / "scripts" / "apt-install.sh"), "wrk"], check=True)
    subprocess.run([str(ROOT / "scripts" / "ensure-services.sh")], check=True, capture_output=True)
    env = environment(args)
    if not args.skip_setup:
        set_up(args, env)
    urls = urls_to_measure(env)
    server = start_server(args, env)
    try:
        results = measure(args, urls)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print_table(results)
    output = ROOT / "var" / "bench-results.json"
    output.write_text(json.dumps({"workers": args.workers, "results": results}, indent=2))
    print(f"\nwritten to {output.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
