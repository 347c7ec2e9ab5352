"""The load benchmark (issue 9): gunicorn on 127.0.0.1 under locust and wrk. `make bench` runs it.

1. A PostgreSQL database of its own (postgres://postgres@127.0.0.1:5432/sendhub_bench, or
   sendhub_bench_small for --scale small, unless --database-url says otherwise) holding the demo
   site topped up to the county's size (dataset.py). Built once and labelled with its scale;
   later runs reuse it, --rebuild starts again.
2. Queries per page, through Django's test client in this process (targets.py).
3. gunicorn with production settings over plain HTTP (hub.settings.bench), static files
   collected and served by whitenoise, Redis as the cache when it answers.
4. locust headless, 10 visitors: once with no pause between requests (the harshest load) and
   once pausing 1 to 3 seconds as a person reading would (the case issue 9's target is for).
5. wrk against the home page, without and with the page cache.
6. The results into docs/performance.md ("Load"), between its markers.

Needs wrk (Debian's package; `make bench` installs it when missing) and locust (dev extra).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
# The project, tests/perf (county_data) and this folder (dataset, targets, locustfile, report).
sys.path[:0] = [str(ROOT), str(HERE.parent), str(HERE)]

import report  # noqa: E402

VENV_BIN = Path(sys.executable).parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sendhub_bench"
# A Redis database number of its own: it is emptied before each server start.
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/11"
SETTINGS = "hub.settings.bench"
USERS = 10
# Visitors arrive two a second, so all ten are browsing after five seconds. Started all at once,
# their ten first requests landed together on two CPUs (about 300 ms for that one burst), which
# decided the p95 of an endpoint visited only a score of times in a run (questionnaire start).
SPAWN_RATE = 2
WRK_CONNECTIONS = 10
# How long each part runs, in seconds: (locust without pauses, locust with think time, wrk).
DURATIONS = {"full": (60, 180, 20), "small": (15, 30, 5)}
# The one line that switches part A's page cache on for the cached run.
PAGE_CACHE_ON = {"PAGE_CACHE_SECONDS": "300"}
PAGE_CACHE_OFF = {"PAGE_CACHE_SECONDS": "0"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=["full", "small"], default="full")
    parser.add_argument(
        "--database-url", help=f"default {DEFAULT_DATABASE_URL}, with _small for --scale small"
    )
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL)
    parser.add_argument("--rebuild", action="store_true", help="Build the data again.")
    parser.add_argument(
        "--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="gunicorn workers"
    )
    parser.add_argument("--no-docs", action="store_true", help="Print only; leave the docs.")
    parser.add_argument("--build-only", action="store_true", help="Build the data, then stop.")
    args = parser.parse_args()
    # Each scale keeps a database of its own, so a quick check does not throw the full one away.
    args.database_url = args.database_url or DEFAULT_DATABASE_URL + (
        "" if args.scale == "full" else f"_{args.scale}"
    )

    wrk = shutil.which("wrk")
    if not wrk:
        print("wrk is missing: apt-get install -y wrk (make bench does this).", file=sys.stderr)
        return 2
    redis_url = args.redis_url if _redis_answers(args.redis_url) else ""
    # The page cache stays off (production switches it on) until the cached run.
    environment = _server_environment(args.database_url, redis_url) | PAGE_CACHE_OFF
    os.environ.update(environment)

    load_before = report.load_average()
    built = _prepare_database(args.database_url, args.scale, args.rebuild)
    if args.build_only:
        print(f"Database {built}.")
        return 0

    import dataset
    import targets as target_module
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    call_command("collectstatic", interactive=False, verbosity=0)
    targets = target_module.discover()
    costs = target_module.measure_pages(targets)
    totals = dataset.counts()
    database_version = _postgresql_version(connection)
    page_cache = hasattr(settings, "PAGE_CACHE_SECONDS")
    connection.close()

    no_wait, think, wrk_seconds = DURATIONS[args.scale]
    work = Path(tempfile.mkdtemp(prefix="sendhub-load-"))
    print(f"Logs and locust output in {work}")
    with _gunicorn(args.workers, environment, work / "uncached.log") as base:
        _warm_up(base, targets, args.workers)
        home_uncached = _wrk(wrk, base + "/", wrk_seconds)
        harsh = _locust(base, targets, "0", no_wait, work / "no-wait")
        gentle = _locust(base, targets, "1-3", think, work / "think-time")
    home_cached = None
    if page_cache:
        with _gunicorn(args.workers, environment | PAGE_CACHE_ON, work / "cached.log") as base:
            _warm_up(base, targets, args.workers)
            home_cached = _wrk(wrk, base + "/", wrk_seconds)

    text = _results_text(
        args=args,
        built=built,
        totals=totals,
        database_version=database_version,
        redis_url=redis_url,
        load_before=load_before,
        costs=costs,
        harsh=harsh,
        gentle=gentle,
        home_uncached=home_uncached,
        home_cached=home_cached,
        durations=(no_wait, think, wrk_seconds),
    )
    print("\n" + text + "\n")
    if not args.no_docs:
        report.write_docs(text)
        print(f"Written to {report.DOCS}")
    failures = sum(row.failures for row in harsh + gentle if row.name == "all")
    if failures:
        print(f"{failures} requests failed: see {work}/*_failures.csv", file=sys.stderr)
        return 1
    return 0


# --- The database -------------------------------------------------------------------------------


def _prepare_database(database_url: str, scale_name: str, rebuild: bool) -> str:
    """Reuses the database if it was built at this scale, else builds it. Returns a sentence
    saying which, and how long the build took."""
    import django

    django.setup()
    # This process's own requests (the query counts) and page saves need no log lines; the
    # server keeps production's logging.
    logging.disable(logging.INFO)
    import dataset
    from django.core.management import call_command
    from django.db import connection

    scale = dataset.SCALES[scale_name]
    _ensure_database(database_url)
    label = dataset.read_stamp()
    if not rebuild and label.startswith(dataset.stamp(scale)):
        call_command("migrate", interactive=False, verbosity=0)
        built_in = label.removeprefix(dataset.stamp(scale)).strip()
        return f"reused from an earlier run; it was {built_in}"
    connection.close()
    _ensure_database(database_url, recreate=True)
    print(f"Building the {scale_name} data set in {_database_name(database_url)}:")
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrated = time.perf_counter() - started
    print(f"  migrations: {migrated:.0f} s")
    parts = dataset.build(scale)
    seconds = time.perf_counter() - started
    detail = ", ".join(f"{name} {s:.0f} s" for name, s in {"migrations": migrated, **parts}.items())
    sentence = (
        f"built in {seconds:.0f} s ({detail}; load average {os.getloadavg()[0]:.1f} "
        "at the end of the build)"
    )
    dataset.write_stamp(scale, sentence)
    return sentence


def _database_name(database_url: str) -> str:
    return urlsplit(database_url).path.lstrip("/")


def _ensure_database(database_url: str, recreate: bool = False) -> None:
    import psycopg

    name = _database_name(database_url)
    maintenance = urlunsplit(urlsplit(database_url)._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and recreate:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def _postgresql_version(connection) -> str:
    version = connection.cursor().connection.info.server_version
    return f"PostgreSQL {version // 10000}.{version % 10000}"


# --- The server ---------------------------------------------------------------------------------


def _server_environment(database_url: str, redis_url: str) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        # Database search, whatever the shell says: the benchmark measures this machine alone.
        "ELASTICSEARCH_URL": "",
        "SECRET_KEY": "load-benchmark-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DEBUG": "false",
        # Nothing sits in front of gunicorn here: the visitor's address is the connection's.
        "TRUSTED_PROXY_COUNT": "0",
    }


def _redis_answers(redis_url: str) -> bool:
    try:
        import redis

        redis.Redis.from_url(redis_url, socket_connect_timeout=1).ping()
        return True
    except Exception:  # any failure means "run without Redis"
        return False


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def _gunicorn(workers: int, environment: dict[str, str], log: Path):
    """gunicorn as the Procfile runs it (sync workers; the app logs each request), on a free
    local port."""
    if environment.get("REDIS_URL"):
        import redis

        redis.Redis.from_url(environment["REDIS_URL"]).flushdb()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    command = [
        str(VENV_BIN / "gunicorn"),
        "hub.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
    ]
    with log.open("w") as output:
        server = subprocess.Popen(  # noqa: S603 - our own command line
            command,
            cwd=ROOT,
            env=os.environ | environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_until_serving(base, server, log)
            yield base
        finally:
            _stop(server)


def _stop(server: subprocess.Popen) -> None:
    """The master and its workers (a session of their own), if still running."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def _wait_until_serving(base: str, server: subprocess.Popen, log: Path) -> None:
    for _ in range(120):
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(base + "/", timeout=5) as answer:  # noqa: S310
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer within a minute:\n{log.read_text()[-3000:]}")


def _warm_up(base: str, targets: dict, workers: int) -> None:
    """Every address a few times, so each worker has loaded its templates and caches before
    anything is timed (a real server has been up for hours)."""
    urls = ["/", *targets["directory"], *targets["services"][:10], *targets["school_search"]]
    urls += [*targets["site_search"], targets["updates"], *targets["ambitions"]]
    for _round in range(workers * 2):
        for url in urls:
            try:
                urllib.request.urlopen(base + url, timeout=30).read()  # noqa: S310
            except urllib.error.HTTPError as error:
                raise RuntimeError(f"{url} answered {error.code} while warming up") from error


# --- The load generators ------------------------------------------------------------------------


def _locust(base: str, targets: dict, wait: str, seconds: int, prefix: Path):
    command = [
        str(VENV_BIN / "locust"),
        f"--locustfile={HERE / 'locustfile.py'}",
        "--headless",
        f"--users={USERS}",
        f"--spawn-rate={SPAWN_RATE}",
        f"--run-time={seconds}s",
        f"--host={base}",
        f"--csv={prefix}",
        "--only-summary",
        "--stop-timeout=10",
        "--loglevel=WARNING",
    ]
    print(f"locust: {USERS} users, wait {wait} s, {seconds} s")
    environment = os.environ | {"LOAD_TARGETS": json.dumps(targets), "LOAD_WAIT": wait}
    # locust exits with 1 when any request failed; the failures are reported from its CSV.
    subprocess.run(command, env=environment, check=False, stdout=subprocess.DEVNULL)  # noqa: S603
    return report.read_locust_stats(Path(f"{prefix}_stats.csv"))


def _wrk(wrk: str, url: str, seconds: int) -> report.WrkResult:
    print(f"wrk: {url}, {WRK_CONNECTIONS} connections, {seconds} s")
    command = [
        wrk,
        "--threads=2",
        f"--connections={WRK_CONNECTIONS}",
        f"--duration={seconds}s",
        f"--script={HERE / 'wrk_summary.lua'}",
        url,
    ]
    finished = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    return report.read_wrk_summary(finished.stdout)


# --- The results --------------------------------------------------------------------------------


def _results_text(
    *,
    args,
    built,
    totals,
    database_version,
    redis_url,
    load_before,
    costs,
    harsh,
    gentle,
    home_uncached,
    home_cached,
    durations,
) -> str:
    no_wait, think, wrk_seconds = durations
    missed = report.pages_over_target(gentle)
    cache = f"Redis ({redis_url})" if redis_url else "local memory (Redis did not answer)"
    lines = [
        f"Measured {date.today():%-d %B %Y} by `tests/perf/load/run_load_benchmark.py` "
        f"(`make bench`, scale `{args.scale}`) on {report.machine(database_version)}.",
        f"Load average (1 / 5 / 15 min) before the run {load_before}, after it "
        f"{report.load_average()}; the load generators run on the same CPUs as the server "
        "and the database."
        + (
            " **The machine was busy** (load average above its number of CPUs): the times "
            "include waiting for other programs' turn on a CPU. Rerun on a quiet machine before "
            "judging the targets."
            if float(load_before.split(" / ")[0]) > (os.cpu_count() or 1)
            else ""
        ),
        "",
        "Data: "
        + ", ".join(f"{n:,} {what}" for what, n in totals.items())
        + f" (English pages; demo content included). Database {built}.",
        "",
        f"Server: gunicorn, {args.workers} sync workers, `{SETTINGS}` (production over plain "
        f"HTTP), whitenoise, cache in {cache}. *queries*, *alone ms* and *CPU ms*: one request "
        "at a time through Django's test client in the harness's process (no network, nothing "
        "queued; queries are the most any of the endpoint's addresses needs; the times are "
        "medians, CPU ms being this process's CPU time without the database's). Costly counts "
        "(the ambition dashboards' figures, the directory's filter counts) are kept for "
        "COUNTS_CACHE_SECONDS, as in production; the page cache is off except where it says so.",
        "",
        f'"{USERS} concurrent users" means {USERS} locust users (arriving {SPAWN_RATE} a second), '
        "each doing one request at a time: the home page, the directory with one of five filter sets, one of 200 services, "
        "a school search and a site search (six queries each), the updates index, one of the "
        "five ambition pages, or one questionnaire step (GET, then POST with its CSRF token), "
        "picked at random with equal weight. Times in milliseconds; locust rounds times over "
        "100 ms to 10 ms.",
        "",
        f"### No pause between requests ({no_wait} s)",
        "",
        "The harshest case: every user sends its next request as soon as the last one "
        f"answers, so {USERS} requests are always queued for {os.cpu_count()} CPUs.",
        "",
        *report.locust_table(harsh, costs),
        "",
        f"### 1 to 3 seconds' pause, as people read ({think} s)",
        "",
        "Issue 9's target applies here: p95 under "
        f"{report.P95_TARGET_MS} ms for every page, uncached. "
        + (
            "**Met** for every endpoint."
            if not missed
            else f"**Missed** by: {', '.join(missed)} (⚠ in the table)."
        ),
        "",
        *report.locust_table(gentle, costs),
        "",
        f"### One page as fast as it will go (wrk, {WRK_CONNECTIONS} connections, {wrk_seconds} s)",
        "",
        "| run | req/s | p50 ms | p95 ms | p99 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        _wrk_row("home, uncached", home_uncached),
    ]
    if home_cached is not None:
        lines.append(_wrk_row("home, page cache on", home_cached))
        verdict = "**met**" if home_cached.rps >= report.CACHED_RPS_TARGET else "**missed**"
        lines += [
            "",
            f"Target of {report.CACHED_RPS_TARGET} requests a second for a cached anonymous "
            f"page: {verdict} ({home_cached.rps:,.0f}).",
        ]
    else:
        lines += [
            "",
            "No cached run: this build has no page cache (no PAGE_CACHE_SECONDS setting). "
            "run_load_benchmark.PAGE_CACHE_ON switches it on once it exists.",
        ]
    return "\n".join(lines)


def _wrk_row(name: str, result: report.WrkResult) -> str:
    return (
        f"| {name} | {result.rps:,.0f} | {result.p50:.1f} | {result.p95:.1f} | "
        f"{result.p99:.1f} | {result.errors + result.non2xx} |"
    )


if __name__ == "__main__":
    sys.exit(main())
