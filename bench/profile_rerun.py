"""What a rerun costs and what the server sends for one tap: profile and bytes per tap.

- Sections: the explorer under ``bench/profiled_server.py`` (cheap timers round each part of the page
  and the garbage collection after it), tapped through regions over the websocket protocol; the bare
  page the same way. Server CPU per rerun comes from ``/proc``.
- Bytes per tap: every frame the server sends for one region change, split by what it carries
  (the map component, other components, the general section that is the same for every region, the
  rest), with an estimate of what permessage-deflate would put on the wire.
- cProfile: the explorer's reruns under ``cProfile``, for the functions that take the time.
- Cold costs: loading and validating the content file and parsing the SVG, uncached.

Run alone: ``python -m bench.profile_rerun``.
"""

from __future__ import annotations

import asyncio
import json
import pstats
import re
import statistics
import tempfile
import time
import zlib
from pathlib import Path

from bench.common import APPS, StreamlitServer, summary
from bench.stclient import Render, StreamlitSession

TAPS = 30
TAP_REGIONS = ("neck", "knee", "foot", "calf", "head", "jaw", "hip", "elbow", "shoulder", "thigh")
GENERAL_HEADING = "What you may feel"
MAP_COMPONENT = "body_map"


def _split_bytes(render: Render) -> dict[str, int]:
    """Bytes of one render by what they carry."""
    parts = {
        "map_component": 0,
        "other_components": 0,
        "cached_references": 0,
        "general_section": 0,
        "other_elements": 0,
        "protocol": 0,
    }
    general_parent: tuple[int, ...] | None = None
    general_from = 0
    for delta in render.deltas:
        if delta.kind == "heading" and delta.text == GENERAL_HEADING:
            general_parent, general_from = delta.path[:-1], delta.path[-1]
    for delta in render.deltas:
        if delta.kind == "bidi_component":
            key = "map_component" if MAP_COMPONENT in delta.text else "other_components"
        elif delta.kind == "ref_hash":
            key = "cached_references"  # an element the browser already has, sent as its hash
        elif (
            general_parent is not None
            and delta.path[: len(general_parent)] == general_parent
            and len(delta.path) > len(general_parent)
            and delta.path[len(general_parent)] >= general_from
        ):
            key = "general_section"
        else:
            key = "other_elements"
        parts[key] += delta.size
    parts["protocol"] = render.bytes - sum(parts.values())
    return parts


def _general_elements(render: Render) -> int:
    for delta in render.deltas:
        if delta.kind == "heading" and delta.text == GENERAL_HEADING:
            parent, start = delta.path[:-1], delta.path[-1]
            return sum(
                1
                for d in render.deltas
                if d.path[: len(parent)] == parent and len(d.path) > len(parent) and d.path[len(parent)] >= start
            )
    return 0


async def _drive(app: str, url: str, server: StreamlitServer, taps: int) -> dict[str, object]:
    session = StreamlitSession(url, measure_compression=True)
    await session.open()
    first = await session.rerun()
    cpu_before = server.cpu_seconds()
    renders: list[Render] = []
    for number in range(taps):
        if app == "explorer":
            renders.append(await session.tap_region(TAP_REGIONS[number % len(TAP_REGIONS)]))
        else:
            renders.append(await session.click_button("tap"))
    cpu_ms = (server.cpu_seconds() - cpu_before) * 1000 / taps
    await session.close()
    splits = [_split_bytes(r) for r in renders]
    return {
        "first_render": {"bytes": first.bytes, "frames": first.frames, "deflate_bytes": first.compressed_bytes},
        "per_tap": {
            "bytes": summary([r.bytes for r in renders]),
            "frames": summary([r.frames for r in renders]),
            "deflate_bytes": summary([r.compressed_bytes for r in renders]),
            "cache_references": summary([r.cache_refs for r in renders]),
            "by_part_median": {key: statistics.median(s[key] for s in splits) for key in splits[0]},
            "general_section_elements": statistics.median(_general_elements(r) for r in renders),
        },
        "client_latency_ms": summary([r.latency * 1000 for r in renders]),
        "server_cpu_ms_per_tap": round(cpu_ms, 2),
    }


def _sections(data: dict[str, list]) -> dict[str, object]:
    """Median time and elements of each section over the warm reruns."""
    warm = data["sections"][1:]
    names = sorted({name for run in warm for name in run})
    table = {}
    for name in names:
        times = [run[name][0] for run in warm if name in run]
        elements = [run[name][1] for run in warm if name in run]
        table[name] = {"ms": round(statistics.median(times), 3), "elements": statistics.median(elements)}
    return table


def _measure(
    app: str, mode: str, workdir: Path, taps: int, extra_env: dict[str, str] | None = None
) -> tuple[dict[str, object], dict[str, list]]:
    out = workdir / f"{app}-{mode}"
    env = {"BENCH_PROFILE_OUT": str(out), "BENCH_PROFILE_MODE": mode, "BENCH_PROFILE_SCRIPT": APPS[app]}
    env |= extra_env or {}
    launcher = "bench/profiled_server.py"
    with StreamlitServer(APPS[app], name=f"profile-{mode}-{app}", launcher=launcher, env=env) as server:
        driven = asyncio.run(_drive(app, server.url, server, taps))
    data = json.loads(Path(f"{out}.json").read_text(encoding="utf-8"))
    return driven, data


def _top_functions(prof: Path, limit: int = 12) -> list[dict[str, object]]:
    stats = pstats.Stats(str(prof))
    total = stats.total_tt
    rows = []
    for (file, line, func), (_cc, calls, own, cumulative, _callers) in stats.stats.items():
        short = file.split("site-packages/")[-1].replace(str(Path.cwd()) + "/", "")
        rows.append(
            {
                "function": f"{short}:{line}({func})",
                "calls": calls,
                "own_share": own / total,
                "cumulative_share": cumulative / total,
            }
        )
    rows.sort(key=lambda r: r["own_share"], reverse=True)
    return rows[:limit]


def _cumulative_share(prof: Path, needles: dict[str, str]) -> dict[str, float]:
    """Share of the profiled run spent under functions whose 'file:function' contains each needle."""
    stats = pstats.Stats(str(prof))
    total = stats.total_tt
    shares = {}
    for label, needle in needles.items():
        best = 0.0
        for (file, _line, func), (_cc, _calls, _own, cumulative, _callers) in stats.stats.items():
            if needle in f"{file}:{func}":
                best = max(best, cumulative)
        shares[label] = best / total
    return shares


def _cold_costs() -> dict[str, object]:
    from dn_explorer.body_map import load_body_map
    from dn_explorer.content import load_content
    from dn_explorer.paths import BODY_MAP_SVG, COMPONENT_DIR, CONTENT_FILE

    def best_of(func, repeat: int = 5) -> float:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            func()
            times.append((time.perf_counter() - started) * 1000)
        return min(times)

    markup = load_body_map(BODY_MAP_SVG).markup
    # What-if: the same drawing without indentation between tags and with whole-number coordinates.
    lean = re.sub(r">\s+<", "><", markup)
    lean = re.sub(r"(\d+)\.(\d)\d*", lambda m: str(round(float(m.group(0)))), lean)
    css = (COMPONENT_DIR / "body_map.css").read_text(encoding="utf-8")
    js = (COMPONENT_DIR / "body_map.js").read_text(encoding="utf-8")
    return {
        "load_and_validate_content_ms": round(best_of(lambda: load_content(CONTENT_FILE)), 2),
        "parse_body_map_svg_ms": round(best_of(lambda: load_body_map(BODY_MAP_SVG)), 2),
        "map_markup_bytes": len(markup.encode()),
        "map_markup_deflate_bytes": len(zlib.compress(markup.encode(), 6)),
        "map_markup_lean_bytes": len(lean.encode()),
        "map_css_bytes": len(css.encode()),
        "map_js_bytes": len(js.encode()),
        "svg_asset_bytes": BODY_MAP_SVG.stat().st_size,
    }


def run(taps: int = TAPS, log=print) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp:
        workdir = Path(tmp)
        results: dict[str, object] = {}
        for app in ("explorer", "bare"):
            driven, data = _measure(app, "sections", workdir, taps)
            results[app] = {
                **driven,
                "first_run_ms": round(data["run_ms"][0], 1),
                "script_ms": summary(data["run_ms"][1:]),
                "script_wall_ms": summary(data["run_wall_ms"][1:]),
                "post_script_gc_ms": summary(data["gc_ms"][1:]),
                "post_script_gc_wall_ms": summary(data["gc_wall_ms"][1:]),
                "elements_per_run": statistics.median(data["elements"][1:]),
                "sections": _sections(data),
            }
        # What-if for the app: gc.freeze() once after start-up, the post-script GC left on.
        frozen, frozen_data = _measure("explorer", "sections", workdir, min(taps, 20), {"BENCH_GC_FREEZE": "1"})
        results["gc_freeze_whatif"] = {
            "post_script_gc_ms": summary(frozen_data["gc_ms"][1:]),
            "server_cpu_ms_per_tap": frozen["server_cpu_ms_per_tap"],
        }
        _driven, _data = _measure("explorer", "cprofile", workdir, min(taps, 20))
        warm = workdir / "explorer-cprofile.warm.prof"
        results["cprofile"] = {
            "top_own_time": _top_functions(warm),
            "shares": _cumulative_share(
                warm,
                {
                    "page script (explorer_app.py)": "explorer_app.py:<module>",
                    "element creation (DeltaGenerator._enqueue)": "delta_generator.py:_enqueue",
                    "waking the event loop per message (call_soon_threadsafe)": "base_events.py:call_soon_threadsafe",
                    "markdown and captions": "elements/markdown.py:_markdown",
                    "buttons": "widgets/button.py:_button",
                    "page links (path resolution)": "widgets/button.py:_page_link",
                    "v2 components": "bidi_component/main.py:_bidi_component",
                    "content loading (content_or_stop)": "explorer_ui/loading.py:content_or_stop",
                },
            ),
        }
    results["cold"] = _cold_costs()
    explorer, bare = results["explorer"], results["bare"]
    for name, row in (("explorer", explorer), ("bare", bare)):
        log(
            f"  rerun {name}: script {row['script_ms']['p50']:.1f} ms ({row['elements_per_run']:.0f} elements) "
            f"+ post-script GC {row['post_script_gc_ms']['p50']:.1f} ms; "
            f"server CPU {row['server_cpu_ms_per_tap']} ms/tap"
        )
    per_tap = explorer["per_tap"]
    log(
        f"  bytes per tap: explorer {per_tap['bytes']['p50']:.0f} B in {per_tap['frames']['p50']:.0f} frames "
        f"(~{per_tap['deflate_bytes']['p50']:.0f} B deflated), by part {per_tap['by_part_median']}; "
        f"bare {bare['per_tap']['bytes']['p50']:.0f} B"
    )
    return results


def main() -> None:
    print(json.dumps(run(), indent=1, default=str))


if __name__ == "__main__":
    main()
