"""The three ways the app is used, and the settings that come from the environment.

- ``explore``: the default, for therapists in a session (search, handout).
- ``kiosk``: a touch screen in a waiting room (big targets, idle reset, nothing to type).
- ``present``: a projector in a workshop (big type, a guided tour, charts).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from dn_explorer.regions import parse_choice


class Mode(StrEnum):
    EXPLORE = "explore"
    KIOSK = "kiosk"
    PRESENT = "present"


DEFAULT_IDLE_SECONDS = 90
COUNTDOWN_SECONDS = 20
"""WCAG 2.2.1: warn before a time-out and give at least 20 s to extend it."""
TEXT_SCALES = (100, 125, 150, 175, 200)
DEFAULT_BASE_URL = "http://localhost:8501"


def parse_mode(value: object) -> Mode | None:
    """The mode named by an untrusted value (a query parameter), or None."""
    return parse_choice(Mode, value, max_length=16)


@dataclass(frozen=True)
class Settings:
    """Deployment settings, read from environment variables."""

    default_mode: Mode = Mode.EXPLORE
    idle_seconds: int = DEFAULT_IDLE_SECONDS
    base_url: str = DEFAULT_BASE_URL

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        return cls(
            default_mode=parse_mode(env.get("EXPLORER_MODE", "")) or Mode.EXPLORE,
            idle_seconds=_bounded_int(env.get("EXPLORER_IDLE_SECONDS"), DEFAULT_IDLE_SECONDS, low=5, high=3600),
            base_url=_base_url(env.get("EXPLORER_BASE_URL", DEFAULT_BASE_URL)),
        )


def _bounded_int(raw: str | None, default: int, *, low: int, high: int) -> int:
    try:
        value = int(raw) if raw is not None else default
    except ValueError:
        return default
    return min(max(value, low), high)


def _base_url(raw: str) -> str:
    raw = raw.strip().rstrip("/")
    if raw.startswith(("http://", "https://")) and len(raw) < 200:
        return raw
    return DEFAULT_BASE_URL


def next_scale(current: int, step: int) -> int:
    """The text scale one step bigger (step=1) or smaller (step=-1), within the allowed set."""
    position = TEXT_SCALES.index(current) if current in TEXT_SCALES else 0
    return TEXT_SCALES[min(max(position + step, 0), len(TEXT_SCALES) - 1)]


@dataclass(frozen=True)
class ModeTraits:
    """What a mode changes in the views, in one record (sent to the browser as data).

    - ``opener_on_start``: the start view opens with "What is dry needling?" (kiosk, projector).
    - ``general_on_start``: the start view shows the general tabs before a region is chosen
      (the therapist's screen, where there is room and time).
    - ``keep_tab``: moving to another region keeps the open tab (the projector's tour steps through
      regions on one topic); elsewhere a new region opens on "Can it help?".
    - ``keeps_history``: each change of address (an area chosen, another page) is a new step in the
      browser's history, so Back goes to the one before. Not at the kiosk: there a change replaces
      the current step, and Back after the idle reset finds nothing of the last visitor.
    """

    opener_on_start: bool
    general_on_start: bool
    keep_tab: bool
    keeps_history: bool


MODE_TRAITS: dict[Mode, ModeTraits] = {
    Mode.EXPLORE: ModeTraits(opener_on_start=False, general_on_start=True, keep_tab=False, keeps_history=True),
    Mode.KIOSK: ModeTraits(opener_on_start=True, general_on_start=False, keep_tab=False, keeps_history=False),
    Mode.PRESENT: ModeTraits(opener_on_start=True, general_on_start=False, keep_tab=True, keeps_history=True),
}
