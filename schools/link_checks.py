"""Checking SEND Information Report links: the code behind the background task and
`manage.py check_report_links`.

Politeness: many schools share a host (a trust's website, a school-website company), so the
links are grouped by host and each host's links are checked one after another, with a pause
between them, while up to `workers` hosts are checked at once. Requests send a browser's user
agent, because some school websites refuse unknown clients, and follow redirects.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
from django.db import transaction
from django.utils import timezone

from hub.page_cache import content_changed
from schools.models import LinkCheck, LinkStatus, School

USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36 SENDInformationHubLinkCheck/1.0"
)
TIMEOUT_SECONDS = 15.0
WORKERS = 4
DELAY_SECONDS = 1.0
MAX_REDIRECTS = 10


@dataclass
class Result:
    status: str
    status_code: int | None = None
    final_url: str = ""
    error: str = ""
    elapsed_ms: int | None = None


def check_url(session: requests.Session, url: str, timeout: float = TIMEOUT_SECONDS) -> Result:
    """GET one link (body not downloaded) and say whether it works."""
    if not url:
        return Result(LinkStatus.MISSING)
    started = time.perf_counter()
    try:
        # GET, not HEAD: many school website platforms answer HEAD with 405 or 404.
        with session.get(url, timeout=timeout, allow_redirects=True, stream=True) as response:
            elapsed = int((time.perf_counter() - started) * 1000)
            status = LinkStatus.WORKING if response.status_code < 400 else LinkStatus.BROKEN
            return Result(status, response.status_code, response.url[:500], "", elapsed)
    except requests.Timeout:
        return Result(LinkStatus.TIMED_OUT, error=f"No answer within {timeout:g} seconds")
    except requests.TooManyRedirects:
        return Result(LinkStatus.BROKEN, error="Too many redirects")
    except requests.RequestException as error:
        return Result(LinkStatus.BROKEN, error=type(error).__name__ + ": " + str(error)[:250])


def _new_session() -> requests.Session:
    session = requests.Session()
    session.headers.update({"User-Agent": USER_AGENT, "Accept": "text/html,application/pdf,*/*"})
    session.max_redirects = MAX_REDIRECTS
    return session


def _check_host(
    links: list[tuple[int, str]], timeout: float, delay: float
) -> list[tuple[int, str, Result]]:
    """One host's links, one at a time, pausing between them."""
    results = []
    with _new_session() as session:
        for index, (school_id, url) in enumerate(links):
            if index and delay:
                time.sleep(delay)
            results.append((school_id, url, check_url(session, url, timeout)))
    return results


def check_schools(
    schools: Iterable[School],
    *,
    workers: int = WORKERS,
    delay: float = DELAY_SECONDS,
    timeout: float = TIMEOUT_SECONDS,
) -> dict[str, int]:
    """Check each school's report link, record the result and its history; counts by result.

    Network work happens in the thread pool; every database write happens afterwards in this
    thread, in one transaction, so a check never holds a database connection while it waits.
    """
    by_host: dict[str, list[tuple[int, str]]] = defaultdict(list)
    results: list[tuple[int, str, Result]] = []
    for school in schools:
        if not school.report_url:
            results.append((school.pk, "", Result(LinkStatus.MISSING)))
            continue
        by_host[urlsplit(school.report_url).netloc.lower()].append((school.pk, school.report_url))

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [pool.submit(_check_host, links, timeout, delay) for links in by_host.values()]
        for future in futures:
            results.extend(future.result())

    now = timezone.now()
    counts: dict[str, int] = defaultdict(int)
    with transaction.atomic():
        LinkCheck.objects.bulk_create(
            LinkCheck(
                school_id=school_id,
                url=url,
                checked_at=now,
                status=result.status,
                status_code=result.status_code,
                final_url=result.final_url,
                error=result.error[:300],
                elapsed_ms=result.elapsed_ms,
            )
            for school_id, url, result in results
        )
        for school_id, _url, result in results:
            School.objects.filter(pk=school_id).update(
                last_check_status=result.status,
                last_check_status_code=result.status_code,
                last_checked_at=now,
            )
            counts[result.status] += 1
        # School pages show the last check; update() sends no signal to move the cache on.
        content_changed()
    return dict(counts)
