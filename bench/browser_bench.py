"""Tap to content and first view, in headless Chromium, explorer against the bare page, interleaved.

- Tap to content: from the ``pointerdown`` of a real mouse click on a map region (on the shape itself)
  to the frame in which that region's heading is on the page; on the bare page, from the click on its
  button to the frame showing the new count. Timed inside the page (``performance.now()``, a
  ``MutationObserver`` and the next animation frame), so Playwright's own round trips do not count.
- First view: from navigation start to the first frame in which the map's regions are in the page and
  the app is connected and idle (the bare page: its button), in a fresh browser context each time.

Both servers and both pages are open at once; every tap and every first view alternates between them.

Run alone: ``python -m bench.browser_bench``.
"""

from __future__ import annotations

import argparse
import json

from playwright.sync_api import Browser, Page, sync_playwright

from bench.common import BARE, EXPLORER, StreamlitServer, config_env, ratio, summary
from bench.load_bench import region_labels, side_names
from tests.support.browser import CHROMIUM_ARGS, INSIDE_POINT
from tests.support.browser import DEBIAN_CHROMIUM as CHROMIUM

VIEWPORT = {"width": 1920, "height": 1080}
TAP_REGIONS = ("neck", "knee", "shoulder", "foot", "low-back", "calf", "head", "wrist-hand", "hip", "elbow")
IDLE = "[data-testid=stApp][data-test-connection-state=CONNECTED][data-test-script-state=notRunning]"
MAP_HOST = ".st-key-body_map [data-testid=stBidiComponentIsolated]"

# Arms a timer: t0 at the next pointerdown, t1 at the first animation frame after the predicate holds
# (content on screen), t2 when the rerun the tap caused has finished (Streamlit's script state goes from
# running back to notRunning: everything on the page agrees with the tap).
ARM = """([kind, expected]) => {
  const shows = kind === "explorer"
    ? () => [...document.querySelectorAll("h2")].some((h) => h.textContent.trim() === expected)
    : () => [...document.querySelectorAll("[data-testid=stMarkdownContainer]")]
        .some((m) => m.textContent.trim() === expected);
  const app = document.querySelector("[data-testid=stApp]");
  window.__tap = new Promise((resolve, reject) => {
    let t0 = null;
    let t1 = null;
    let t2 = null;
    let seen = false;
    const finish = () => {
      if (t1 !== null && t2 !== null) {
        content.disconnect();
        settled.disconnect();
        resolve({t0, t1, t2});
      }
    };
    const content = new MutationObserver(() => {
      if (t0 === null || seen || !shows()) return;
      seen = true;
      requestAnimationFrame(() => { t1 = performance.now(); finish(); quiet(); });
    });
    // A rerun so quick that React never draws "running" leaves no transition to see: then the
    // rerun ended with its last message, once 300 ms pass with none after it.
    const quiet = () => {
      if (t2 !== null) return;
      const last = (window.__ws || []).filter(([way, t]) => way === "in" && t >= t0).map(([, t]) => t).pop();
      const idle = app.getAttribute("data-test-script-state") === "notRunning";
      if (idle && last !== undefined && performance.now() - last > 300) {
        t2 = Math.max(t1, last);
        finish();
      } else {
        setTimeout(quiet, 50);
      }
    };
    const settled = new MutationObserver((records) => {
      if (t0 === null || t2 !== null) return;
      const done = records.some((r) => r.oldValue === "running")
        && app.getAttribute("data-test-script-state") === "notRunning";
      if (done) { t2 = performance.now(); finish(); }
    });
    window.addEventListener("pointerdown", () => {
      t0 = performance.now();
      content.observe(document.body, {childList: true, subtree: true, characterData: true, attributes: true});
      settled.observe(app, {attributes: true, attributeFilter: ["data-test-script-state"], attributeOldValue: true});
    }, {capture: true, once: true});
    setTimeout(() => reject(new Error("no content or no finished rerun within 30 s")), 30000);
  });
  return true;
}"""

# Timestamps of the page's websocket traffic (when the main thread handles each message).
WS_HOOK = """(() => {
  const Native = window.WebSocket;
  window.__ws = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => window.__ws.push(["in", performance.now()]));
    }
    send(data) {
      window.__ws.push(["out", performance.now()]);
      return super.send(data);
    }
  };
})();"""

FIRST_VIEW_READY = """([kind]) => {
  if (!document.querySelector('__IDLE__')) return false;
  if (kind === "explorer") {
    const host = document.querySelector('__MAP_HOST__');
    if (!host || !host.shadowRoot || !host.shadowRoot.querySelector("[data-region=neck]")) return false;
  } else if (!document.querySelector("[data-testid=stButton] button")) {
    return false;
  }
  return performance.now();
}""".replace("__IDLE__", IDLE).replace("__MAP_HOST__", MAP_HOST)


def _wait_idle(page: Page) -> None:
    page.wait_for_timeout(150)
    page.wait_for_selector(IDLE, timeout=30_000)


def _open(browser: Browser, url: str) -> Page:
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(WS_HOOK)
    page = context.new_page()
    page.goto(url)
    _wait_idle(page)
    return page


def _timed_tap(page: Page, kind: str, expected: str, x: float, y: float) -> dict[str, float]:
    """One tap: time to content, time to the finished rerun, and where the rerun's time went
    (by the page's websocket timestamps, up to the finished rerun)."""
    page.evaluate("window.__ws = []")
    page.evaluate(ARM, [kind, expected])
    page.mouse.click(x, y)
    timing = page.evaluate("window.__tap")
    _wait_idle(page)
    t0, t1, t2 = timing["t0"], timing["t1"], timing["t2"]
    traffic = page.evaluate("window.__ws")
    sent = [t for way, t in traffic if way == "out" and t >= t0]
    received = [t for way, t in traffic if way == "in" and sent and sent[0] <= t <= t2]
    if not sent or not received:
        return {"total": t1 - t0, "settled": t2 - t0}
    return {
        "total": t1 - t0,
        "settled": t2 - t0,
        "to_send": sent[0] - t0,
        "to_first_message": received[0] - sent[0],
        "messages": received[-1] - received[0],
        "after_last_message": t2 - received[-1],
        "message_count": len(received),
    }


def _tap_explorer(page: Page, region: str, label: str, sides: dict[str, dict[str, str]]) -> dict[str, float]:
    """A click on the region's first shape; on a two-sided area that chooses its side ("Right knee")."""
    group = page.locator(f"[data-region={region}]").first
    group.scroll_into_view_if_needed()
    point = group.evaluate(INSIDE_POINT)
    if not point:
        raise RuntimeError(f"no point inside region {region}")
    side = group.evaluate("(g) => g.querySelector('path')?.getAttribute('data-side') || null")
    return _timed_tap(page, "explorer", sides[region][side] if side else label, point["x"], point["y"])


def _tap_bare(page: Page, count: int) -> dict[str, float]:
    box = page.locator("[data-testid=stButton] button").bounding_box()
    assert box, "the bare page has no button"
    return _timed_tap(page, "bare", f"Tapped {count} times", box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


MAIN_THREAD = {
    "TaskDuration": "main_thread_busy",
    "ScriptDuration": "javascript",
    "LayoutDuration": "layout",
    "RecalcStyleDuration": "style",
}


def _main_thread(session) -> dict[str, float]:
    metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
    values = {key: metrics.get(name, 0.0) * 1000 for name, key in MAIN_THREAD.items()}
    values["Nodes"] = metrics.get("Nodes", 0.0)
    return values


def _first_view(browser: Browser, url: str, kind: str) -> float:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        handle = page.wait_for_function(FIRST_VIEW_READY, arg=[kind], polling="raf", timeout=60_000)
        return float(handle.json_value())
    finally:
        context.close()


def run(tap_count: int = 24, first_views: int = 20, config: str = "shipped", log=print) -> dict[str, object]:
    """``config``: ``shipped`` (the repository's settings) or ``deploy`` (deploy/replica.env on both servers)."""
    labels = region_labels()
    sides = side_names()
    env = config_env(config)
    taps: dict[str, list[dict[str, float]]] = {"explorer": [], "bare": []}
    first_ms: dict[str, list[float]] = {"explorer": [], "bare": []}
    with (
        StreamlitServer(EXPLORER, name=f"browser-{config}-explorer", env=env) as explorer,
        StreamlitServer(BARE, name=f"browser-{config}-bare", env=env) as bare,
        sync_playwright() as playwright,
    ):
        urls = {"explorer": explorer.url, "bare": bare.url}
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM) if CHROMIUM.exists() else None, args=CHROMIUM_ARGS
        )
        try:
            # Warm both servers (first run imports and loads content) before anything is timed.
            for kind in ("explorer", "bare"):
                _first_view(browser, urls[kind], kind)
            for number in range(first_views):
                for kind in ("explorer", "bare") if number % 2 == 0 else ("bare", "explorer"):
                    first_ms[kind].append(_first_view(browser, urls[kind], kind))
            pages = {kind: _open(browser, urls[kind]) for kind in ("explorer", "bare")}
            # Chromium's own counters of main-thread work (CDP Performance domain), read round each tap.
            devtools = {kind: page.context.new_cdp_session(page) for kind, page in pages.items()}
            for session in devtools.values():
                session.send("Performance.enable")
            for number in range(tap_count):
                for kind in ("explorer", "bare") if number % 2 == 0 else ("bare", "explorer"):
                    page = pages[kind]
                    page.bring_to_front()
                    before = _main_thread(devtools[kind])
                    if kind == "explorer":
                        region = TAP_REGIONS[number % len(TAP_REGIONS)]
                        tap = _tap_explorer(page, region, labels[region], sides)
                    else:
                        tap = _tap_bare(page, number + 1)
                    after = _main_thread(devtools[kind])
                    tap |= {key: after[key] - before[key] for key in MAIN_THREAD.values()}
                    tap["dom_nodes"] = after["Nodes"]
                    taps[kind].append(tap)
        finally:
            browser.close()
    taps_ms = {kind: [t["total"] for t in values] for kind, values in taps.items()}
    tap = {kind: summary(values) for kind, values in taps_ms.items()}
    settled_ms = {kind: [t["settled"] for t in values] for kind, values in taps.items()}
    settled = {kind: summary(values) for kind, values in settled_ms.items()}
    parts = (
        "to_send",
        "to_first_message",
        "messages",
        "after_last_message",
        "message_count",
        *MAIN_THREAD.values(),
        "dom_nodes",
    )
    where = {
        kind: {part: summary([t[part] for t in values if part in t])["p50"] for part in parts}
        for kind, values in taps.items()
    }
    first = {kind: summary(values) for kind, values in first_ms.items()}
    result = {
        "config": config,
        "tap_ms": tap,
        "tap_ratio_p50": ratio(tap["explorer"]["p50"], tap["bare"]["p50"]),
        "tap_ratio_p95": ratio(tap["explorer"]["p95"], tap["bare"]["p95"]),
        "settled_ms": settled,
        "settled_ratio_p50": ratio(settled["explorer"]["p50"], settled["bare"]["p50"]),
        "tap_breakdown_p50_ms": where,
        "first_view_ms": first,
        "first_view_ratio_p50": ratio(first["explorer"]["p50"], first["bare"]["p50"]),
        "raw": {"tap_ms": taps_ms, "settled_ms": settled_ms, "first_view_ms": first_ms},
    }
    explorer, bare = tap["explorer"], tap["bare"]
    log(
        f"  [{config}] tap to content: explorer p50 {explorer['p50']:.0f} ms p95 {explorer['p95']:.0f} ms, "
        f"bare p50 {bare['p50']:.0f} ms p95 {bare['p95']:.0f} ms, "
        f"ratio p50 {result['tap_ratio_p50']:.2f}x p95 {result['tap_ratio_p95']:.2f}x"
    )
    log(
        f"  [{config}] tap to finished rerun: explorer p50 {settled['explorer']['p50']:.0f} ms, "
        f"bare p50 {settled['bare']['p50']:.0f} ms, ratio p50 {result['settled_ratio_p50']:.2f}x"
    )
    log(
        f"  [{config}] first view: explorer p50 {first['explorer']['p50']:.0f} ms, "
        f"bare p50 {first['bare']['p50']:.0f} ms, ratio {result['first_view_ratio_p50']:.2f}x"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taps", type=int, default=24)
    parser.add_argument("--first-views", type=int, default=20)
    parser.add_argument("--config", default="shipped", choices=["shipped", "deploy"])
    args = parser.parse_args()
    result = run(args.taps, args.first_views, args.config)
    print(json.dumps({k: v for k, v in result.items() if k != "raw"}, indent=1))


if __name__ == "__main__":
    main()
