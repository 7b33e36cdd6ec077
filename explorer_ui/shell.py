"""The app shell: mode (explore, kiosk, present), text size, idle reset, tour keys.

Its code (shell_component/) is one part of the page bar (explorer_ui/page_bar.py); this module keeps
the session's mode and text size and says what the shell part is given.
"""

from __future__ import annotations

import functools
from typing import Any, cast

import streamlit as st

from dn_explorer.modes import COUNTDOWN_SECONDS, MODE_TRAITS, TEXT_SCALES, Mode, Settings, next_scale, parse_mode
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.words import Words

SHELL_DIR = PROJECT_ROOT / "explorer_ui" / "shell_component"
BAR_KEY = "page_bar"
"""The page bar's key: its triggers (the tour's arrow keys, text size, language) are read under it."""
MODE_KEY = "mode"
SCALE_KEY = "text_scale"


@functools.cache
def settings() -> Settings:
    """Environment settings, read once per process."""
    return Settings.from_env()


def current_mode() -> Mode:
    """The session's mode: from ``?mode=`` on its first run, else the deployment's default."""
    if MODE_KEY not in st.session_state:
        st.session_state[MODE_KEY] = parse_mode(st.query_params.get_all("mode")) or settings().default_mode
    return cast(Mode, st.session_state[MODE_KEY])


def text_scale() -> int:
    return cast(int, st.session_state.get(SCALE_KEY, TEXT_SCALES[0]))


def bar_trigger(name: str) -> object:
    """The value the page bar's ``name`` trigger has just sent (``None`` if it sent none)."""
    result: Any = st.session_state.get(BAR_KEY)
    return result.get(name) if hasattr(result, "get") else getattr(result, name, None)


def step_of(value: object) -> int:
    """A step the browser sent (an arrow key, a text-size button): +1, -1, or 0 for anything else."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value in (1, -1) else 0


def change_text_size() -> None:
    """The bar's text-size buttons: one step bigger or smaller, between 100 % and 200 %."""
    step = step_of(bar_trigger("text_size"))
    if step:
        st.session_state[SCALE_KEY] = next_scale(text_scale(), step)


def tour_step() -> int:
    """The arrow key just pressed in present mode: +1, -1, or 0."""
    return step_of(bar_trigger("step"))


def shell_data(mode: Mode, words: Words) -> dict[str, object]:
    """What the shell part is given: mode, text size and ``<html lang>``, the idle dialog's words (kiosk)."""
    ui = words.ui
    return {
        "mode": mode.value,
        "scale": text_scale(),
        "lang": words.language.code,
        "idleSeconds": settings().idle_seconds,
        "countdownSeconds": COUNTDOWN_SECONDS,
        "keepsHistory": MODE_TRAITS[mode].keeps_history,
        "words": {"title": ui.idle_title, "before": ui.idle_before, "after": ui.idle_after, "stay": ui.idle_stay},
    }


def text_size_words(words: Words) -> dict[str, str]:
    """The text-size buttons' words and their tooltips."""
    ui = words.ui
    return {
        "smaller": ui.smaller_text,
        "bigger": ui.bigger_text,
        "smaller_help": ui.smaller_help,
        "bigger_help": ui.bigger_help,
    }


def text_size_data(words: Words) -> dict[str, object]:
    """The text-size buttons' words and the line that says the size (and the limit, at either end:
    the buttons stay enabled there, since a disabled button drops keyboard focus)."""
    return {"words": text_size_words(words), "status": text_size_line(words, text_scale())}


def text_size_line(words: Words, scale: int) -> str:
    ui = words.ui
    limit = ui.smallest if scale == TEXT_SCALES[0] else ui.largest if scale == TEXT_SCALES[-1] else ""
    return ui.text_size.format(scale=scale) + limit
