"""The app shell every page mounts: mode (explore, kiosk, present), text size, idle reset, tour keys."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, cast

import streamlit as st

from dn_explorer.markdown_text import escape_markdown
from dn_explorer.modes import COUNTDOWN_SECONDS, TEXT_SCALES, Mode, Settings, next_scale, parse_mode
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.words import Words
from explorer_ui.components import from_files

SHELL_DIR = PROJECT_ROOT / "explorer_ui" / "shell_component"
SHELL_KEY = "shell"
MODE_KEY = "mode"
SCALE_KEY = "text_scale"


@functools.cache
def settings() -> Settings:
    """Environment settings, read once per process."""
    return Settings.from_env()


@functools.cache
def _component() -> Callable[..., object]:
    # Not style-isolated: its idle warning covers the whole page. (The page-wide mode and text-size
    # rules are in assets/page.css, which reaches the browser with the page: dn_explorer/first_paint.py.)
    return from_files("dn_shell", SHELL_DIR, "shell", isolate_styles=False)


def current_mode() -> Mode:
    """The session's mode: from ``?mode=`` on its first run, else the deployment's default."""
    if MODE_KEY not in st.session_state:
        st.session_state[MODE_KEY] = parse_mode(st.query_params.get_all("mode")) or settings().default_mode
    return cast(Mode, st.session_state[MODE_KEY])


def text_scale() -> int:
    return cast(int, st.session_state.get(SCALE_KEY, TEXT_SCALES[0]))


def change_text_size(step: int) -> None:
    st.session_state[SCALE_KEY] = next_scale(text_scale(), step)


def tour_step() -> int:
    """The arrow key just pressed in present mode: +1, -1, or 0."""
    result: Any = st.session_state.get(SHELL_KEY)
    value = result.get("step") if hasattr(result, "get") else None
    return value if value in (1, -1) else 0


def show_shell(mode: Mode, words: Words, on_step: Callable[[], None] | None = None) -> None:
    """The shell: mode, text size and ``<html lang>``, the idle dialog's words (kiosk), the tour keys."""
    ui = words.ui
    _component()(
        key=SHELL_KEY,
        data={
            "mode": mode.value,
            "scale": text_scale(),
            "lang": words.language.code,
            "idleSeconds": settings().idle_seconds,
            "countdownSeconds": COUNTDOWN_SECONDS,
            "words": {"title": ui.idle_title, "before": ui.idle_before, "after": ui.idle_after, "stay": ui.idle_stay},
        },
        on_step_change=on_step or (lambda: None),
        height=0,
    )


def show_text_size_controls(container: st.delta_generator.DeltaGenerator, words: Words) -> None:
    scale = text_scale()
    ui = words.ui
    container.button(
        ui.smaller_text,
        key="text-smaller",
        help=ui.smaller_help,
        on_click=change_text_size,
        args=(-1,),
    )
    container.button(
        ui.bigger_text,
        key="text-bigger",
        help=ui.bigger_help,
        on_click=change_text_size,
        args=(1,),
    )
    # The buttons stay enabled at the ends (a disabled button drops keyboard focus); the text says the limit.
    limit = ui.smallest if scale == TEXT_SCALES[0] else ui.largest if scale == TEXT_SCALES[-1] else ""
    container.markdown(escape_markdown(ui.text_size.format(scale=scale) + limit))
