"""Burst: a room of phones opening the projector's QR code at once, explorer against the bare page.

Every session of a burst starts together (no ramp: unlike the load stages) and renders the first view
over Streamlit's websocket protocol; the time is from opening the websocket to the first run's end.
Each burst gets a fresh server with the replicas' settings (``deploy/replica.env``), warmed by one
session first, so the figures are a room arriving, not the process starting. The largest burst also
runs through nginx and two replicas. Server CPU per first view is read from ``/proc``.

Run alone: ``python -m bench.burst_bench --sessions 60 200``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from typing import Protocol

from bench.common import APPS, StreamlitServer, config_env, ratio, summary
from bench.stclient import RENDER_TIMEOUT, RenderError, StreamlitSession

BURSTS = (60, 200)
GOAL_RATIO = 2.0
"""Issue 14's goals: p95 and server CPU per first view within 2x the bare page's under the same burst."""


class Measured(Protocol):
    url: str

    def cpu_seconds(self) -> float: ...


async def _first_view(url: str, app: str, times_ms: list[float], failures: list[str]) -> None:
    started = time.perf_counter()
    session = StreamlitSession(url)
    try:
        await session.open(timeout=RENDER_TIMEOUT * 2)
        await session.rerun(timeout=RENDER_TIMEOUT * 2)  # raises on an exception on the page
        if app == "explorer" and session.bridge_id is None:
            raise RenderError("the first view has no body map")
        times_ms.append((time.perf_counter() - started) * 1000)
    except (RenderError, OSError, TimeoutError) as exc:
        failures.append(f"{type(exc).__name__}: {exc}")
    finally:
        await session.close()


async def _burst(server: Measured, app: str, sessions: int, warm_urls: list[str]) -> dict[str, object]:
    for url in warm_urls:  # each process has loaded the app (and its caches) before the room arrives
        await _first_view(url, app, [], [])
    await asyncio.sleep(0.5)
    times_ms: list[float] = []
    failures: list[str] = []
    cpu_before = server.cpu_seconds()
    started = time.perf_counter()
    await asyncio.gather(*(_first_view(server.url, app, times_ms, failures) for _ in range(sessions)))
    wall = time.perf_counter() - started
    cpu = server.cpu_seconds() - cpu_before
    return {
        "app": app,
        "sessions": sessions,
        "first_view_ms": summary(times_ms),
        "failed_sessions": len(failures),
        "failures": failures[:3],
        "server_cpu_ms_per_first_view": round(1000 * cpu / max(len(times_ms), 1), 2),
        "wall_s": round(wall, 1),
    }


def run_one_process(app: str, sessions: int) -> dict[str, object]:
    with StreamlitServer(APPS[app], name=f"burst-{app}-{sessions}", env=config_env("deploy")) as server:
        row = asyncio.run(_burst(server, app, sessions, [server.url]))
    row["where"] = "one process"
    return row


def run_cluster(sessions: int) -> dict[str, object]:
    from bench.cluster_stage import ClusterServer  # needs nginx: only when asked

    cluster = ClusterServer().start()
    try:
        row = asyncio.run(_burst(cluster, "explorer", sessions, cluster.warm_urls))
    finally:
        cluster.stop()
    row["where"] = "nginx + 2 replicas"
    return row


def goals(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Each of issue 14's burst goals: what is compared, the ratio, and whether it is met."""

    def find(app: str, sessions: int, where: str = "one process") -> dict | None:
        return next((r for r in rows if (r["app"], r["sessions"], r["where"]) == (app, sessions, where)), None)

    checks = []
    small, large = min(BURSTS), max(BURSTS)
    explorer, bare = find("explorer", small), find("bare", small)
    if explorer and bare:
        p95 = ratio(explorer["first_view_ms"]["p95"], bare["first_view_ms"]["p95"])
        ok = p95 <= GOAL_RATIO and explorer["failed_sessions"] == 0
        checks.append({"goal": f"burst of {small}, one process: p95 ≤ 2× bare, 0 failed", "ratio": p95, "met": ok})
        cpu = ratio(explorer["server_cpu_ms_per_first_view"], bare["server_cpu_ms_per_first_view"])
        checks.append({"goal": "server CPU per first view ≤ 2× bare", "ratio": cpu, "met": cpu <= GOAL_RATIO})
    cluster, bare_large = find("explorer", large, "nginx + 2 replicas"), find("bare", large)
    if cluster and bare_large:
        p95 = ratio(cluster["first_view_ms"]["p95"], bare_large["first_view_ms"]["p95"])
        ok = p95 <= GOAL_RATIO and cluster["failed_sessions"] == 0
        checks.append(
            {
                "goal": f"burst of {large}, nginx + 2 replicas: p95 ≤ 2× bare on one process, 0 failed",
                "ratio": p95,
                "met": ok,
            }
        )
    return checks


def run(bursts: tuple[int, ...] = BURSTS, cluster: bool = True, log=print) -> dict[str, object]:
    rows = []
    for number, sessions in enumerate(bursts):
        for app in ("bare", "explorer") if number % 2 == 0 else ("explorer", "bare"):
            rows.append(run_one_process(app, sessions))
            _log_row(rows[-1], log)
    if cluster:
        rows.append(run_cluster(max(bursts)))
        _log_row(rows[-1], log)
    return {"rows": rows, "goals": goals(rows)}


def _log_row(row: dict, log) -> None:
    first = row["first_view_ms"]
    log(
        f"  burst {row['where']:18s} {row['app']:8s} {row['sessions']:4d} at once: first view p50 "
        f"{first['p50']:.0f} ms, p95 {first['p95']:.0f} ms, failed {row['failed_sessions']}, "
        f"{row['server_cpu_ms_per_first_view']} ms CPU each"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=list(BURSTS))
    parser.add_argument("--no-cluster", action="store_true")
    args = parser.parse_args()
    print(json.dumps(run(tuple(args.sessions), not args.no_cluster), indent=1, default=str))


if __name__ == "__main__":
    main()
