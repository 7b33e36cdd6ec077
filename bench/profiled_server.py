"""``streamlit run`` with every script run measured: the launcher ``bench/profile_rerun.py`` starts.

Two modes (``BENCH_PROFILE_MODE``):

- ``sections`` (cheap, real times): wraps each function the page script imports from ``explorer_ui``
  (found by reading the script, so new ones are picked up) with a timer and an element counter, and
  times the page script and the full garbage collection Streamlit runs after it
  (``runner.postScriptGC``).
- ``cprofile``: the page script under ``cProfile`` (per-call overhead inflates times: use it for
  shares and names, not for absolute figures).

The first run (imports, content loading, SVG parsing) is kept apart from the warm reruns. Results are
written after every run to ``$BENCH_PROFILE_OUT.json`` (and ``.prof`` files in ``cprofile`` mode).
"""

from __future__ import annotations

import ast
import cProfile
import functools
import gc
import importlib
import json
import os
import sys
import time
import types
from collections import defaultdict
from pathlib import Path

from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.scriptrunner import script_runner
from streamlit.web.cli import main as streamlit_main

OUT = os.environ["BENCH_PROFILE_OUT"]
MODE = os.environ.get("BENCH_PROFILE_MODE", "sections")
SCRIPT = os.environ.get("BENCH_PROFILE_SCRIPT", "explorer_app.py")

_cold = cProfile.Profile()
_warm = cProfile.Profile()
# *_ms: CPU time of the script thread (time.thread_time), which a busy machine does not inflate;
# *_wall_ms: wall-clock time, which it does.
_data: dict[str, object] = {
    "run_ms": [],
    "run_wall_ms": [],
    "gc_ms": [],
    "gc_wall_ms": [],
    "elements": [],
    "sections": [],
}
_current: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
_elements = [0]
_original_exec = script_runner.exec_func_with_error_handling
_original_enqueue = DeltaGenerator._enqueue


def _counting_enqueue(self, *args, **kwargs):
    _elements[0] += 1
    return _original_enqueue(self, *args, **kwargs)


def _timed(name: str, func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        before = _elements[0]
        started = time.thread_time()
        try:
            return func(*args, **kwargs)
        finally:
            entry = _current[name]
            entry[0] += (time.thread_time() - started) * 1000
            entry[1] += _elements[0] - before

    return wrapper


def _wrap_page_imports() -> list[str]:
    """Time every function the page script imports from the app's own packages."""
    tree = ast.parse(Path(SCRIPT).read_text(encoding="utf-8"))
    wrapped = []
    for node in tree.body:
        if not (isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("explorer_ui")):
            continue
        module = importlib.import_module(node.module)
        for alias in node.names:
            target = getattr(module, alias.name, None)
            if isinstance(target, types.FunctionType):
                setattr(module, alias.name, _timed(alias.name, target))
                wrapped.append(alias.name)
    return wrapped


def _measured_exec(func, ctx):
    runs: list[float] = _data["run_ms"]
    profile = (_cold if not runs else _warm) if MODE == "cprofile" else None
    _current.clear()
    _elements[0] = 0
    started, started_wall = time.thread_time(), time.perf_counter()
    if profile:
        profile.enable()
    try:
        return _original_exec(func, ctx)
    finally:
        if profile:
            profile.disable()
        runs.append((time.thread_time() - started) * 1000)
        _data["run_wall_ms"].append((time.perf_counter() - started_wall) * 1000)
        _data["elements"].append(_elements[0])
        _data["sections"].append({k: [round(v[0], 3), v[1]] for k, v in _current.items()})
        _save()


def _timed_collect(generation: int = 2) -> int:
    started, started_wall = time.thread_time(), time.perf_counter()
    try:
        return gc.collect(generation)
    finally:
        _data["gc_ms"].append((time.thread_time() - started) * 1000)
        _data["gc_wall_ms"].append((time.perf_counter() - started_wall) * 1000)
        _save()


def _save() -> None:
    if MODE == "cprofile":
        _cold.dump_stats(f"{OUT}.cold.prof")
        if len(_data["run_ms"]) > 1:
            _warm.dump_stats(f"{OUT}.warm.prof")
    Path(f"{OUT}.json").write_text(json.dumps(_data), encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(Path.cwd()))
    _data["wrapped"] = _wrap_page_imports() if MODE == "sections" else []
    DeltaGenerator._enqueue = _counting_enqueue
    script_runner.exec_func_with_error_handling = _measured_exec
    # script_runner calls gc.collect(2) after each run: give it a timed one, the rest of gc unchanged.
    timed_gc = types.SimpleNamespace(**{name: getattr(gc, name) for name in dir(gc) if not name.startswith("__")})
    timed_gc.collect = _timed_collect
    script_runner.gc = timed_gc
    if os.environ.get("BENCH_GC_FREEZE"):
        # What-if: move everything alive after start-up (Streamlit, the app's modules) out of the
        # collector's way, so the full collection after each run only walks what the runs create.
        gc.collect()
        gc.freeze()
    sys.argv = ["streamlit", *sys.argv[1:]]
    sys.exit(streamlit_main())
