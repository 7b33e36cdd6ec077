"""Helpers for browser tests: a live Streamlit server and waiting for reruns."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page

from dn_explorer.paths import PROJECT_ROOT

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = PROJECT_ROOT / "test-artifacts"


def free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A ``streamlit run`` of the app on a free port, stopped at the end."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **(env or {})}
        self.process: subprocess.Popen[bytes] | None = None
        self.log = ARTIFACTS / f"server-{self.port}.log"

    def start(self) -> Server:
        ARTIFACTS.mkdir(exist_ok=True)
        command = [
            sys.executable, "-m", "streamlit", "run", "explorer_app.py",
            "--server.headless", "true",
            "--server.port", str(self.port),
            "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]  # fmt: skip
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=self.env, stdout=log, stderr=log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited early; see {self.log}")
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response,
            ):
                if response.status == 200:
                    return self
            time.sleep(0.2)
        raise RuntimeError(f"server did not become healthy in 60 s; see {self.log}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def wait_for_app(page: Page) -> None:
    """Wait for a rerun to finish the way Streamlit's own e2e tests do."""
    page.wait_for_timeout(150)
    page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]", timeout=30_000)
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=30_000)


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.locator("[data-testid=body-map]").first.wait_for(timeout=30_000)


INSIDE_POINT = """(group) => {
  // A point inside the region's first shape, in page pixels. A group's centre
  // can fall between two shapes (two knees), or outside an L-shaped foot.
  for (const shape of group.querySelectorAll("path, ellipse, rect, polygon")) {
    const box = shape.getBBox();
    const matrix = shape.getScreenCTM();
    for (let fy = 0.5; fy > 0.05; fy -= 0.1) {
      for (const fx of [0.5, 0.4, 0.6, 0.3, 0.7]) {
        const p = new DOMPoint(box.x + box.width * fx, box.y + box.height * fy);
        if (shape.isPointInFill(p)) {
          const q = p.matrixTransform(matrix);
          return {x: q.x, y: q.y};
        }
      }
    }
  }
  return null;
}"""


def press_region(page: Page, region: str, *, tap: bool = False) -> None:
    """Click (or tap) a region on the map the way a person would: on the shape itself."""
    group = page.locator(f"[data-region={region}]").first
    group.scroll_into_view_if_needed()
    point = group.evaluate(INSIDE_POINT)
    assert point, f"no point inside {region}"
    if tap:
        page.touchscreen.tap(point["x"], point["y"])
    else:
        page.mouse.click(point["x"], point["y"])
