"""``make bench``: every benchmark in one run, then ``bench/RESULTS.md`` and ``bench/results/``.

Order: profile and bytes per tap (one session each), tap to content and first view in Chromium
(the repository's settings, then the deployment's), load (deploy settings at 10, 60 and 200
sessions, the repository's at 60), 200 sessions through nginx and two replicas, bursts, and
Lighthouse on the kiosk start screen and one region (direct and through nginx). About 10-12
minutes on 2 cores. ``--quick`` runs a short version of each (a smoke test of the harness).
"""

from __future__ import annotations

import argparse
import json
import os
import time

from bench import browser_bench, burst_bench, cluster_stage, lighthouse_stage, load_bench, profile_rerun, report
from bench.common import RESULTS_DIR, machine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run of everything (checks the harness)")
    parser.add_argument("--no-cluster", action="store_true", help="skip the stage through nginx")
    args = parser.parse_args()
    started = time.monotonic()

    def log(line: str) -> None:
        print(f"[{time.monotonic() - started:6.1f} s] {line.strip()}", flush=True)

    results: dict[str, object] = {"machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M:%S %Z")}
    log(f"machine: {results['machine']}")
    log("profile of a rerun and bytes per tap")
    results["profile"] = profile_rerun.run(taps=8 if args.quick else profile_rerun.TAPS, log=log)
    # 20 first views: with 8, the ratio moved by about 0.1x between runs on this machine.
    taps, views = (6, 2) if args.quick else (24, 20)
    results["browser"] = {}
    for config in ("shipped", "deploy"):
        log(f"tap to content and first view in Chromium ({config} settings)")
        results["browser"][config] = browser_bench.run(taps, views, config, log=log)
    log("load over the websocket protocol")
    plan = (("deploy", 10), ("shipped", 10)) if args.quick else load_bench.PLAN
    if args.quick:
        load_bench.MIN_SAMPLES = 0
    results["load"] = load_bench.run(plan, log=log)
    if not args.no_cluster:
        log("load through nginx and two replicas")
        results["cluster"] = cluster_stage.run(20 if args.quick else max(n for _, n in load_bench.PLAN), log=log)
    log("bursts: sessions that all open at once")
    results["burst"] = burst_bench.run((10,) if args.quick else burst_bench.BURSTS, not args.no_cluster, log=log)
    log("Lighthouse: the kiosk start screen and one region, against the bare page")
    runs = 1 if args.quick else lighthouse_stage.RUNS
    results["lighthouse"] = lighthouse_stage.run(runs, not args.no_cluster, log=log)
    results["machine"]["load_average_at_end"] = os.getloadavg()
    results["duration_s"] = round(time.monotonic() - started, 1)
    results["quick"] = args.quick

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / "results.json").write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    written = report.write(results, log=log)
    log(f"done in {results['duration_s']} s: {', '.join(str(p) for p in written)}")


if __name__ == "__main__":
    main()
