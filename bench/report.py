"""Writes ``bench/RESULTS.md`` and the latency plot (Plotly) from one run's results."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

import plotly.graph_objects as go

from bench.common import BENCH_DIR, RESULTS_DIR, ratio

RESULTS_MD = BENCH_DIR / "RESULTS.md"
PLOT_PNG = RESULTS_DIR / "latency.png"
PLOT_JSON = RESULTS_DIR / "latency.plotly.json"


def _ms(value: float) -> str:
    return "–" if value is None or math.isnan(value) else f"{value:.0f} ms"


def _x(value: float) -> str:
    return "–" if value is None or math.isnan(value) else f"{value:.2f}×"


def _kb(value: float) -> str:
    return f"{value / 1000:.1f} kB"


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _mark(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _stages(results: dict) -> dict[tuple[str, int, str], dict]:
    return {(row["config"], row["sessions"], row["app"]): row for row in results["load"]}


def _client_cpu(rows: list[dict], app: str) -> str:
    values = [r.get("client_cpu_ms_per_render") for r in rows if r["app"] == app]
    values = [v for v in values if v is not None]
    return f"{sum(values) / len(values):.1f} ms" if values else "–"


def figure(results: dict) -> go.Figure:
    stages = _stages(results)
    fig = go.Figure()
    styles = {"explorer": "#0f766e", "bare": "#6b7280"}
    for config, dash in (("deploy", "solid"), ("shipped", "dot")):
        for app in ("explorer", "bare"):
            rows = sorted(
                (r for (c, _, a), r in stages.items() if c == config and a == app), key=lambda r: r["sessions"]
            )
            if not rows:
                continue
            for stat, width in (("p50", 3), ("p95", 1.5)):
                fig.add_trace(
                    go.Scatter(
                        x=[r["sessions"] for r in rows],
                        y=[r["change_ms"][stat] for r in rows],
                        mode="lines+markers",
                        name=f"{app} {stat} ({'deploy/replica.env' if config == 'deploy' else 'repo settings'})",
                        line={"color": styles[app], "dash": dash, "width": width},
                        marker={"size": 9 if stat == "p50" else 6},
                    )
                )
    cluster = results.get("cluster") or {}
    if "change_ms" in cluster:
        for stat, symbol in (("p50", "star"), ("p95", "star-open")):
            fig.add_trace(
                go.Scatter(
                    x=[cluster["sessions"]],
                    y=[cluster["change_ms"][stat]],
                    mode="markers",
                    name=f"explorer {stat}, nginx + 2 replicas",
                    marker={"symbol": symbol, "size": 16, "color": "#b45309"},
                )
            )
    fig.update_layout(
        title="Region change latency against concurrent sessions (Streamlit's websocket protocol)",
        xaxis_title="concurrent sessions (log scale)",
        xaxis={"type": "log", "tickvals": sorted({row["sessions"] for row in results["load"]})},
        yaxis_title="render latency, ms (log scale)",
        yaxis_type="log",
        template="plotly_white",
        width=1000,
        height=600,
        legend={"font": {"size": 11}},
    )
    return fig


def _render_png(fig: go.Figure, path: Path) -> bool:
    """Render through headless Chromium (no kaleido needed, nothing fetched: plotly.js is inlined)."""
    from playwright.sync_api import sync_playwright

    from bench.browser_bench import CHROMIUM, CHROMIUM_ARGS

    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "plot.html"
        html.write_text(fig.to_html(include_plotlyjs=True, full_html=True), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM) if CHROMIUM.exists() else None, args=CHROMIUM_ARGS
            )
            try:
                page = browser.new_page(viewport={"width": 1020, "height": 620})
                page.goto(html.as_uri())
                page.wait_for_selector(".main-svg", timeout=30_000)
                page.locator(".plotly-graph-div").screenshot(path=str(path))
            finally:
                browser.close()
    return True


def write(results: dict, log=print) -> list[Path]:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    fig = figure(results)
    PLOT_JSON.write_text(fig.to_json() + "\n", encoding="utf-8")
    written = [PLOT_JSON]
    try:
        _render_png(fig, PLOT_PNG)
        written.append(PLOT_PNG)
    except Exception as exc:  # the figures still stand without the picture
        log(f"  could not render {PLOT_PNG.name}: {exc}")
    RESULTS_MD.write_text(markdown(results), encoding="utf-8")
    written.append(RESULTS_MD)
    return written


def markdown(results: dict) -> str:
    m = results["machine"]
    prof = results["profile"]
    explorer, bare = prof["explorer"], prof["bare"]
    browser = results["browser"]
    stages = _stages(results)
    shipped_tap, deploy_tap = browser["shipped"], browser["deploy"]
    lines: list[str] = []
    add = lines.append

    add("# Benchmark results")
    add("")
    add(
        f"Written by `make bench` ({'quick run, ' if results.get('quick') else ''}{results['started']}, "
        f"{results['duration_s']:.0f} s). The machines here are shared and noisy, so every figure is set against "
        "a bare Streamlit page (`bench/bare_app.py`: one button, one line of text) that the same run starts and "
        "measures, interleaved with the explorer. **Read the ratios; the absolute times move from run to run.** "
        "Raw figures: `bench/results/results.json`."
    )
    add("")
    add(
        "Two server settings are measured: the repository's own (`.streamlit/config.toml`, what `make run` starts) "
        "and the replicas' (`deploy/replica.env`, what `deploy/` and `make serve-cluster` run)."
    )
    add("")
    add("## Machine")
    add("")
    add("| | |")
    add("| --- | --- |")
    add(f"| CPU | {m['cpu']}, {m['cores']} cores |")
    add(f"| Memory | {m['memory_gb']} GB |")
    add(f"| OS | {m['os']} |")
    add(f"| Python, Streamlit | {m['python']}, {m['streamlit']} |")
    add(f"| Browser | {m['chromium']} (headless) |")
    load_start = ", ".join(f"{v:.2f}" for v in m["load_average_at_start"])
    load_end = ", ".join(f"{v:.2f}" for v in m.get("load_average_at_end", []))
    add(f"| Load average (1, 5, 15 min) | {load_start} at the start, {load_end} at the end |")
    add("")

    # ---- summary
    def stage_ratio(config: str, sessions: int, stat: str) -> float:
        e, b = stages.get((config, sessions, "explorer")), stages.get((config, sessions, "bare"))
        return ratio(e["change_ms"][stat], b["change_ms"][stat]) if e and b else float("nan")

    levels = sorted({n for (c, n, _a) in stages if c == "deploy"})
    failed = sum(r["failed_sessions"] for r in results["load"])
    explorer_rows = [r for r in results["load"] if r["app"] == "explorer"]
    mb = [r["mb_per_session"] for r in explorer_rows if r["sessions"] >= 60]
    per_tap = explorer["per_tap"]
    add("## Against the goals")
    add("")
    add("| What | Goal | Measured | |")
    add("| --- | --- | --- | --- |")
    r = shipped_tap["tap_ratio_p50"]
    add(
        f"| Tap to content, median (repo settings) | ≤ 1.25× bare | {_x(r)} "
        f"({_ms(shipped_tap['tap_ms']['explorer']['p50'])} vs {_ms(shipped_tap['tap_ms']['bare']['p50'])}) | "
        f"{_mark(r <= 1.25)} |"
    )
    r = deploy_tap["tap_ratio_p50"]
    add(
        f"| Tap to content, median (deploy settings) | ≤ 1.25× bare | {_x(r)} "
        f"({_ms(deploy_tap['tap_ms']['explorer']['p50'])} vs {_ms(deploy_tap['tap_ms']['bare']['p50'])}) | "
        f"{_mark(r <= 1.25)} |"
    )
    r = shipped_tap["settled_ratio_p50"]
    add(
        f"| Tap to finished rerun, median (repo settings) | (no goal) | {_x(r)} "
        f"({_ms(shipped_tap['settled_ms']['explorer']['p50'])} vs {_ms(shipped_tap['settled_ms']['bare']['p50'])}) "
        "| see below |"
    )
    r = shipped_tap["first_view_ratio_p50"]
    add(
        f"| First view, median (repo settings) | ≤ 1.5× bare | {_x(r)} "
        f"({_ms(shipped_tap['first_view_ms']['explorer']['p50'])} vs "
        f"{_ms(shipped_tap['first_view_ms']['bare']['p50'])}) | {_mark(r <= 1.5)} |"
    )
    add(f"| Load: failed sessions, all stages | 0 | {failed} | {_mark(failed == 0)} |")
    for n in levels:
        r = stage_ratio("deploy", n, "p95")
        add(f"| Load: p95 per render, {n} sessions (deploy settings) | ≤ 2× bare | {_x(r)} | {_mark(r <= 2)} |")
    if mb:
        add(
            f"| Memory per extra session (explorer, ≥ 60 sessions) | < 0.5 MB | "
            f"{min(mb):.2f}–{max(mb):.2f} MB | {_mark(max(mb) < 0.5)} |"
        )
    add(
        f"| Bytes per tap | lean | {_kb(per_tap['bytes']['p50'])} in {per_tap['frames']['p50']:.0f} messages "
        f"(~{_kb(per_tap['deflate_bytes']['p50'])} with permessage-deflate); bare page "
        f"{bare['per_tap']['bytes']['p50']:.0f} B | see below |"
    )
    add("")

    # ---- tap to content
    add("## Tap to content (headless Chromium)")
    add("")
    add(
        "From the `pointerdown` of a real click on a map region (on the shape) to the animation frame in which "
        "that region's heading is on the page; the bare page: click on its button to the new count. Timed in "
        "the page (`performance.now()`, a `MutationObserver`, the next frame). Explorer and bare page are open "
        "side by side and every tap alternates between them."
    )
    add("")
    add(
        "The explorer draws the region view in the browser from data it already holds, so the content is on "
        "screen before the server has heard of the tap; the bare page has to wait for its rerun. *Finished rerun* "
        "is the fair second figure: from the same `pointerdown` to Streamlit's script state going back to "
        "`notRunning` after the rerun the tap caused, when Python knows the tap and everything it draws (the "
        "address; the tour's place in present mode) agrees with it."
    )
    add("")
    add(
        "| Settings | Explorer p50 | Explorer p95 | Bare p50 | Bare p95 | Ratio p50 | Ratio p95 | "
        "Finished rerun p50, explorer / bare | Ratio | Taps each |"
    )
    add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, row in (("repo", shipped_tap), ("deploy", deploy_tap)):
        e, b = row["tap_ms"]["explorer"], row["tap_ms"]["bare"]
        se, sb = row["settled_ms"]["explorer"], row["settled_ms"]["bare"]
        add(
            f"| {name} | {_ms(e['p50'])} | {_ms(e['p95'])} | {_ms(b['p50'])} | {_ms(b['p95'])} | "
            f"{_x(row['tap_ratio_p50'])} | {_x(row['tap_ratio_p95'])} | {_ms(se['p50'])} / {_ms(sb['p50'])} | "
            f"{_x(row['settled_ratio_p50'])} | {e['n']} |"
        )
    add("")
    add("Where the rerun's time goes (medians, from the page's own websocket timestamps; a message's time is when")
    add("the page's main thread gets to it):")
    add("")
    add(
        "| Settings | Page | Click to send | Send to first reply | First to last reply (messages) "
        "| Last reply to finished rerun |"
    )
    add("| --- | --- | --- | --- | --- | --- |")
    for name, row in (("repo", shipped_tap), ("deploy", deploy_tap)):
        for app in ("explorer", "bare"):
            w = row["tap_breakdown_p50_ms"][app]
            add(
                f"| {name} | {app} | {_ms(w['to_send'])} | {_ms(w['to_first_message'])} | "
                f"{_ms(w['messages'])} ({w['message_count']:.0f}) | {_ms(w['after_last_message'])} |"
            )
    add("")
    add("Chromium's main thread per tap (CDP `Performance.getMetrics`, medians, up to the end of the rerun):")
    add("")
    add("| Settings | Page | Main thread busy | JavaScript | Style | Layout | DOM nodes |")
    add("| --- | --- | --- | --- | --- | --- | --- |")
    for name, row in (("repo", shipped_tap), ("deploy", deploy_tap)):
        for app in ("explorer", "bare"):
            w = row["tap_breakdown_p50_ms"][app]
            add(
                f"| {name} | {app} | {_ms(w['main_thread_busy'])} | {_ms(w['javascript'])} | {_ms(w['style'])} | "
                f"{_ms(w['layout'])} | {w['dom_nodes']:.0f} |"
            )
    add("")

    # ---- first view
    add("## First view")
    add("")
    add(
        "From navigation start to the first frame with the map's regions in the page and the app connected and "
        "idle (the bare page: its button), each time in a fresh browser context (nothing cached)."
    )
    add("")
    add("| Settings | Explorer p50 | Explorer p95 | Bare p50 | Bare p95 | Ratio p50 | Loads each |")
    add("| --- | --- | --- | --- | --- | --- | --- |")
    for name, row in (("repo", shipped_tap), ("deploy", deploy_tap)):
        e, b = row["first_view_ms"]["explorer"], row["first_view_ms"]["bare"]
        add(
            f"| {name} | {_ms(e['p50'])} | {_ms(e['p95'])} | {_ms(b['p50'])} | {_ms(b['p95'])} | "
            f"{_x(row['first_view_ratio_p50'])} | {e['n']} |"
        )
    add("")

    # ---- load
    add("## Load (Streamlit's websocket protocol)")
    add("")
    add(
        "Each session opens `/_stcore/stream`, renders the page, then changes region at least three times (more "
        "at low session counts, so a stage has at least 150 changes; explorer: the selection bridge's `select` "
        "trigger, rerunning only its fragment as a browser does; bare page: its button) after a random 1–3 s "
        "pause, checking each render tells the browser the right region (its panel's heading) or count. "
        "Sessions start over a ramp (2.5 s per 100) and stay open until all are done; "
        "memory is read then. Each stage gets a fresh server. CPU per render is the server's, from `/proc`. The "
        "client runs on the same cores as the server, and takes "
        f"{_client_cpu(results['load'], 'explorer')} of CPU per explorer render itself "
        f"({_client_cpu(results['load'], 'bare')} per bare one)."
    )
    add("")
    add(
        "| Settings | Sessions | Page | p50 | p95 | p95 vs bare | Failed | MB per session | "
        "Server CPU per render | Renders/s one process can do | Stage time |"
    )
    add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in sorted(results["load"], key=lambda r: (r["config"] != "deploy", r["sessions"], r["app"] != "explorer")):
        vs = stage_ratio(row["config"], row["sessions"], "p95") if row["app"] == "explorer" else float("nan")
        add(
            f"| {'deploy' if row['config'] == 'deploy' else 'repo'} | {row['sessions']} | {row['app']} | "
            f"{_ms(row['change_ms']['p50'])} | {_ms(row['change_ms']['p95'])} | {_x(vs)} | {row['failed_sessions']} | "
            f"{row['mb_per_session']:.3f} | {row['server_cpu_ms_per_render']:.1f} ms | "
            f"{1000 / max(row['server_cpu_ms_per_render'], 1e-9):.0f} | {row['wall_s']:.0f} s |"
        )
    cluster = results.get("cluster") or {}
    if "change_ms" in cluster:
        add(
            f"| deploy, nginx + 2 replicas | {cluster['sessions']} | explorer | {_ms(cluster['change_ms']['p50'])} | "
            f"{_ms(cluster['change_ms']['p95'])} | – | {cluster['failed_sessions']} | "
            f"{cluster['mb_per_session']:.3f} | {cluster['server_cpu_ms_per_render']:.1f} ms (both) | – | "
            f"{cluster['wall_s']:.0f} s |"
        )
    elif cluster.get("skipped"):
        add(f"\nThe stage through nginx was skipped: {cluster['skipped']}.")
    add("")
    add(
        "A session here taps every 2 s on average, far more often than a person reading the screen; a process "
        "saturates when sessions × taps per second × CPU per render reaches one core (the page script holds the "
        "GIL), and latency then grows with the queue. Renders per second = 1000 / CPU ms per render: divide by "
        "the taps per second of one screen to size the replicas."
    )
    add("")
    add("![Latency against concurrent sessions](results/latency.png)")
    add("")
    add("(Plotly figure: `bench/results/latency.plotly.json`, `plotly.io.read_json()` opens it.)")
    add("")

    # ---- bytes per tap
    parts = per_tap["by_part_median"]
    cold = prof["cold"]
    _burst_section(results, add)
    _lighthouse_section(results, add)
    add("## Bytes per tap")
    add("")
    add(
        f"Everything the server sends for one region change, measured on the websocket (message payloads; the "
        f"browser's message cache is kept as a browser keeps it): **{_kb(per_tap['bytes']['p50'])} in "
        f"{per_tap['frames']['p50']:.0f} messages** (p95 {_kb(per_tap['bytes']['p95'])}); with permessage-deflate "
        f"(`deploy/replica.env` turns it on) about {_kb(per_tap['deflate_bytes']['p50'])} on the wire. "
        f"The bare page: {bare['per_tap']['bytes']['p50']:.0f} B in {bare['per_tap']['frames']['p50']:.0f} messages."
    )
    add("")
    add("| Part of a tap | Bytes (median) | Share |")
    add("| --- | --- | --- |")
    labels = {
        "map_component": "the body-map component (not in the tap's fragment: never resent)",
        "other_components": "the selection bridge (its code, and the region id as data)",
        "cached_references": "references to messages the browser already holds",
        "general_section": "the general section (now drawn in the browser)",
        "other_elements": "other elements (none in explore and kiosk mode; the tour's place in present mode)",
        "protocol": "protocol messages (session, status, script finished)",
    }
    total = sum(parts.values()) or 1
    for key, label in labels.items():
        add(f"| {label} | {_kb(parts[key])} | {100 * parts[key] / total:.0f} % |")
    add("")
    add(
        f"The map's markup is {_kb(cold['map_markup_bytes'])} (the SVG asset {_kb(cold['svg_asset_bytes'])}); "
        f"without the indentation between tags and with whole-number coordinates it would be "
        f"{_kb(cold['map_markup_lean_bytes'])}. CSS {cold['map_css_bytes']} B, JS {cold['map_js_bytes']} B."
    )
    add("")

    # ---- profile
    add("## What a rerun costs")
    add("")
    add(
        "The explorer under `bench/profiled_server.py`: a timer round each function the page imports from "
        "`explorer_ui` (elements counted as they are queued), the page script as a whole (a tap reruns only the "
        "selection fragment), and the full garbage collection Streamlit runs after a script when "
        "`runner.postScriptGC` is on (the repository switches it off); "
        f"{explorer['per_tap']['bytes']['n']} taps through regions over the websocket protocol. Medians per rerun, "
        "in CPU time of the script thread (a busy machine stretches wall-clock time, not this):"
    )
    add("")
    add("| Part | Time | Elements |")
    add("| --- | --- | --- |")
    for name, row in sorted(explorer["sections"].items(), key=lambda kv: -kv[1]["ms"]):
        add(f"| `{name}` | {row['ms']:.2f} ms | {row['elements']:.0f} |")
    add(
        f"| **page script, all** | **{explorer['script_ms']['p50']:.1f} ms** | **{explorer['elements_per_run']:.0f}** |"
    )
    gc_ms = explorer["post_script_gc_ms"]["p50"]
    if not math.isnan(gc_ms):
        add(
            f"| garbage collection after the script | **{gc_ms:.1f} ms** "
            f"(wall clock {explorer['post_script_gc_wall_ms']['p50']:.0f} ms) | |"
        )
    else:
        add("| garbage collection after the script | off (`runner.postScriptGC = false`) | |")
    add(f"| server CPU per tap, everything (`/proc`) | {explorer['server_cpu_ms_per_tap']:.1f} ms | |")
    add("")
    add(
        f"The bare page: script {bare['script_ms']['p50']:.1f} ms, "
        f"server CPU {bare['server_cpu_ms_per_tap']:.1f} ms per tap. "
        f"First run of the explorer in a fresh process: {explorer['first_run_ms']:.0f} ms. Uncached, loading and "
        f"validating the content file takes {cold['load_and_validate_content_ms']:.1f} ms and parsing the SVG "
        f"{cold['parse_body_map_svg_ms']:.1f} ms; both are cached once per process, so a rerun pays "
        f"{explorer['sections'].get('content_or_stop', {}).get('ms', float('nan')):.2f} ms for the content."
    )
    add("")
    freeze = prof.get("gc_freeze_whatif")
    if freeze:
        add(
            f"What-if, `gc.freeze()` once after start-up (garbage collection left on): the collection after each "
            f"script drops to {freeze['post_script_gc_ms']['p50']:.1f} ms and server CPU per tap to "
            f"{freeze['server_cpu_ms_per_tap']:.1f} ms."
        )
        add("")
    add("Under `cProfile` (its per-call overhead inflates small calls: shares, not times), share of the reruns:")
    add("")
    add("| Under | Share |")
    add("| --- | --- |")
    for label, share in prof["cprofile"]["shares"].items():
        add(f"| {label} | {100 * share:.0f} % |")
    add("")
    add("Most own time:")
    add("")
    for row in prof["cprofile"]["top_own_time"][:8]:
        add(f"- `{row['function']}`: {100 * row['own_share']:.0f} % ({row['calls']} calls)")
    add("")

    # ---- what dominates
    add("## What dominated, and what made it cheap")
    add("")
    add(
        "Before: a tap reran the whole explorer. The server sent ~125 messages (57 kB); Streamlit's full garbage "
        "collection after every script was ~80 % of a tap's server CPU; the browser then spent ~100 ms of "
        "JavaScript redrawing ~45 elements, and the content showed 5–6× later than the bare page's."
    )
    add("")
    add(
        "1. **Garbage collection after each run**: `runner.postScriptGC = false` in `.streamlit/config.toml` and "
        "`deploy/replica.env`."
    )
    add(
        "2. **Content loading and SVG handling** were never it: both are loaded, validated and cached once per "
        "process (above); each component is registered once."
    )
    add(
        "3. **Elements and bytes per tap**: the map, the list of areas and the region view (every region's panel "
        "and the general sections, as one JSON text made once per process and mode) are v2 components whose data "
        "never changes, drawn in the browser. The chosen region lives on `<html data-dn-region>`: "
        "a tap sets it and everything follows at "
        "once. A tiny *selection bridge* in an `st.fragment` sends the tap to Python, and a tap reruns only that "
        "fragment: the bridge (and the tour's place in present mode, or the one handout button in explore mode). "
        f"Now {per_tap['frames']['p50']:.0f} messages and {_kb(per_tap['bytes']['p50'])} per tap "
        f"({_kb(per_tap['deflate_bytes']['p50'])} deflated), and a full rerun (text size, a new session) sends the "
        "big components as references to messages the browser already has."
    )
    add("")
    add(
        f"What is left: the fragment rerun costs the server {explorer['server_cpu_ms_per_tap']:.1f} ms of CPU "
        f"against {bare['server_cpu_ms_per_tap']:.1f} ms for the bare page's whole rerun (Streamlit's own work "
        "per run: widget state, the query-string update, message hashing), and the bridge's 2 kB of code travel "
        "with each tap because a component's code goes with its data. Near saturation that difference is what "
        "shows: at 200 sessions each tapping every 2 s, one process spends most of a core on taps, and the "
        "explorer's p95 grows long before the bare page's; two replicas behind nginx (last row of the load "
        "table) share that load."
    )
    add("")
    add("## How to run")
    add("")
    add(
        "`make bench` (about 6–8 minutes on 2 cores; `.venv/bin/python -m bench.run --quick` checks the harness in "
        "about 2). Parts: `python -m bench.profile_rerun`, `python -m bench.browser_bench`, `python -m "
        "bench.load_bench --sessions 60 200`. Server logs go to `test-artifacts/bench/`."
    )
    add("")
    return "\n".join(lines)


def _burst_section(results: dict, add) -> None:
    """Issue 14's room of phones: every session of a burst opens at once and renders its first view."""
    burst = results.get("burst") or {}
    if not burst.get("rows"):
        return
    add("## Burst: a room of phones at once")
    add("")
    add(
        "Every session of a burst opens its websocket at the same moment (no ramp) and renders the first view; "
        "the time runs from opening the websocket to the end of the first run. A fresh server for each burst, "
        "with the replicas' settings, warmed by one session. Server CPU per first view is read from `/proc`."
    )
    add("")
    add("| Where | App | Sessions | First view p50 | p95 | Failed | Server CPU per first view | Wall |")
    add("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in burst["rows"]:
        first = row["first_view_ms"]
        add(
            f"| {row['where']} | {row['app']} | {row['sessions']} | {_ms(first['p50'])} | {_ms(first['p95'])} | "
            f"{row['failed_sessions']} | {row['server_cpu_ms_per_first_view']:.1f} ms | {row['wall_s']:.1f} s |"
        )
    add("")
    add("| Goal (issue 14) | Measured | |")
    add("| --- | --- | --- |")
    for goal in burst.get("goals", []):
        add(f"| {goal['goal']} | {goal['ratio']:.2f}× | {'met' if goal['met'] else '**not met**'} |")
    for config, browser in (results.get("browser") or {}).items():
        first, tap = browser["first_view_ratio_p50"], browser["tap_ratio_p50"]
        tap_ms = browser["tap_ms"]["explorer"]["p50"]
        add(f"| first view in Chromium ≤ 1.1× bare ({config} settings) | {first:.2f}× | {_met(first <= 1.1)} |")
        add(
            f"| tap to content ≤ 16 ms and ≤ 0.5× bare ({config} settings) | {tap_ms:.0f} ms, {tap:.2f}× | "
            f"{_met(tap_ms <= 16 and tap <= 0.5)} |"
        )
    add("")
    add(
        "What dominates a first view's server CPU (py-spy, 200 first views of the explorer on one process, "
        "2026-12-02), and what was tried: the number of elements, not their bytes. Each Streamlit element costs "
        "its Python bookkeeping in the script thread (a v2 component about 0.4 ms: identity, widget "
        "registration, data serialization, the message cache's hash) and a wake of the event loop to send "
        "it (the loop's self-pipe and the websocket: about 18 % of the samples). Sending the components' code "
        "as stubs instead of about 70 kB of inline JavaScript and CSS changed nothing measurable (18.6 against "
        "18.5 ms, 4 alternating runs of 200), so the packaged-component manifest (the code as files) was not "
        "built; a page cut down to 4 components and 12 messages came to 9.4–10.4 ms against 15.4–16.6 ms "
        "(the bare page 6.0–6.2 ms). So the shell, the text-size and language buttons and Listen are now one "
        "component (the page bar) and the map and the list one (`from_parts`): a first view sends 24 messages "
        "instead of 30 (17 elements instead of 23). In 6 alternating runs of 200 first views one after another, "
        "the page bar alone took the median from 17.0 to 14.7 ms; the bursts above do not show it (their CPU "
        "per first view moves more from run to run than this cut: 17.2 against 4.2 ms in the previous run). "
        "Then the four page links and their row went into the page bar (real links; a plain click is the bar's "
        "page trigger and Python calls st.switch_page) and the wrapping containers round the columns and the "
        "region view went: a kiosk first view is 15 messages (9 elements and blocks) instead of 22. Six "
        "alternating runs of 30 kiosk first views one after another: 26.6 ms before, 23.4 ms after (this "
        "machine was about 1.7 times slower that day: the bare page's CPU per first view in the burst went "
        "from 4.0 to 10.0 ms). py-spy after it: what is left is inside Streamlit, per message (creating and "
        "queueing it, about 10 %; waking the event loop through its self-pipe, about 14 %; the websocket "
        "send, about 7 %) and per run (a thread pool for parallel fragments made on every run, about 5 %; "
        "st.cache_resource's argument hashing, about 4 %). The region view, the map with the list, the page "
        "bar and the selection bridge (which must sit in the tap's fragment) are the four components left; "
        "one component for the map, the list and the region view is what would still take a first view "
        "towards the bare page's."
    )
    add("")


def _lighthouse_section(results: dict, add) -> None:
    """Issue 14's first view that does not jump: Lighthouse 12, desktop preset, offline."""
    light = results.get("lighthouse") or {}
    if not light.get("rows"):
        if light.get("skipped"):
            add(f"Lighthouse was skipped: {light['skipped']}.")
            add("")
        return
    add("## Lighthouse: a first view that does not jump")
    add("")
    add(
        f"Lighthouse 12 (`bench/lighthouse/`, desktop preset, offline, Debian Chromium), {light['runs']} runs "
        "of each address; the median score and that run's figures. Direct: one process with the replicas' "
        "settings; through nginx: `scripts/serve_cluster.sh` (the bare page on one replica)."
    )
    add("")
    add("| Where | App | Address | Score (runs) | CLS | FCP | LCP | TBT | Speed index | Compression savings |")
    add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in light["rows"]:
        runs = ", ".join(str(s) for s in row["scores"])
        add(
            f"| {row['where']} | {row['app']} | {row['address']} | **{row['score']}** ({runs}) | {row['cls']} | "
            f"{_ms(row['fcp_ms'])} | {_ms(row['lcp_ms'])} | {_ms(row['tbt_ms'])} | {_ms(row['speed_index_ms'])} | "
            f"{row['compression_savings_kb']} kB |"
        )
    add("")
    add("| Goal (issue 14) | Measured | |")
    add("| --- | --- | --- |")
    for goal in light.get("goals", []):
        add(f"| {goal['goal']} | {goal['measured']} | {'met' if goal['met'] else '**not met**'} |")
    add("")


if __name__ == "__main__":
    write(json.loads((RESULTS_DIR / "results.json").read_text(encoding="utf-8")))
