"""The deployment in deploy/, as `make serve-cluster` starts it: nginx in front of two replicas.

Real nginx (Debian's package, installed by scripts/ensure_nginx.sh if missing) and real Chromium:
the security headers, the map working through the proxy with no Content-Security-Policy violation,
and failover: with the replica that served a browser stopped, a reload is served by the other one.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import brotli  # type: ignore[import-untyped]
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from bench.common import free_port
from dn_explorer.paths import PROJECT_ROOT
from tests.support.browser import ARTIFACTS, wait_for_app

pytestmark = pytest.mark.browser

SERVE_CLUSTER = PROJECT_ROOT / "scripts" / "serve_cluster.sh"
ENSURE_NGINX = PROJECT_ROOT / "scripts" / "ensure_nginx.sh"
LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) \d+ upstream=(?P<upstream>\S*) route=(?P<route>\S*)'
)
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`);
}, true);
"""


@dataclass
class Cluster:
    url: str
    port: int
    run_dir: Path
    replica_ports: tuple[int, ...]
    process: subprocess.Popen[bytes]

    def log_lines(self) -> list[dict[str, str]]:
        path = self.run_dir / "nginx-access.log"
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        return [m.groupdict() for m in LOG_LINE.finditer(text)]

    def replica_for(self, route: str) -> int:
        """The replica port that last served a request carrying this sticky route."""
        served = [line["upstream"] for line in self.log_lines() if line["route"] == route and line["upstream"]]
        assert served, f"no request with route {route} in the access log"
        return int(served[-1].split(",")[-1].strip().rsplit(":", 1)[1])

    def stop_replica(self, port: int) -> None:
        pid = int((self.run_dir / f"replica-{port}.pid").read_text())
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) != 0:
                    return
            time.sleep(0.2)
        raise AssertionError(f"replica on port {port} still accepts connections")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    subprocess.run([str(ENSURE_NGINX)], check=True)
    port = free_port()
    replicas = (free_port(), free_port())
    run_dir = ARTIFACTS / f"cluster-{port}"
    run_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "PY": sys.executable,
        "LISTEN_PORT": str(port),
        "REPLICA_PORTS": " ".join(map(str, replicas)),
        "RUN_DIR": str(run_dir),
    }
    log_path = run_dir / "serve-cluster.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(SERVE_CLUSTER)],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    running = Cluster(f"http://127.0.0.1:{port}", port, run_dir, replicas, process)
    try:
        deadline = time.monotonic() + 150
        while not (run_dir / "ready").exists():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"serve_cluster.sh did not come up:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.3)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    opened = browser.new_context(viewport={"width": 1920, "height": 1080})
    opened.add_init_script(CSP_WATCH)
    yield opened
    opened.close()


def _csp_console(page: Page) -> list[str]:
    messages: list[str] = []
    page.on(
        "console",
        lambda m: messages.append(m.text) if "Content Security Policy" in m.text or "Refused to" in m.text else None,
    )
    return messages


def _route_cookie(context: BrowserContext) -> str:
    routes = [c["value"] for c in context.cookies() if c["name"] == "dn_replica"]
    assert len(routes) == 1, context.cookies()
    return routes[0]


def test_security_headers_and_the_csp_hash(cluster: Cluster):
    with urllib.request.urlopen(cluster.url + "/", timeout=10) as response:
        headers = response.headers
        html = response.read().decode()
    csp = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert f"ws://127.0.0.1:{cluster.port}" in csp
    assert "'unsafe-eval'" not in csp
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    # The hash in script-src is the hash of the inline script actually served.
    inline = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert inline, "Streamlit's page has no inline script any more: update deploy/render_nginx.py"
    for body in inline:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"
    assert "dn_replica=" in headers["Set-Cookie"]
    assert "HttpOnly" in headers["Set-Cookie"]
    assert headers["Server"] == "nginx"  # no version, and not the replica's own server header
    with urllib.request.urlopen(cluster.url + "/healthz", timeout=10) as response:
        assert response.read() == b"ok"


def test_static_files_come_compressed_and_cached_for_a_year(cluster: Cluster):
    with urllib.request.urlopen(cluster.url + "/", timeout=10) as response:
        html = response.read().decode()
        assert "immutable" not in (response.headers.get("Cache-Control") or "")  # the page itself is not kept
    scripts = re.findall(r'src="\.?/?(static/js/[^"]+\.js)"', html)
    assert scripts, "no script in Streamlit's page"
    request = urllib.request.Request(f"{cluster.url}/{scripts[0]}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        headers = response.headers
        body = response.read()
    assert headers["Content-Encoding"] == "gzip"
    assert headers.get_all("Cache-Control") == ["public, max-age=31536000, immutable"]
    assert headers["X-Content-Type-Options"] == "nosniff"  # the security headers are still on it
    with urllib.request.urlopen(f"{cluster.url}/{scripts[0]}", timeout=10) as plain:
        original = plain.read()
    assert gzip.decompress(body) == original
    assert len(body) < len(original) / 2
    # A browser (Chromium asks like this) gets brotli: smaller still, through nginx as it left the replica.
    request = urllib.request.Request(f"{cluster.url}/{scripts[0]}", headers={"Accept-Encoding": "gzip, deflate, br"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Encoding"] == "br"
        smaller = response.read()
    assert brotli.decompress(smaller) == original
    assert len(smaller) < len(body)


def test_the_map_works_through_nginx_with_no_csp_violation(cluster: Cluster, context: BrowserContext):
    page = context.new_page()
    console = _csp_console(page)
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.goto(cluster.url)
    wait_for_app(page)
    neck = page.locator("[data-region=neck]").first
    neck.wait_for(timeout=30_000)
    neck.click()
    wait_for_app(page)
    expect(page.get_by_role("heading", level=2).first).to_have_text("Neck")
    expect(neck).to_have_attribute("aria-pressed", "true")
    page.locator(".st-key-body_map [data-list-region=knee]").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", level=2).first).to_have_text("Knee")
    expect(page.locator("[data-region=knee]").first).to_have_attribute("aria-pressed", "true")
    page.wait_for_timeout(300)
    assert sockets
    assert all(url.startswith(f"ws://127.0.0.1:{cluster.port}/") for url in sockets), sockets
    assert page.evaluate("window.__cspViolations") == []
    assert console == []
    page.screenshot(path=ARTIFACTS / "cluster-knee.png")


def test_a_reloaded_page_is_served_by_the_other_replica(cluster: Cluster, context: BrowserContext):
    # Runs last in this module: it stops a replica.
    page = context.new_page()
    page.goto(cluster.url)
    wait_for_app(page)
    route = _route_cookie(context)
    first = cluster.replica_for(route)
    assert first in cluster.replica_ports
    page.locator("[data-region=neck]").first.click()
    wait_for_app(page)
    expect(page.get_by_role("heading", level=2).first).to_have_text("Neck")

    cluster.stop_replica(first)
    page.reload()
    wait_for_app(page)
    page.locator("[data-region=neck]").first.wait_for(timeout=30_000)
    assert _route_cookie(context) == route, "the browser keeps its sticky cookie"
    second = cluster.replica_for(route)
    assert second != first
    page.locator(".st-key-body_map [data-list-region=shoulder]").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", level=2).first).to_have_text("Shoulder")
    # The websocket is logged when it closes: close the page and check it went to the survivor too.
    page.close()
    deadline = time.monotonic() + 10
    streams: list[dict[str, str]] = []
    while time.monotonic() < deadline:
        streams = [line for line in cluster.log_lines() if line["path"] == "/_stcore/stream" and line["route"] == route]
        if streams and streams[-1]["upstream"].endswith(f":{second}"):
            break
        time.sleep(0.2)
    assert streams, "no websocket in the access log"
    assert streams[-1]["upstream"].endswith(f":{second}"), streams[-1]
    with urllib.request.urlopen(cluster.url + "/healthz", timeout=10) as response:
        assert response.read() == b"ok"


def test_every_way_of_running_a_replica_uses_the_same_settings():
    """deploy/replica.env is read by systemd and serve_cluster.sh; the Dockerfile repeats it as ENV."""
    settings = {}
    for line in (PROJECT_ROOT / "deploy" / "replica.env").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, value = line.split("=", 1)
            settings[key.strip()] = value.strip()
    assert settings["STREAMLIT_RUNNER_POST_SCRIPT_GC"] == "false"
    dockerfile = (PROJECT_ROOT / "deploy" / "Dockerfile").read_text()
    docker_env = dict(re.findall(r"\b(STREAMLIT_[A-Z_]+)=(\S+?)\s*\\?$", dockerfile, re.MULTILINE))
    for key, value in settings.items():
        assert docker_env.get(key) == value, f"deploy/Dockerfile ENV {key} should be {value}"
    unit = (PROJECT_ROOT / "deploy" / "systemd" / "dn-explorer@.service").read_text()
    assert "EnvironmentFile=/opt/dn-explorer/deploy/replica.env" in unit
    assert "Restart=on-failure" in unit
    assert "healthcheck.sh" in unit
