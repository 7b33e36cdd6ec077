"""Load: many concurrent sessions over Streamlit's websocket protocol, explorer against the bare page.

Each session opens the websocket, renders the page, then changes region (explorer: a tap on the map;
bare page: a click on its button) a few times with a short random pause, and checks every render
shows what it should. Sessions start over a short ramp, and stay connected until all are done, so the
server's memory is read with every session open. Each stage gets a fresh server, so one stage's
leftover sessions (kept ``server.disconnectedSessionTTL``) do not count in the next one's memory.

Run alone: ``python -m bench.load_bench --sessions 60 200``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import random
import time
from dataclasses import dataclass, field

from bench.common import APPS, StreamlitServer, config_env, summary
from bench.stclient import RenderError, StreamlitSession
from dn_explorer.content import load_content
from dn_explorer.paths import CONTENT_FILE
from dn_explorer.regions import REGION_ORDER
from dn_explorer.selection import SIDED, side_labels
from dn_explorer.words import english

MIN_CHANGES_PER_SESSION = 3
MIN_SAMPLES = 150
"""Each session changes region at least 3 times, and a stage collects at least 150 changes (p95 of fewer
is one or two samples on a noisy machine)."""
THINK_SECONDS = (1.0, 3.0)
RAMP_SECONDS_PER_100 = 2.5
STAGE_DEADLINE = 150.0
PLAN = (("deploy", 20), ("deploy", 60), ("deploy", 200), ("shipped", 60))
"""The stages: the deploy settings at each load, and the repository's own settings at 60 sessions
(at 200 they take minutes per stage, every render waiting behind a full garbage collection)."""


@dataclass
class StageResult:
    app: str
    sessions: int
    config: str = "shipped"
    changes_per_session: int = MIN_CHANGES_PER_SESSION
    change_latencies_ms: list[float] = field(default_factory=list)
    initial_latencies_ms: list[float] = field(default_factory=list)
    failed_sessions: int = 0
    failures: list[str] = field(default_factory=list)
    rss_base_mb: float = 0.0
    rss_all_open_mb: float = 0.0
    server_cpu_s: float = 0.0
    client_cpu_s: float = 0.0
    renders: int = 0
    wall_s: float = 0.0

    @property
    def mb_per_session(self) -> float:
        return (self.rss_all_open_mb - self.rss_base_mb) / self.sessions

    def figures(self) -> dict[str, object]:
        return {
            "app": self.app,
            "config": self.config,
            "sessions": self.sessions,
            "changes_per_session": self.changes_per_session,
            "change_ms": summary(self.change_latencies_ms),
            "initial_ms": summary(self.initial_latencies_ms),
            "failed_sessions": self.failed_sessions,
            "failures": self.failures[:5],
            "rss_base_mb": round(self.rss_base_mb, 1),
            "rss_all_open_mb": round(self.rss_all_open_mb, 1),
            "mb_per_session": round(self.mb_per_session, 3),
            "server_cpu_ms_per_render": round(1000 * self.server_cpu_s / max(self.renders, 1), 2),
            "client_cpu_ms_per_render": round(1000 * self.client_cpu_s / max(self.renders, 1), 2),
            "renders": self.renders,
            "wall_s": round(self.wall_s, 1),
        }


def region_labels() -> dict[str, str]:
    index = load_content(CONTENT_FILE)
    return {region.value: index.region_label(region) for region in REGION_ORDER}


def side_names() -> dict[str, dict[str, str]]:
    """Each two-sided area's name on each side ("Right knee"): what a tap on one side's shape shows."""
    index = load_content(CONTENT_FILE)
    return {region.value: side_labels(index, region, english()) for region in REGION_ORDER if region in SIDED}


async def _one_session(
    app: str, url: str, number: int, result: StageResult, labels: dict[str, str], all_done: asyncio.Event
) -> bool:
    rng = random.Random(number)
    session = StreamlitSession(url, deflate=result.config == "deploy")
    try:
        await session.open()
        render = await session.rerun()
        result.initial_latencies_ms.append(render.latency * 1000)
        region = None
        for change in range(1, result.changes_per_session + 1):
            await asyncio.sleep(rng.uniform(*THINK_SECONDS))
            if app == "explorer":
                region = rng.choice([r for r in labels if r != region])
                render = await session.tap_region(region)
                shown = render.shown_heading(session.panels)
                if shown != labels[region]:
                    raise RenderError(f"tap on {region} showed {shown!r}, not {labels[region]!r}")
            else:
                render = await session.click_button("tap")
                if f"Tapped {change} times" not in render.texts:
                    raise RenderError(f"click {change} did not show its count: {render.texts}")
            result.change_latencies_ms.append(render.latency * 1000)
        return True
    except (RenderError, OSError, TimeoutError) as exc:
        result.failed_sessions += 1
        result.failures.append(f"session {number}: {exc}")
        return False
    finally:
        await _wait_quietly(all_done)
        await session.close()


async def _wait_quietly(event: asyncio.Event) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(event.wait(), STAGE_DEADLINE)


async def _stage(app: str, server: StreamlitServer, sessions: int, labels: dict[str, str], config: str) -> StageResult:
    changes = max(MIN_CHANGES_PER_SESSION, math.ceil(MIN_SAMPLES / sessions))
    result = StageResult(app, sessions, config, changes)
    # One warm-up session (per process) so caches are filled and the base memory includes a rendered page.
    for url in getattr(server, "warm_urls", [server.url]):
        warm = StreamlitSession(url)
        await warm.open()
        await warm.rerun()
        await warm.close()
    await asyncio.sleep(0.5)
    result.rss_base_mb = server.rss_mb()
    cpu_before = server.cpu_seconds()
    client_before = time.process_time()
    all_done = asyncio.Event()
    ramp = RAMP_SECONDS_PER_100 * sessions / 100
    started = time.perf_counter()

    async def delayed(number: int) -> bool:
        await asyncio.sleep(ramp * number / sessions)
        return await _one_session(app, server.url, number, result, labels, all_done)

    tasks = [asyncio.create_task(delayed(n)) for n in range(sessions)]

    async def all_finished_changes() -> None:
        # Every session has finished its renders (or failed) when this many latencies/failures are in.
        while len(result.change_latencies_ms) + result.changes_per_session * result.failed_sessions < (
            result.changes_per_session * sessions
        ):
            await asyncio.sleep(0.1)

    try:
        await asyncio.wait_for(all_finished_changes(), STAGE_DEADLINE)
    except TimeoutError:
        result.failures.append(f"stage did not finish within {STAGE_DEADLINE:.0f} s")
    result.wall_s = time.perf_counter() - started
    await asyncio.sleep(0.5)
    result.rss_all_open_mb = server.rss_mb()
    result.server_cpu_s = server.cpu_seconds() - cpu_before
    result.client_cpu_s = time.process_time() - client_before
    result.renders = len(result.change_latencies_ms) + len(result.initial_latencies_ms)
    all_done.set()
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    unfinished = sum(1 for o in outcomes if o is not True) - result.failed_sessions
    result.failed_sessions += max(unfinished, 0)
    return result


def run_stage(app: str, sessions: int, config: str = "shipped", labels: dict[str, str] | None = None) -> StageResult:
    """A fresh server for ``app``, ``sessions`` concurrent sessions against it, then stop it.

    ``config`` is ``shipped`` (the repository's settings, as ``make run`` starts it) or ``deploy``
    (the replicas' settings in ``deploy/replica.env``).
    """
    labels = labels or region_labels()
    name = f"load-{config}-{app}-{sessions}"
    with StreamlitServer(APPS[app], name=name, env=config_env(config)) as server:
        return asyncio.run(_stage(app, server, sessions, labels, config))


def run(plan: tuple[tuple[str, int], ...] = PLAN, log=print) -> list[dict[str, object]]:
    """Every (config, sessions) stage of the plan, bare and explorer interleaved (alternating order)."""
    labels = region_labels()
    figures = []
    for number, (config, sessions) in enumerate(plan):
        order = ("bare", "explorer") if number % 2 == 0 else ("explorer", "bare")
        for app in order:
            stage = run_stage(app, sessions, config, labels)
            row = stage.figures()
            figures.append(row)
            change = row["change_ms"]
            log(
                f"  load {config:7s} {app:8s} {sessions:4d} sessions: "
                f"change p50 {change['p50']:.0f} ms, p95 {change['p95']:.0f} ms, "
                f"failed {stage.failed_sessions}, {row['mb_per_session']} MB/session, "
                f"{row['server_cpu_ms_per_render']} ms CPU/render, {row['wall_s']} s"
            )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[20, 60, 200])
    parser.add_argument("--config", default="deploy", choices=["shipped", "deploy"])
    args = parser.parse_args()
    print(json.dumps(run(tuple((args.config, n) for n in args.sessions)), indent=1, default=str))


if __name__ == "__main__":
    main()
