"""Memory soak: 1000 region changes in one kiosk session in real Chromium; the server's memory must stay flat.

Run with ``make bench-memory`` (or ``.venv/bin/python -m bench.memory_soak --changes 1000``).

One browser tab opens ``/?mode=kiosk`` and taps regions on the body map, one after another, each time waiting
until the server has answered (the address shows the new region and the script has finished). The server
process's resident memory (VmRSS) is sampled every 50 changes; the browser's live JS heap, DOM nodes and event
listeners are sampled too (after a forced garbage collection), since a kiosk tab also runs for weeks.

Bounds (exit status 1 if exceeded), measured from a baseline taken after a warm-up of two full rounds of
the 19 regions (imports, caches and allocator arenas are filled by then):

- server RSS growth over the whole run <= 8 MB. Measured here (2 shared cores, load ~10): 118.9 -> 121.7 MB,
  +2.8 MB, most of it allocator settling in the first half. A leak of ~8 KB per change (a kept copy of a
  fraction of one rerun's messages; one rerun sends ~30 KB of markup) would exceed it.
- server RSS growth over the second half of the run <= 4 MB (measured +0.9 MB): a leak grows linearly,
  settling does not, so the second half separates the two.
- browser: DOM nodes and JS event listeners end where they started (+-5 %), JS heap growth <= 5 MB: a
  component that re-mounts without its cleanup leaks listeners and nodes on every change.

The numbers are printed as a table and written to test-artifacts/memory-soak.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from dn_explorer.regions import REGION_ORDER  # noqa: E402
from tests.support import browser as support  # noqa: E402  (tests/ is a package, found before any installed one)

MB = 1024 * 1024
WARM_UP_ROUNDS = 2
SAMPLE_EVERY = 50

POINTS = """() => {
  // One point inside each region's first shape, in page pixels (the map does not move during the soak).
  const points = {};
  const seen = new Set();
  const walk = (root) => {
    root.querySelectorAll("[data-region]").forEach((group) => {
      const id = group.getAttribute("data-region");
      if (seen.has(id) || group.getAttribute("aria-hidden") === "true") return;
      for (const shape of group.querySelectorAll("path, ellipse, rect, polygon")) {
        const box = shape.getBBox();
        const matrix = shape.getScreenCTM();
        for (let fy = 0.5; fy > 0.05 && !seen.has(id); fy -= 0.1) {
          for (const fx of [0.5, 0.4, 0.6, 0.3, 0.7]) {
            const p = new DOMPoint(box.x + box.width * fx, box.y + box.height * fy);
            if (shape.isPointInFill(p)) {
              const q = p.matrixTransform(matrix);
              points[id] = {x: q.x, y: q.y};
              seen.add(id);
              break;
            }
          }
        }
        if (seen.has(id)) break;
      }
    });
    root.querySelectorAll("*").forEach((el) => el.shadowRoot && walk(el.shadowRoot));
  };
  walk(document);
  return points;
}"""

ANSWERED = """(id) => {
  const app = document.querySelector("[data-testid=stApp]");
  return new URLSearchParams(location.search).get("region") === id
    && app && app.dataset.testScriptState === "notRunning" && app.dataset.testConnectionState === "CONNECTED";
}"""


def server_rss(pid: int) -> int:
    """Resident memory of a process in bytes (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def browser_metrics(cdp: Any) -> dict[str, float]:
    cdp.send("HeapProfiler.collectGarbage")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return {k: metrics[k] for k in ("JSHeapUsedSize", "Nodes", "JSEventListeners")}


def change_region(page: Page, point: dict[str, float], region: str) -> None:
    page.mouse.click(point["x"], point["y"])  # a real pointer event, as a finger or mouse gives
    page.wait_for_function(ANSWERED, arg=region, timeout=30_000, polling=20)


HEADER = f"{'changes':>8} {'server RSS MB':>14} {'JS heap MB':>11} {'DOM nodes':>10} {'listeners':>10} {'s':>7}"


def row(sample: dict[str, Any]) -> str:
    seconds = "settled" if sample["seconds"] is None else f"{sample['seconds']:.1f}"
    return (
        f"{sample['changes']:>8} {sample['rss'] / MB:>14.1f} {sample['JSHeapUsedSize'] / MB:>11.1f} "
        f"{sample['Nodes']:>10.0f} {sample['JSEventListeners']:>10.0f} {seconds:>7}"
    )


def soak(changes: int) -> dict[str, Any]:
    # A long idle time so the kiosk's idle reset (a fresh session) cannot end the one session under test.
    server = support.Server(env={"EXPLORER_IDLE_SECONDS": "3600"}).start()
    pid = server.process.pid
    try:
        with sync_playwright() as playwright:
            executable = str(support.DEBIAN_CHROMIUM) if support.DEBIAN_CHROMIUM.exists() else None
            browser = playwright.chromium.launch(executable_path=executable, args=support.CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            loads: list[str] = []
            page.on("load", lambda: loads.append(page.url))
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            support.open_app(page, f"{server.url}/?mode=kiosk")
            points = page.evaluate(POINTS)
            regions = [r.value for r in REGION_ORDER if r.value in points]
            missing = sorted({r.value for r in REGION_ORDER} - set(points))
            if missing:
                raise RuntimeError(f"no point to tap for {missing}")

            done = 0
            for _ in range(WARM_UP_ROUNDS):
                for region in regions:
                    change_region(page, points[region], region)
            time.sleep(1)
            samples = [{"changes": 0, "rss": server_rss(pid), **browser_metrics(cdp), "seconds": 0.0}]
            print(HEADER, flush=True)
            print(row(samples[0]), flush=True)
            started = time.monotonic()
            while done < changes:
                region = regions[done % len(regions)]
                if page.url.endswith(f"region={region}"):  # a change, never a repeat of the current one
                    region = regions[(done + 1) % len(regions)]
                change_region(page, points[region], region)
                done += 1
                if done % SAMPLE_EVERY == 0 or done == changes:
                    samples.append(
                        {
                            "changes": done,
                            "rss": server_rss(pid),
                            **browser_metrics(cdp),
                            "seconds": round(time.monotonic() - started, 1),
                        }
                    )
                    print(row(samples[-1]), flush=True)
            time.sleep(3)  # let the server settle, then one last look
            settled = {"changes": done, "rss": server_rss(pid), **browser_metrics(cdp), "seconds": None}
            print(row(settled), flush=True)
            one_session = len(loads) == 1
            browser.close()
    finally:
        server.stop()
    return {"samples": samples, "settled": settled, "one_session": one_session, "regions": len(regions)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--changes", type=int, default=1000, help="region changes in the one session")
    parser.add_argument("--max-growth-mb", type=float, default=8.0, help="server RSS growth allowed, whole run")
    parser.add_argument("--max-late-growth-mb", type=float, default=4.0, help="server RSS growth allowed, 2nd half")
    parser.add_argument("--max-heap-growth-mb", type=float, default=5.0, help="browser JS heap growth allowed")
    parser.add_argument("--server-only", action="store_true", help="report the browser's numbers but do not judge them")
    args = parser.parse_args(argv)

    result = soak(args.changes)
    samples, settled = result["samples"], result["settled"]

    first, last = samples[0], settled
    middle = min(samples, key=lambda s: abs(s["changes"] - args.changes / 2))
    growth = (last["rss"] - first["rss"]) / MB
    late_growth = (last["rss"] - middle["rss"]) / MB
    heap_growth = (last["JSHeapUsedSize"] - first["JSHeapUsedSize"]) / MB
    elapsed = samples[-1]["seconds"] or 1.0
    summary = {
        "changes": args.changes,
        "rss_start_mb": round(first["rss"] / MB, 1),
        "rss_end_mb": round(last["rss"] / MB, 1),
        "rss_growth_mb": round(growth, 2),
        "rss_growth_second_half_mb": round(late_growth, 2),
        "js_heap_growth_mb": round(heap_growth, 2),
        "dom_nodes": [first["Nodes"], last["Nodes"]],
        "listeners": [first["JSEventListeners"], last["JSEventListeners"]],
        "changes_per_second": round(args.changes / elapsed, 1),
        "one_session": result["one_session"],
    }
    print(json.dumps(summary))
    support.ARTIFACTS.mkdir(exist_ok=True)
    (support.ARTIFACTS / "memory-soak.json").write_text(json.dumps({**result, "summary": summary}, indent=1))

    failures = []
    if not result["one_session"]:
        failures.append("the page reloaded: the run was not one session")
    if growth > args.max_growth_mb:
        failures.append(f"server RSS grew {growth:.1f} MB over {args.changes} changes (bound {args.max_growth_mb})")
    if late_growth > args.max_late_growth_mb:
        failures.append(f"server RSS grew {late_growth:.1f} MB in the second half (bound {args.max_late_growth_mb})")
    browser_failures = []
    if heap_growth > args.max_heap_growth_mb:
        browser_failures.append(f"browser JS heap grew {heap_growth:.1f} MB (bound {args.max_heap_growth_mb})")
    for name in ("Nodes", "JSEventListeners"):
        if last[name] > first[name] * 1.05 + 10:
            browser_failures.append(f"browser {name} grew from {first[name]:.0f} to {last[name]:.0f}")
    if args.server_only:
        for note in browser_failures:
            print("NOTE (not judged with --server-only):", note)
    else:
        failures += browser_failures
    for failure in failures:
        print("FAIL:", failure)
    if not failures:
        print(f"OK: server memory flat over {args.changes} region changes in one session")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
