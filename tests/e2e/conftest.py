"""Browser journeys: Debian's Chromium, driven by Playwright, against the real ASGI app.

Every page a journey shows is checked with axe-core, without the journey asking:

* axe and a small runner are an init script of the browser context, so each document checks
  itself once it is complete and reports to Python through an exposed binding;
* a route on navigation requests holds the browser on the page being left until that page's
  check has reported, so a quick click onwards cannot skip it;
* the Content-Security-Policy is enforced, and a page that breaks it, or whose scripts throw
  an error, fails the test;
* `visit()`, and the end of every test that uses `page`, wait for the current page's check;
  violations of impact "serious" or "critical" fail the test, with rule, impact, help,
  the offending elements and the page's address.

`assert_accessible(page)` checks the page again as it is now, for changes without navigation.
"""

import asyncio
import contextlib
import json
import re
import socket
import threading
import time
import types
import weakref
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
NO_CHROMIUM = "Debian's chromium is not installed: browser tests skipped (make test installs it when it can)"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
E2E_DIR = Path(__file__).resolve().parent

AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
FAILING_IMPACTS = {"serious", "critical"}
AUDIT_TIMEOUT = 15  # seconds; axe takes well under one on these pages
# Runs in every document after axe itself. Only top-level web pages are checked; frames are
# part of their page's check.
AUDIT_RUNNER = """
(() => {
  if (window.top !== window || !/^https?:$/.test(location.protocol)) return;
  const report = window.__villageAxeReport;
  const id = Math.random().toString(36).slice(2) + Date.now().toString(36);
  report("start", id, location.href, null);
  // The Content-Security-Policy forbids inline scripts: a page that still has one fails.
  document.addEventListener("securitypolicyviolation", (event) =>
    report("csp", id, location.href, `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"} (${event.sourceFile || ""}:${event.lineNumber})`),
  );
  // Not the load event: when a navigation away stops a page that is still loading, its
  // readyState still becomes "complete", but it never fires "load".
  const complete = new Promise((resolve) => {
    if (document.readyState === "complete") resolve();
    else document.addEventListener("readystatechange", () => document.readyState === "complete" && resolve());
  });
  window.__villageAxeAudit = complete
    .then(() => (document.contentType === "text/html" ? axe.run(document, OPTIONS) : null))
    .then(
      (results) => report("done", id, location.href, results ? results.violations : []),
      (error) => report("error", id, location.href, String((error && error.stack) || error)),
    );
})();
"""


def pytest_collection_modifyitems(config, items):
    # A conftest's hooks see the whole session's items: only touch the ones under this folder.
    skip = pytest.mark.skip(reason=NO_CHROMIUM)
    for item in items:
        if E2E_DIR in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After a journey that passed, wait for the check of the page it ended on, so that
    violations found there fail the test itself rather than its teardown."""
    result = yield
    page = getattr(item, "funcargs", {}).get("page")
    if page is not None and not page.is_closed():
        _auditor(page).settle(page)
    return result


# --- Live server ------------------------------------------------------------------------------


@pytest.fixture
def live_server_url(transactional_db, django_db_serialized_rollback, monkeypatch):
    """The ASGI application (HTTP and WebSocket) served by uvicorn from a thread of this process.

    Transactional, so that the server's connections see what the test writes; with serialized
    rollback, so that what migrations created is there (see `_migrated_database`).
    """
    import uvicorn
    from django.db import connections
    from django.db.backends.signals import connection_created

    from village.asgi import application

    # Each ASGI request runs in a context of its own: a connection allowed to persist after it
    # would be left open, and PostgreSQL would refuse to drop the test database at the end.
    for alias in connections:
        monkeypatch.setitem(connections.settings[alias], "CONN_MAX_AGE", 0)
    # Django closes a request's connection only when the request finishes; one the browser
    # gave up on (a page closed mid-load) keeps it until garbage collection.
    opened = weakref.WeakSet()

    def remember(sender, connection, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            opened.add(connection)

    connection_created.connect(remember, weak=False)

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))  # a free port that is ours from now on: no race for it
    host, port = sock.getsockname()
    config = uvicorn.Config(application, host=host, port=port, lifespan="off", log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="live-server", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("The live server did not start")
            time.sleep(0.01)
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        connection_created.disconnect(remember)
        for connection in list(opened):
            if connection.connection is None:
                continue
            # Its thread has ended: no Django bookkeeping left. A pooled connection goes back to
            # its pool (PostgreSQL), or the pool would count it as lent for good.
            pool = getattr(connection.connection, "_pool", None)
            if pool is not None:
                pool.putconn(connection.connection)
                connection.connection = None
            else:
                connection.connection.close()
    assert not thread.is_alive(), "The live server did not stop within 10 seconds"


# --- Browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="package")
def browser():
    """Chromium, shared by the browser tests.

    Package-scoped rather than session-scoped: between calls, Playwright's sync API leaves its
    event loop marked as running in the main thread, so pytest-asyncio tests that run after
    these ones could not start theirs while it lives.
    """
    if not CHROMIUM.exists():
        pytest.skip(NO_CHROMIUM)
    from django.db import connections
    from playwright.sync_api import sync_playwright

    connection = connections["default"]
    with sync_playwright() as playwright, pytest.MonkeyPatch.context() as monkeypatch:
        _hide_loop_from_django(asyncio.get_running_loop(), monkeypatch)
        assert connections["default"] is connection, "Django sees Playwright's event loop"
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _AsyncioWithout(types.ModuleType):
    """asyncio, except that one event loop never counts as running."""

    def __init__(self, loop):
        super().__init__("asyncio")
        self._hidden = loop

    def __getattr__(self, name):
        return getattr(asyncio, name)

    def get_running_loop(self):
        loop = asyncio.get_running_loop()
        if loop is self._hidden:
            raise RuntimeError("no running event loop")
        return loop


def _hide_loop_from_django(playwright_loop, monkeypatch):
    """Playwright's loop is marked as running in the tests' thread, so Django and asgiref
    would take the tests' sync code for async code: refuse ORM calls, give the thread other
    database connections than the test database was set up with (losing the serialized
    rollback), refuse async_to_sync. The test code is sync: hide that loop from them. Any
    other loop, such as the live server's, is still seen."""
    import asgiref.local
    import asgiref.sync
    import django.utils.asyncio

    shim = _AsyncioWithout(playwright_loop)
    monkeypatch.setattr(asgiref.local, "asyncio", shim)
    monkeypatch.setattr(asgiref.sync, "asyncio", shim)
    monkeypatch.setattr(django.utils.asyncio, "get_running_loop", shim.get_running_loop)


@pytest.fixture
def browser_locale():
    """The browser's language, and so its Accept-Language header. Parametrize to change it:
    `@pytest.mark.parametrize("browser_locale", ["fr-BE"])`."""
    return "nl-BE"


@pytest.fixture
def page(browser, live_server_url, browser_locale):
    """A phone-sized tab on the live server. Every page it shows is checked with axe."""
    with checked_page(browser, live_server_url, browser_locale) as page:
        yield page


@contextlib.contextmanager
def checked_page(browser, base_url, locale, device=PHONE):
    """A tab in a new browser context of that size (PHONE, DESKTOP) and language. Every page it
    shows is checked with axe."""
    context = browser.new_context(**device, base_url=base_url, locale=locale)
    context.set_default_timeout(10_000)
    auditor = _Auditor()
    context.expose_binding("__villageAxeReport", auditor.report)
    context.add_init_script(_axe_source() + ";\n" + AUDIT_RUNNER.replace("OPTIONS", json.dumps(AXE_OPTIONS)))
    context.route("**/*", auditor.hold_navigation)
    page = context.new_page()
    page._village_auditor = auditor
    # A script error is a broken page, whatever the journey goes on to check.
    page.on("pageerror", lambda error: auditor.failures.append(f"{page.url}: script error: {error}"))
    try:
        yield page
        # The last page is checked as part of the test (pytest_runtest_call below); this
        # reports what pages left before a failure had found.
        auditor.raise_failures()
    finally:
        context.close()


def visit(page, path):
    """Open a path on the live server, wait for its accessibility check and return the response."""
    if page.url.startswith("http"):
        _auditor(page).settle(page)  # what the page being left found fails here, not later
    response = page.goto(path)
    _auditor(page).settle(page)
    return response


def assert_accessible(page):
    """Check the page again as it is now, after a change without navigation (a menu opened,
    content shown by a script). Navigations are checked without being asked."""
    auditor = _auditor(page)
    auditor.settle(page)
    if page.evaluate("() => typeof window.axe === 'undefined'"):
        page.evaluate(_axe_source())
    violations = page.evaluate(
        "async (options) => (await axe.run(document, options)).violations", AXE_OPTIONS
    )
    auditor.check(page.url, violations)
    auditor.raise_failures()


def _auditor(page):
    return page._village_auditor


class _Auditor:
    """What the pages of one browser context reported about their accessibility."""

    def __init__(self):
        self.unfinished = {}  # document id -> (page, url)
        self.failures = []

    def report(self, source, kind, document, url, data):
        page = source["page"]
        if kind == "start":
            for other, (other_page, other_url) in list(self.unfinished.items()):
                if other_page == page:
                    del self.unfinished[other]
                    self.failures.append(
                        f"{other_url} was left before it had loaded, so it was not checked for "
                        "accessibility: wait for its content (expect(...)) before moving on."
                    )
            self.unfinished[document] = (page, url)
            return
        if kind == "csp":
            self.failures.append(f"{url} broke the Content-Security-Policy: {data}")
            return
        self.unfinished.pop(document, None)
        if kind == "error":
            self.failures.append(f"axe could not check {url}: {data}")
        else:
            self.check(url, data)

    def check(self, url, violations):
        failing = [violation for violation in violations if violation["impact"] in FAILING_IMPACTS]
        if failing:
            self.failures.append(_describe(url, failing))

    def hold_navigation(self, route):
        request = route.request
        # Evaluating in a page with a navigation pending hangs, but the page's own scripts
        # still run: the check it started at load can finish while the navigation waits here.
        if request.is_navigation_request() and request.frame.parent_frame is None:
            self.wait(request.frame.page)
        route.fallback()

    def settle(self, page):
        """Wait for the current page to load and check itself, then fail on what was found."""
        page.wait_for_load_state("load")
        # The page's check resolves only after Python has taken its report.
        page.evaluate("() => window.__villageAxeAudit")
        self.wait(page)
        self.raise_failures()

    def wait(self, page):
        """Wait until the pages that started checking themselves have reported (without
        evaluating anything in the page, which hangs while a navigation is held)."""
        deadline = time.monotonic() + AUDIT_TIMEOUT
        while pending := [url for other, url in self.unfinished.values() if other == page]:
            if time.monotonic() > deadline:
                self.unfinished = {k: v for k, v in self.unfinished.items() if v[0] != page}
                self.failures.append(f"The accessibility check of {pending[0]} did not finish (did it load?)")
                return
            page.wait_for_timeout(20)

    def raise_failures(self):
        if self.failures:
            failures, self.failures = self.failures, []
            pytest.fail("\n\n".join(failures), pytrace=False)


_axe = []


def _axe_source():
    if not _axe:
        _axe.append(AXE_SCRIPT.read_text())
    return _axe[0]


def _describe(url, violations):
    lines = [f"Accessibility violations on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            target = ", ".join(" >>> ".join(t) if isinstance(t, list) else t for t in node["target"])
            lines.append(f"    at {target}")
            if summary := node.get("failureSummary"):
                lines.extend(f"      {line.strip()}" for line in summary.splitlines() if line.strip())
    return "\n".join(lines)


# --- E-mail -----------------------------------------------------------------------------------


def mails_to(outbox, address, timeout=5.0):
    """The messages in pytest-django's `mailoutbox` sent to an address. The server's thread
    sends them (this process, so the same outbox); allow it a moment."""
    deadline = time.monotonic() + timeout
    while True:
        messages = [message for message in outbox if address in message.to]
        if messages or time.monotonic() > deadline:
            return messages
        time.sleep(0.05)


def links_in(message):
    return re.findall(r"https?://[^\s<>\"]+", message.body)
