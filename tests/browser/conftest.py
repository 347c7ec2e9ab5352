"""Fixtures for the browser layer: the demo site on a live server, Chromium and axe-core.

The demo content is loaded once per session into the test database and committed, and one live
server serves it for the whole session. Tests talk to that server through the browser only.

pytest-django's own ``live_server`` fixture is deliberately not used: asking for it makes
pytest-django add ``transactional_db`` to every test, which empties the database after each
test and would throw the demo site away after the first one. ``demo_server`` below starts the
same server class (pytest-django's ``LiveServer``, which shares an in-memory SQLite connection
with the server thread) but keeps it, and the data, for the whole session.

Browser tests carry ``@pytest.mark.django_db`` only so that pytest-django creates the test
database (it creates databases for marked tests alone) and lets the server thread use it. Each
test then runs inside a transaction that is rolled back afterwards: the demo data, committed
before the first test, is untouched, and anything a test writes through the site is undone.

Chromium is Debian's /usr/bin/chromium (``playwright install`` cannot download browsers here).
If it is missing the layer fails, unless ALLOW_SKIP_BROWSER=1 is set, when it is skipped.
"""

import functools
import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
MAIN_CSS = ROOT / "static_compiled" / "css" / "main.css"
SCREENSHOTS = ROOT / "test-results" / "screenshots"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Every WCAG A and AA rule axe-core has, up to WCAG 2.2. Nothing is disabled.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def pytest_collection_modifyitems(session, config, items):
    """Run the browser layer (and the benchmarks) after everything else.

    Both commit the demo content to the test database for the rest of the session, so when the
    whole suite runs in one invocation the unit tests must come first or they would see it.
    ``make test`` runs the layers separately anyway; this keeps a bare ``pytest`` honest too.
    """

    def loads_demo_content(item) -> bool:
        return any(item.get_closest_marker(name) for name in ("browser", "perf"))

    items.sort(key=loads_demo_content)


# --- Prerequisites ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_prerequisites():
    """Fail (or, with ALLOW_SKIP_BROWSER=1, skip) with a clear reason if anything is missing."""
    missing = []
    if not (CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK)):
        missing.append(
            f"{CHROMIUM} is not installed (apt-get install chromium; "
            "`playwright install` cannot work without internet access)"
        )
    if not AXE_JS.exists():
        missing.append(f"{AXE_JS} is missing (run `npm install`)")
    if not MAIN_CSS.exists():
        missing.append(f"{MAIN_CSS} is missing (run `npm run build` or `make static`)")
    if missing:
        reason = "Browser layer cannot run: " + "; ".join(missing)
        if os.environ.get("ALLOW_SKIP_BROWSER") == "1":
            pytest.skip(reason)
        pytest.fail(reason + ". Set ALLOW_SKIP_BROWSER=1 to skip it instead.", pytrace=False)


# --- The demo site on a live server -------------------------------------------------------------


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content, loaded once and committed to the session's test database."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())


@pytest.fixture(scope="session")
def demo_server(browser_prerequisites, demo_site, django_db_blocker):
    """A live server for the whole session, serving the demo site and its static files."""
    from pytest_django.live_server_helper import LiveServer

    addr = os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    with django_db_blocker.unblock():
        server = LiveServer(addr)
        server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture(scope="session")
def demo_pages(demo_server, django_db_blocker):
    """The demo site's addresses, found in the database (see pages.py)."""
    from pages import DemoPages

    with django_db_blocker.unblock():
        return DemoPages.discover()


# --- Playwright and Chromium --------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright_instance(browser_prerequisites):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; without this Django refuses the
    # ORM calls made here while it runs (fixtures, per-test transaction rollback) with "You
    # cannot call this from an async context". Set only while Playwright runs, and put back
    # afterwards: subprocesses started by other tests (`manage.py check --deploy`) must not
    # inherit it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            yield playwright
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def chromium(playwright_instance):
    browser = playwright_instance.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


def _new_page(chromium, demo_server, **context_options):
    context = chromium.new_context(
        base_url=demo_server.url,
        viewport={"width": 1280, "height": 900},
        locale="en-GB",
        **context_options,
    )
    context.set_default_timeout(15_000)
    return context, context.new_page()


@pytest.fixture
def page(chromium, demo_server):
    """A fresh browser tab (its own cookies and storage) with JavaScript on."""
    context, tab = _new_page(chromium, demo_server)
    yield tab
    context.close()


@pytest.fixture
def page_without_js(chromium, demo_server):
    """A fresh browser tab with JavaScript switched off, as some users and old devices have."""
    context, tab = _new_page(chromium, demo_server, java_script_enabled=False)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshot():
    """Saves a screenshot to test-results/screenshots/<name>.png for people to look at: the
    whole page for a page, or just the element for a locator."""
    from playwright.sync_api import Page

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(target, name: str) -> None:
        options = {"full_page": True} if isinstance(target, Page) else {}
        target.screenshot(path=str(SCREENSHOTS / f"{name}.png"), **options)

    return take


# --- axe-core -----------------------------------------------------------------------------------


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page) -> list[dict]:
    """Run axe-core's WCAG 2.0-2.2 A and AA rules on the page; return the violations."""
    from playwright.sync_api import Error as PlaywrightError

    if not page.evaluate("() => typeof window.axe === 'object'"):
        try:
            page.add_script_tag(path=str(AXE_JS))
        except PlaywrightError:
            # A Content-Security-Policy without 'unsafe-inline' blocks the injected <script>;
            # code evaluated through the DevTools protocol is not subject to it.
            page.evaluate(_axe_source())
    result = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations'],
        })""",
        AXE_TAGS,
    )
    return result["violations"]


def format_violations(violations: list[dict], url: str = "") -> str:
    """Violations as a readable report: what is wrong, how bad, where, and how to fix it."""
    lines = [f"{len(violations)} accessibility violation(s){f' on {url}' if url else ''}:"]
    for violation in violations:
        lines.append("")
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']}"
            f" ({', '.join(t for t in violation['tags'] if t.startswith('wcag'))})"
        )
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - target: {json.dumps(node['target'])}")
            lines.append(f"    html:   {node['html'][:300]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n            ")
            if summary:
                lines.append(f"    fix:    {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page) -> None:
    violations = run_axe(page)
    if violations:
        pytest.fail(format_violations(violations, page.url), pytrace=False)


class Axe:
    """The axe helpers, handed to tests by the ``axe`` fixture (test modules cannot import
    from conftest.py reliably: tests/ has more than one)."""

    run = staticmethod(run_axe)
    format = staticmethod(format_violations)
    assert_no_violations = staticmethod(assert_no_axe_violations)


@pytest.fixture(scope="session")
def axe(browser_prerequisites) -> Axe:
    return Axe()
