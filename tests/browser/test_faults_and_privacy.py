"""Faults and privacy in real Chromium: a broken content file, a server restart, and nothing leaving the machine.

- A broken content file gives the plain "Content could not be loaded" page, never a traceback.
- If the server stops and starts again while a kiosk page is open, the page reconnects by itself and works.
- No request goes anywhere but the app's own server, on any page, in any mode.
- Nothing a visitor does (regions, searches) reaches the server's log, its files, or the browser's storage.
- Paths in the address never reach files: no traversal, no static files, no uploads.
"""

from __future__ import annotations

import http.client
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from explorer_ui.layout import NAV_PAGES
from explorer_ui.loading import CONTENT_ENV
from tests.support.browser import ARTIFACTS, Server, open_app, press_region, wait_for_app

pytestmark = pytest.mark.browser

LOCAL_HOSTS = {"127.0.0.1"}
FAILED_TITLE = "Content could not be loaded"
INTERNALS = re.compile(r"Traceback|File \"|\.py\b|ContentError|ValidationError|pydantic|Exception")
# Page addresses as Streamlit derives them from file names: pages/1_About_dry_needling.py -> /About_dry_needling.
PAGE_PATHS = ["/"] + ["/" + re.sub(r"^\d+_", "", Path(path).stem) for path, _ in NAV_PAGES[1:]]
MODES = [None, "kiosk", "present", "explore"]


def view_heading(page: Page):
    return page.get_by_role("heading", level=2).first


def new_page(browser: Browser, **options) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, **options)
    return context, context.new_page()


def connection_state(page: Page) -> str | None:
    return page.locator("[data-testid=stApp]").get_attribute("data-test-connection-state")


# --- a broken content file -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def broken_server(tmp_path_factory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("broken-content")
    path = folder / "conditions.yaml"
    path.write_text("version: 1\nsources:\n  - id: doc-a\n    short: [unclosed\n", encoding="utf-8")
    running = Server(env={CONTENT_ENV: str(path)}).start()
    running.content_folder = folder  # type: ignore[attr-defined]
    yield running
    running.stop()


@pytest.mark.parametrize("path", PAGE_PATHS)
@pytest.mark.parametrize("mode", [None, "kiosk"])
def test_broken_content_page_shows_the_problem_and_no_internals(browser: Browser, broken_server: Server, path, mode):
    context, page = new_page(browser)
    try:
        page.goto(broken_server.url + path + (f"?mode={mode}" if mode else ""))
        wait_for_app(page)
        expect(page.get_by_role("heading", level=1)).to_have_text(FAILED_TITLE)
        main = page.locator("[data-testid=stMain]")
        expect(main).to_contain_text("conditions.yaml, line 5: is not valid YAML")
        expect(main).to_contain_text("Please tell a member of staff")
        text = page.locator("body").inner_text()
        assert INTERNALS.search(text) is None, text
        assert str(broken_server.content_folder) not in text  # type: ignore[attr-defined]
        assert page.locator("[data-testid=body-map]").count() == 0
        assert page.locator("[data-testid=stException]").count() == 0
        if path == "/" and mode == "kiosk":
            page.screenshot(path=ARTIFACTS / "broken-content-kiosk-1920.png")
    finally:
        context.close()
    log = broken_server.log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in log


# --- the server restarts while a kiosk page is open -------------------------------------------------------------------


def test_kiosk_page_reconnects_after_a_server_restart_without_a_touch(browser: Browser):
    kiosk = Server().start()  # its own server, on a port that the restart reuses
    context, page = new_page(browser, has_touch=True)
    try:
        open_app(page, f"{kiosk.url}/?mode=kiosk")
        press_region(page, "knee")
        wait_for_app(page)
        expect(view_heading(page)).to_have_text("Right knee")

        kiosk.stop()
        stopped = time.monotonic()
        page.wait_for_function(
            "document.querySelector('[data-testid=stApp]').dataset.testConnectionState !== 'CONNECTED'",
            timeout=30_000,
        )
        lost_after = time.monotonic() - stopped
        page.wait_for_timeout(3_000)  # the kiosk sits there with no server for a while
        kiosk.start()
        started = time.monotonic()
        # No touch, no reload: the page must find the server again by itself.
        page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]", timeout=120_000)
        reconnected_after = time.monotonic() - started
        wait_for_app(page)
        page.locator("[data-testid=body-map]").wait_for(timeout=30_000)
        # Where the visitor was comes back from the address; there is no error dialog left on screen.
        expect(view_heading(page)).to_have_text("Right knee")
        expect(page.get_by_text("Connection error")).to_have_count(0)
        assert page.locator("[role=dialog]:visible").count() == 0
        assert "region=knee%3Aright" in page.url
        page.screenshot(path=ARTIFACTS / "kiosk-after-restart-1920.png")
        # And it works: the next visitor's tap is answered.
        press_region(page, "calf", tap=True)
        wait_for_app(page)
        expect(view_heading(page)).to_have_text("Left calf")  # the first tap after the restart counts
        first_tap_answered = True
        answered_after = time.monotonic() - started
        timings = {
            "lost_connection_s": round(lost_after, 2),
            "reconnected_s_after_server_healthy": round(reconnected_after, 2),
            "usable_s_after_server_healthy": round(answered_after, 2),
            "first_tap_answered": first_tap_answered,
        }
        (ARTIFACTS / "restart-timing.json").write_text(json.dumps(timings), encoding="utf-8")
        print("restart timings:", timings)
        assert reconnected_after < 60
    finally:
        context.close()
        kiosk.stop()


# --- nothing leaves the machine ------------------------------------------------------------------------------------


def watch_requests(context: BrowserContext) -> list[str]:
    """Every URL the pages ask for, websockets included; anything not local is also blocked."""
    urls: list[str] = []
    context.on("request", lambda request: urls.append(request.url))

    def block_outside(route):
        host = urlparse(route.request.url).hostname
        if host and host not in LOCAL_HOSTS:
            urls.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", block_outside)
    return urls


def outside(urls: list[str]) -> list[str]:
    found = []
    for url in urls:
        parsed = urlparse(url)
        if parsed.scheme in {"data", "blob", "about"}:
            continue
        if parsed.hostname not in LOCAL_HOSTS:
            found.append(url)
    return found


@pytest.mark.parametrize("mode", MODES, ids=lambda m: m or "default")
def test_no_request_leaves_the_machine_on_any_page_or_mode(browser: Browser, server: Server, mode):
    context, page = new_page(browser, has_touch=True)
    urls = watch_requests(context)
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    query = f"?mode={mode}" if mode else ""
    try:
        for path in PAGE_PATHS:
            page.goto(server.url + path + query)
            wait_for_app(page)
            if path == "/":
                page.locator("[data-testid=body-map]").first.wait_for()
                press_region(page, "shoulder")
                wait_for_app(page)
                if mode == "present":
                    page.keyboard.press("ArrowRight")
                    wait_for_app(page)
                search = page.locator(".st-key-search_text input")
                if search.count():
                    search.fill("tennis elbow")
                    search.press("Enter")
                    wait_for_app(page)
            page.wait_for_timeout(800)  # late requests: fonts, images, charts
        assert urls
        assert sockets
        assert outside(urls) == []
        assert outside(sockets) == []
    finally:
        context.close()


# --- nothing about a visitor is logged or kept ---------------------------------------------------------------------

VISITOR_REGIONS = ["wrist-hand", "upper-back", "hamstring", "low-back"]
SEARCH_WORD = "zygomaticusxq"  # a word nothing else would ever log


@pytest.fixture
def private_server(tmp_path) -> Iterator[Server]:
    """A server with its own empty home and temp folders, so anything it writes can be found."""
    home, temp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    running = Server(env={"HOME": str(home), "TMPDIR": str(temp), "PYTHONUNBUFFERED": "1"}).start()
    running.home, running.temp = home, temp  # type: ignore[attr-defined]
    yield running
    running.stop()


STORAGE = """async () => {
  const dump = (s) => Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)]));
  const dbs = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
  const caches_ = self.caches ? await caches.keys() : [];
  return JSON.stringify({local: dump(localStorage), session: dump(sessionStorage), dbs, caches: caches_});
}"""


def test_visitor_choices_are_not_logged_or_stored(browser: Browser, private_server: Server):
    context, page = new_page(browser)
    try:
        open_app(page, f"{private_server.url}/?mode=explore")
        for region in VISITOR_REGIONS[:2]:
            page.locator(f".st-key-body_map [data-list-region={region}]").click()
            wait_for_app(page)
        for region in VISITOR_REGIONS[2:]:
            press_region(page, region)
            wait_for_app(page)
        expect(view_heading(page)).to_have_text(re.compile(r"\w"))
        search = page.locator(".st-key-search_text input")
        search.fill(SEARCH_WORD)
        search.press("Enter")
        wait_for_app(page)
        expect(page.get_by_text(SEARCH_WORD).first).to_be_visible()
        page.goto(f"{private_server.url}/?mode=kiosk&region=upper-back")
        wait_for_app(page)
        stored = page.evaluate(STORAGE)
        cookies = json.dumps(context.cookies())
    finally:
        context.close()
    private_server.stop()  # flushes everything it would write

    log = private_server.log.read_text(encoding="utf-8", errors="replace")
    print("browser storage after the visit:", stored, "cookies:", [c["name"] for c in json.loads(cookies)])
    secrets = [*VISITOR_REGIONS, SEARCH_WORD, "region="]
    for secret in secrets:
        assert secret not in log, f"{secret!r} in the server log"
        # Nothing the visitor did is kept by the browser either (a kiosk tab outlives its visitors).
        assert secret not in stored, f"{secret!r} in browser storage: {stored}"
        assert secret not in cookies, f"{secret!r} in a cookie"
    written = [
        p
        for folder in (private_server.home, private_server.temp)  # type: ignore[attr-defined]
        for p in folder.rglob("*")
        if p.is_file()
    ]
    print("files the server wrote:", [str(p) for p in written], "log lines:", len(log.splitlines()))
    for path in written:
        content = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in content, f"{secret!r} written to {path}"


# --- paths in the address never reach files --------------------------------------------------------------------------

SECRET_MARKERS = ["root:x:0:0", "content_or_stop", "gatherUsageStats", "def load_content", "[server]", "sources:\n"]
PROBE_PATHS = [
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/..%2f..%2f..%2fetc%2fpasswd",
    "/app/static/../../explorer_app.py",
    "/app/static/explorer_app.py",
    "/app/static/%2e%2e/.streamlit/config.toml",
    "/static/../../explorer_app.py",
    "/_stcore/../explorer_app.py",
    "/media/../../data/conditions.yaml",
    "/component/dn_body_map/../../../../etc/passwd",
    "/_stcore/bidi-components/dn_body_map/../../../etc/passwd",
    "/explorer_app.py",
    "/data/conditions.yaml",
    "/.streamlit/config.toml",
    "/?region=../../../../etc/passwd",
]


@pytest.mark.parametrize("path", PROBE_PATHS)
def test_paths_in_the_address_never_reach_files(server: Server, path):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read().decode("utf-8", errors="replace")
    finally:
        connection.close()
    for marker in SECRET_MARKERS:
        assert marker not in body, f"{path} answered with {marker!r} (status {response.status})"


def test_uploads_are_refused(server: Server):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
    try:
        body = b"--x\r\nContent-Disposition: form-data; name=file; filename=a.txt\r\n\r\nhello\r\n--x--\r\n"
        connection.request(
            "PUT",
            "/_stcore/upload_file/some-session/some-file",
            body=body,
            headers={"Content-Type": "multipart/form-data; boundary=x"},
        )
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()
    assert 400 <= response.status < 500
