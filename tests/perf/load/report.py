"""Reading the load generators' output and writing the results into docs/performance.md.

Kept apart from the harness (and free of Django) so the parsing and the table can be checked
by a unit test without running a load.
"""

from __future__ import annotations

import csv
import json
import os
import platform
import re
from dataclasses import dataclass
from pathlib import Path

DOCS = Path(__file__).resolve().parents[3] / "docs" / "performance.md"
START, END = "<!-- load-benchmark:start -->", "<!-- load-benchmark:end -->"
HEADING = "## Load"
# Issue 9's targets on this 2-core machine.
P95_TARGET_MS = 150
CACHED_RPS_TARGET = 500


@dataclass
class EndpointStats:
    """One endpoint's row from a locust run (times in milliseconds)."""

    name: str
    requests: int
    failures: int
    rps: float
    p50: float
    p95: float
    p99: float


def read_locust_stats(path: Path) -> list[EndpointStats]:
    """Rows of locust's `<prefix>_stats.csv`; the "Aggregated" row last, named "all"."""
    rows = []
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle):
            rows.append(
                EndpointStats(
                    name="all" if row["Name"] == "Aggregated" else row["Name"],
                    requests=int(row["Request Count"]),
                    failures=int(row["Failure Count"]),
                    rps=float(row["Requests/s"]),
                    p50=_number(row["50%"]),
                    p95=_number(row["95%"]),
                    p99=_number(row["99%"]),
                )
            )
    return rows


def _number(text: str) -> float:
    # Locust writes "N/A" for an endpoint with no successful request.
    try:
        return float(text)
    except ValueError:
        return float("nan")


@dataclass
class WrkResult:
    """What wrk measured against one address, through the summary script wrk_summary.lua."""

    requests: int
    seconds: float
    errors: int
    non2xx: int
    p50: float
    p95: float
    p99: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def read_wrk_summary(output: str) -> WrkResult:
    """The JSON line wrk_summary.lua prints at the end of wrk's own report."""
    match = re.search(r"^\{.*\"requests\".*\}$", output, re.M)
    if not match:
        raise ValueError(f"No summary in wrk's output:\n{output}")
    return WrkResult(**json.loads(match.group(0)))


def machine(database_version: str, cpu_model: str | None = None) -> str:
    """One sentence about the machine, for the reader comparing runs."""
    cpu_model = cpu_model or _cpu_model()
    memory = ""
    try:
        with open("/proc/meminfo") as meminfo:
            kib = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read()).group(1))
            memory = f", {kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, AttributeError):
        pass
    return (
        f"{os.cpu_count()} CPUs ({cpu_model}){memory}, {platform.system()} "
        f"{platform.machine()}, Python {platform.python_version()}, {database_version}"
    )


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read())
            return found.group(1).strip() if found else platform.processor() or "unknown CPU"
    except OSError:
        return platform.processor() or "unknown CPU"


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"


def locust_table(rows: list[EndpointStats], costs: dict) -> list[str]:
    """Markdown rows, endpoints as listed by locust, with the p95 target marked, and each
    endpoint's cost on its own (`costs`: name to targets.PageCost)."""
    lines = [
        "| endpoint | requests | failures | req/s | p50 ms | p95 ms | p99 ms | queries "
        "| alone ms | CPU ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        over = row.name != "all" and not row.p95 < P95_TARGET_MS
        name = f"**{row.name}**" if row.name == "all" else row.name
        p95 = f"{row.p95:.0f}" + (" ⚠" if over else "")
        cost = costs.get(row.name)
        alone = f"{cost.queries} | {cost.alone_ms:.0f} | {cost.cpu_ms:.0f}" if cost else " |  | "
        lines.append(
            f"| {name} | {row.requests:,} | {row.failures} | {row.rps:.1f} | {row.p50:.0f} | "
            f"{p95} | {row.p99:.0f} | {alone} |"
        )
    return lines


def pages_over_target(rows: list[EndpointStats]) -> list[str]:
    """The anonymous pages whose p95 misses the target (the aggregate row is not a page)."""
    return [row.name for row in rows if row.name != "all" and not row.p95 < P95_TARGET_MS]


def write_docs(text: str, path: Path = DOCS) -> None:
    """Replaces the load section between its markers, or adds it at the end."""
    section = f"{START}\n{text}\n{END}"
    current = path.read_text() if path.exists() else "# Performance\n\nResults of `make bench`.\n"
    if START in current and END in current:
        current = re.sub(
            re.escape(START) + ".*?" + re.escape(END), lambda _m: section, current, flags=re.S
        )
    else:
        current = current.rstrip() + f"\n\n{HEADING}\n\n{section}\n"
    path.write_text(current)
