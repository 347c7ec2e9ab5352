"""The Content Security Policy in a real browser: every public page type, the site's scripts at
work (autocomplete, the questionnaire), the admin's page editor with its preview panel, and the
Wagtail user bar that editors see on public pages, all with no violation.

Violations are recorded in every frame by a `securitypolicyviolation` listener added before any
of the page's own scripts run; Chromium's console messages about the policy are kept as well.
"""

import pytest
from django.contrib.auth import get_user_model
from pages import PAGE_TYPES, RTL_LANGUAGE

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}` +
    ` (${event.sourceFile || event.documentURI}:${event.lineNumber})`
  );
});
"""

EDITOR = {"username": "csp-editor", "password": "a-long-password-for-csp-tests"}


class ViolationWatch:
    """What a tab has reported about the policy so far, across all its frames."""

    def __init__(self, page):
        self.page = page
        self.console: list[str] = []
        page.on("console", self._on_console)

    def _on_console(self, message):
        text = message.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.console.append(text)

    def violations(self) -> list[str]:
        found = []
        for frame in self.page.frames:
            if frame.is_detached() or frame.url in ("", "about:blank"):
                continue
            found += [
                f"{frame.url}: {violation}"
                for violation in frame.evaluate("() => window.__cspViolations || []")
            ]
        return found + [f"console: {text}" for text in self.console]

    def assert_none(self, where: str) -> None:
        found = self.violations()
        assert not found, f"Content Security Policy violations on {where}:\n" + "\n".join(found)


@pytest.fixture
def watched(page):
    """A tab that records policy violations; returns (page, watch)."""
    page.context.add_init_script(RECORD_VIOLATIONS)
    yield page, ViolationWatch(page)
    # The admin's editor keeps talking to the server (session pings, preview refreshes). Leave
    # it and let the last request finish before the test's data is rolled back, so it cannot
    # land in the next test's transaction.
    page.goto("about:blank")
    page.wait_for_timeout(500)


def open_enforced(page, url: str, status: int = 200):
    """Open a public address and check the policy on it is enforced, not just reported."""
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == status, url
    headers = response.all_headers()
    assert "content-security-policy-report-only" not in headers
    policy = headers.get("content-security-policy", "")
    assert "script-src 'self';" in policy + ";" and "'unsafe-inline'" not in policy, policy
    page.wait_for_load_state("networkidle")
    return response


# --- The recorder itself --------------------------------------------------------------------


def test_the_recorder_catches_inline_code(watched, demo_pages):
    page, watch = watched
    open_enforced(page, demo_pages.english["home"].url)
    # Code run through the DevTools protocol is not itself blocked, but what it inserts is.
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__ranInline = true";
            document.body.append(script);
            document.body.insertAdjacentHTML("beforeend", '<p style="color: red">x</p>');
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.__ranInline") is None
    directives = " ".join(watch.violations())
    assert "script-src-elem" in directives and "style-src-attr" in directives


# --- Public pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
@pytest.mark.parametrize("language", ["en", RTL_LANGUAGE])
def test_every_public_page_type_runs_without_violations(watched, demo_pages, page_type, language):
    page, watch = watched
    pages = demo_pages.english if language == "en" else demo_pages.urdu
    if page_type not in pages:
        pytest.fail(f"The demo site has no {language} {page_type} page")
    open_enforced(page, pages[page_type].url)
    watch.assert_none(str(pages[page_type]))


@pytest.fixture(scope="module")
def other_public_addresses(demo_pages, django_db_blocker):
    """Addresses that are not pages of their own type: routes below pages, search, errors."""
    from local_offer.models import Service

    with django_db_blocker.unblock():
        service = Service.objects.published().order_by("pk").first()
        key = service.translation_key
    directory = demo_pages.english["local_offer"].url
    consultation = demo_pages.english["consultation"].url
    return {
        "service": (f"{directory}service/{key}/", 200),
        "report a problem": (f"{directory}service/{key}/report-a-problem/", 200),
        "filtered directory": (f"{directory}?area=communication&age=8", 200),
        "search results": ("/search/?q=ehcp", 200),
        "paper copy": (f"{consultation}print/", 200),
        "not found": (demo_pages.not_found_url, 404),
    }


@pytest.mark.parametrize(
    "name",
    [
        "service",
        "report a problem",
        "filtered directory",
        "search results",
        "paper copy",
        "not found",
    ],
)
def test_other_public_addresses_run_without_violations(watched, other_public_addresses, name):
    page, watch = watched
    url, status = other_public_addresses[name]
    open_enforced(page, url, status)
    watch.assert_none(f"{name} ({url})")


def test_the_site_search_autocomplete_runs_without_violations(watched, demo_pages):
    page, watch = watched
    open_enforced(page, demo_pages.english["home"].url)
    box = page.locator("#site-search-q[data-combobox-ready]")
    box.wait_for()
    box.focus()
    page.keyboard.type("oakwood", delay=30)
    page.locator("#site-search-q-listbox").wait_for(state="visible")
    watch.assert_none("the site search autocomplete")


def test_the_questionnaire_runs_without_violations(watched, demo_pages):
    page, watch = watched
    open_enforced(page, demo_pages.english["consultation"].url)
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/answer/step-1/")
    # Sent empty: the error summary and the fields' error messages are shown too.
    page.get_by_role("button", name="Continue", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".govuk-error-summary").is_visible()
    watch.assert_none("the questionnaire's first step")
    page.get_by_role("button", name="Save and come back later").click()
    page.wait_for_load_state("networkidle")
    code = page.locator(".hub-return-code")
    assert code.inner_text().strip()
    # The return code is spaced out by the stylesheet now, not by an inline style.
    assert code.evaluate("(element) => getComputedStyle(element).letterSpacing") != "normal"
    watch.assert_none("the page with the return code")


# --- The admin ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def editor(demo_pages, django_db_blocker):
    """A superuser committed outside the test's transaction, so the live server can see it.

    (Created inside a test it would sit in that test's uncommitted transaction, which the
    server thread's own connection cannot read on PostgreSQL.)
    """
    with django_db_blocker.unblock():
        user = get_user_model().objects.filter(username=EDITOR["username"]).first()
        if user is None:
            get_user_model().objects.create_superuser(email="csp@example.org", **EDITOR)


def sign_in(page) -> None:
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(EDITOR["username"])
    page.get_by_label("Password").fill(EDITOR["password"])
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    assert page.url.endswith("/admin/"), page.locator("main").inner_text()


@pytest.fixture(scope="module")
def editable_page_id(demo_pages, django_db_blocker):
    from home.models import InformationPage

    with django_db_blocker.unblock():
        return InformationPage.objects.live().order_by("path").first().pk


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/django-admin/"])
def test_admin_screens_run_without_violations_under_the_admin_policy(watched, path, editor):
    page, watch = watched
    sign_in(page)
    response = page.goto(path, wait_until="load")
    assert response.status == 200
    assert "frame-ancestors 'self'" in response.all_headers()["content-security-policy"]
    page.wait_for_load_state("networkidle")
    watch.assert_none(path)


def test_the_page_editor_and_its_preview_run_without_violations(watched, editable_page_id, editor):
    page, watch = watched
    sign_in(page)
    response = page.goto(f"/admin/pages/{editable_page_id}/edit/", wait_until="load")
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    page.locator("[data-side-panel-toggle='preview']").first.click()
    # The preview is framed by the editor: it must load (frame-ancestors 'self'), not be refused.
    preview = page.frame_locator("iframe.w-preview__iframe:not([src=''])").last
    preview.locator("h1").first.wait_for()
    page.wait_for_load_state("networkidle")
    preview_frames = [frame for frame in page.frames if "/preview/" in frame.url]
    assert preview_frames, [frame.url for frame in page.frames]
    watch.assert_none("the page editor with its preview panel open")


def test_the_user_bar_on_public_pages_runs_without_violations(watched, demo_pages, editor):
    page, watch = watched
    sign_in(page)
    open_enforced(page, demo_pages.english["information"].url)
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.locator("#wagtail-userbar-trigger").click()
    page.wait_for_timeout(500)
    watch.assert_none("a public page with the Wagtail user bar")
