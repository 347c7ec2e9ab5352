"""gunicorn, started for a test as it runs in production: a master and its worker processes,
serving the site on 127.0.0.1 from the test database.

The tests talk to it over HTTP only, and may kill its workers (`kill_worker`) to see what a crash
part way through a request leaves behind. Reusable by anything that needs a real server, such as
the benchmarks.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import requests

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
STARTUP_SECONDS = 90


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(settings_dict: dict, host: str | None = None, port: int | None = None) -> str:
    """A DATABASE_URL for Django's connection settings (the test database's, once pytest-django
    has made it), optionally through another host and port, such as a proxy's."""
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = host or settings_dict.get("HOST") or "127.0.0.1"
    port = port or int(settings_dict.get("PORT") or 5432)
    return f"postgres://{credentials}{host}:{port}/{quote(settings_dict['NAME'], safe='')}"


def child_pids(pid: int) -> list[int]:
    """The processes whose parent is `pid`, read from /proc (no psutil needed)."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # gone while we looked
        # The command name is in brackets and may hold spaces; the parent id follows the state.
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid:
            children.append(int(entry.name))
    return sorted(children)


@dataclass
class GunicornServer:
    """`with GunicornServer(database_url=...) as server:` serves until the block ends."""

    database_url: str
    workers: int = 4
    settings_module: str = "live_server_settings"
    extra_env: dict[str, str] = field(default_factory=dict)
    log_path: Path | None = None
    port: int = 0
    process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "hub.wsgi:application",
            f"--bind=127.0.0.1:{self.port}",
            f"--workers={self.workers}",
            "--worker-class=sync",
            # Loaded once in the master, so a killed worker is replaced in a moment.
            "--preload",
            "--timeout=60",
            "--graceful-timeout=5",
            f"--pythonpath={ROOT},{HERE}",
            f"--chdir={ROOT}",
        ]

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": self.settings_module,
                "DATABASE_URL": self.database_url,
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(self.extra_env)
        return env

    def start(self) -> GunicornServer:
        self.port = self.port or free_port()
        if self.log_path is None:
            self.log_path = Path(f"/tmp/live-gunicorn-{self.port}.log")  # noqa: S108
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            self.command(), env=self.environment(), stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        self._wait_until_serving()
        return self

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def __enter__(self) -> GunicornServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- Workers ---------------------------------------------------------------------------------

    def worker_pids(self) -> list[int]:
        assert self.process is not None
        return child_pids(self.process.pid)

    def kill_worker(self, pid: int) -> None:
        """SIGKILL: no clean-up, no goodbye, as when the kernel's OOM killer or a crash takes it."""
        assert pid in self.worker_pids(), f"{pid} is not one of this server's workers"
        os.kill(pid, signal.SIGKILL)

    def wait_for_workers(self, count: int | None = None, timeout: float = STARTUP_SECONDS) -> list:
        """Wait until the master has `count` live workers again (it replaces killed ones)."""
        count = count or self.workers
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pids = [pid for pid in self.worker_pids() if _is_running(pid)]
            if len(pids) == count:
                return pids
            time.sleep(0.1)
        raise AssertionError(f"gunicorn did not get back to {count} workers: {self.log_tail()}")

    # --- Diagnosis ---------------------------------------------------------------------------------

    def cpu_seconds(self) -> float:
        """CPU time the master and its workers (live and reaped) have used: on a shared machine
        a fairer measure of the work done than the time on the clock."""
        assert self.process is not None
        ticks = os.sysconf("SC_CLK_TCK")
        total = _cpu_ticks(self.process.pid, with_reaped_children=True)
        total += sum(_cpu_ticks(pid) for pid in self.worker_pids())
        return total / ticks

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path else ""

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log().splitlines()[-lines:])

    def _wait_until_serving(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited at start:\n{self.log_tail()}")
            try:
                # robots.txt needs no database, so this says only that a worker is answering.
                if requests.get(f"{self.base_url}/robots.txt", timeout=5).status_code == 200:
                    self.wait_for_workers()
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not start in {STARTUP_SECONDS}s:\n{self.log_tail()}")


def _is_running(pid: int) -> bool:
    """A killed worker stays a zombie until the master reaps it; it does not count."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def _cpu_ticks(pid: int, with_reaped_children: bool = False) -> int:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0
    fields = stat[stat.rindex(")") + 2 :].split()
    # utime, stime, cutime, cstime are fields 14-17 of stat; 12-15 after the name and state.
    used = int(fields[11]) + int(fields[12])
    if with_reaped_children:
        used += int(fields[13]) + int(fields[14])
    return used
