"""Lighthouse 12 (desktop preset, offline, Debian Chromium) on the kiosk start screen and one region,
the app against the bare page, served directly and through nginx.

Lighthouse is the npm package pinned in ``bench/lighthouse/package.json`` (installed with ``npm install``
by ``make bench``; Lighthouse 13 needs Node 22). Each address runs ``RUNS`` times; the report takes
the median score and the run with that score's figures. Issue 14's goals: the app's score at least
the bare page's where both are served the same way, and a layout shift (CLS) of 0.1 or lower.

Run alone: ``python -m bench.lighthouse_stage``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from bench.cluster_stage import ClusterServer
from bench.common import APPS, PROJECT_ROOT, StreamlitServer, config_env

LIGHTHOUSE = PROJECT_ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME = Path("/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)
RUNS = 3
GOOD_CLS = 0.1
ADDRESSES = {
    "explorer": {"kiosk start screen": "/?mode=kiosk", "kiosk, one region (neck)": "/?mode=kiosk&region=neck"},
    "bare": {"the page": "/"},
}
AUDITS = {
    "cls": "cumulative-layout-shift",
    "fcp_ms": "first-contentful-paint",
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "speed_index_ms": "speed-index",
}


def lighthouse_once(url: str) -> dict[str, float] | None:
    """One Lighthouse run: the performance score (0-100) and the figures behind it; None if Lighthouse
    failed or could not score the page (the stage then reports the runs it has)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.json"
        done = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--preset=desktop",
                "--only-categories=performance",
                "--output=json",
                f"--output-path={out}",
                "--quiet",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            check=False,
            timeout=180,
            env={**os.environ, "CHROME_PATH": str(CHROME)},
            capture_output=True,
        )
        if done.returncode != 0 or not out.exists():
            return None
        report = json.loads(out.read_text(encoding="utf-8"))
    if report["categories"]["performance"]["score"] is None:
        return None
    audits = report["audits"]
    row: dict[str, float] = {"score": round(report["categories"]["performance"]["score"] * 100)}
    for name, audit in AUDITS.items():
        row[name] = round(audits[audit]["numericValue"], 3 if name == "cls" else 0)
    row["compression_savings_kb"] = round(
        (audits["uses-text-compression"].get("details") or {}).get("overallSavingsBytes", 0) / 1024
    )
    return row


def lighthouse(url: str, runs: int = RUNS) -> dict[str, object]:
    rows = [row for row in (lighthouse_once(url) for _ in range(runs)) if row is not None]
    if not rows:
        raise RuntimeError(f"Lighthouse gave no score for {url} in {runs} runs")
    median = statistics.median_low([r["score"] for r in rows])
    chosen = next(r for r in rows if r["score"] == median)
    return {**chosen, "scores": [r["score"] for r in rows], "worst_cls": max(r["cls"] for r in rows)}


def _measure(where: str, app: str, base_url: str, runs: int, log) -> list[dict[str, object]]:
    rows = []
    for name, path in ADDRESSES[app].items():
        row = {"where": where, "app": app, "address": name, **lighthouse(base_url + path, runs)}
        log(
            f"  lighthouse {where:18s} {app:8s} {name:26s} score {row['score']} {row['scores']}, "
            f"CLS {row['cls']}, FCP {row['fcp_ms']:.0f} ms, LCP {row['lcp_ms']:.0f} ms"
        )
        rows.append(row)
    return rows


def goals(rows: list[dict]) -> list[dict[str, object]]:
    checks = []
    for where in sorted({r["where"] for r in rows}):
        bare = [r for r in rows if r["where"] == where and r["app"] == "bare"]
        for row in (r for r in rows if r["where"] == where and r["app"] == "explorer"):
            if bare:
                checks.append(
                    {
                        "goal": f"{where}, {row['address']}: score ≥ the bare page's ({bare[0]['score']})",
                        "measured": str(row["score"]),
                        "met": row["score"] >= bare[0]["score"],
                    }
                )
            checks.append(
                {
                    "goal": f"{where}, {row['address']}: CLS ≤ {GOOD_CLS} in every run",
                    "measured": str(row["worst_cls"]),
                    "met": row["worst_cls"] <= GOOD_CLS,
                }
            )
    return checks


def run(runs: int = RUNS, cluster: bool = True, log=print) -> dict[str, object]:
    if not LIGHTHOUSE.exists() or not CHROME.exists():
        log(f"  lighthouse stage skipped: {LIGHTHOUSE} or {CHROME} missing (make bench installs both)")
        return {"skipped": "Lighthouse or Chromium missing"}
    rows: list[dict[str, object]] = []
    for app in ("bare", "explorer"):
        with StreamlitServer(APPS[app], name=f"lighthouse-{app}", env=config_env("deploy")) as server:
            rows += _measure("direct", app, server.url, runs, log)
    if not cluster:
        return {"rows": rows, "goals": goals(rows), "runs": runs}
    nginx = subprocess.run([str(PROJECT_ROOT / "scripts" / "ensure_nginx.sh")], capture_output=True, check=False)
    if nginx.returncode == 0:
        for app, replicas in (("bare", 1), ("explorer", 2)):
            served = ClusterServer(replicas, script=APPS[app]).start()
            try:
                rows += _measure("through nginx", app, served.url, runs, log)
            finally:
                served.stop()
    else:
        log("  lighthouse through nginx skipped: no nginx")
    return {"rows": rows, "goals": goals(rows), "runs": runs}


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
