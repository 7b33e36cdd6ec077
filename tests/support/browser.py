"""Helpers for browser tests (and the browser benchmarks): the Chromium to use, a live server, reruns, taps."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from bench.common import StreamlitServer
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


class Server(StreamlitServer):
    """The explorer on a free loopback port, stopped by ``stop()``; ``start()`` again reuses the port.

    One server class serves the tests and the benchmarks (``bench.common.StreamlitServer``).
    """

    def __init__(self, env: dict[str, str] | None = None) -> None:
        super().__init__(script="explorer_server.py", name="explorer-test", env=dict(env or {}))


def wait_for_app(page: Page) -> None:
    """Wait for a rerun to finish the way Streamlit's own e2e tests do."""
    page.wait_for_timeout(150)
    page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]", timeout=30_000)
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=30_000)


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.locator("[data-testid=body-map]").first.wait_for(timeout=30_000)


AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
"""WCAG 2.0-2.2 A and AA, and best practice: that tag list is what switches on ``target-size``."""

INSIDE_POINT = """(group) => {
  // A point inside the region's first shape (or inside the shape given), in page pixels.
  // A group's centre can fall between two shapes (two knees), or outside an L-shaped foot.
  const kinds = "path, ellipse, rect, polygon";
  for (const shape of group.matches(kinds) ? [group] : group.querySelectorAll(kinds)) {
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


def press_region(page: Page, region: str, *, tap: bool = False, side: str | None = None) -> None:
    """Click (or tap) a region on the map the way a person would: on the shape itself
    (``side``: on that side's shape, the patient's ``left`` or ``right``)."""
    shape = f" path[data-side={side}]" if side else ""
    group = page.locator(f"[data-region={region}]{shape}").first
    group.scroll_into_view_if_needed()
    point = group.evaluate(INSIDE_POINT)
    assert point, f"no point inside {region}"
    if tap:
        page.touchscreen.tap(point["x"], point["y"])
    else:
        page.mouse.click(point["x"], point["y"])


LAYOUT_SHIFTS = """
window.__dnShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__dnShifts.push(entry.value);
  }
}).observe({ type: "layout-shift", buffered: true });
"""
"""An init script that records every layout shift not caused by input (what CLS adds up)."""


def layout_shift(page: Page) -> float:
    """The page's layout shifts so far, added up (CLS for a page that is open a short while)."""
    return float(page.evaluate("window.__dnShifts.reduce((a, b) => a + b, 0)"))
