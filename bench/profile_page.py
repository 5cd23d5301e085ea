"""Profile one page in-process against the benchmark database (after `bench/run.py` set it up).

    .venv/bin/python bench/profile_page.py /nl/activiteiten/             # time 30 requests, count queries
    .venv/bin/python bench/profile_page.py /nl/activiteiten/ --profile   # and print the hottest functions

Runs the production settings (PostgreSQL, Redis) through Django's test client, without the
server: the time Django spends on the page, its queries and where the time goes.
"""

import argparse
import cProfile
import os
import pstats
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/village_bench")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--queries", action="store_true", help="print the SQL of one request")
    parser.add_argument("--cached", action="store_true", help="let the page cache answer (default: not)")
    args = parser.parse_args()
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": args.database_url,
            "REDIS_URL": args.redis_url,
            "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
            "EMAIL_HOST": "127.0.0.1",
            "DEFAULT_FROM_EMAIL": "bench@example.org",
            "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
        }
    )
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    if not args.cached:
        from django.conf import settings

        settings.VILLAGE_PAGE_CACHE = False
    client = Client()
    for path in args.paths:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        queries = []

        def record(execute, sql, params, many, context, queries=queries):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                queries.append({"sql": sql, "time": f"{(time.perf_counter() - started) * 1000:.1f}ms"})

        with connection.execute_wrapper(record):
            client.get(path)
        timings = []
        for _ in range(args.requests):
            started = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"{path}: median {statistics.median(timings):.1f} ms, min {min(timings):.1f} ms, "
            f"{len(queries)} queries, {len(response.content)} bytes"
        )
        if args.queries:
            for query in queries:
                print(f"  {query['time']} {query['sql'][:300]}")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(10):
                client.get(path)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)


if __name__ == "__main__":
    main()
