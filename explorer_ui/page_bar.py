"""The page bar, beside every page's links: the shell, the text-size and language buttons, and Listen.

They are one v2 component made of three parts (``explorer_ui.components.from_parts``): the shell
(mode and text size on ``<html>``, the kiosk's idle reset, the tour's arrow keys), the controls and
Listen. One element instead of seven (two components, three buttons and a line of text) makes a
first view cheaper for the server; each part keeps its own code, markup and data.

The bar's triggers: ``step`` (an arrow key in present mode), ``text_size`` (-1 or 1) and
``language`` (a code the bar offered), each checked in Python before it changes anything.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from dn_explorer.modes import Mode
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.words import Words
from explorer_ui.components import Part, from_parts
from explorer_ui.language import on_language_chosen, other_languages
from explorer_ui.listen import LISTEN_DIR, Reads, listen_data
from explorer_ui.shell import BAR_KEY, SHELL_DIR, bar_trigger, change_text_size, shell_data, text_size_data

CONTROLS_DIR = PROJECT_ROOT / "explorer_ui" / "page_controls_component"
BAR_PARTS = (Part(SHELL_DIR, "shell"), Part(CONTROLS_DIR, "controls"), Part(LISTEN_DIR, "listen"))


@functools.cache
def _component() -> Callable[..., object]:
    # Not style-isolated: the idle warning covers the whole page, Listen reads and highlights the
    # page's own text, and the buttons take the page's text size.
    return from_parts("dn_page_bar", BAR_PARTS, isolate_styles=False)


def _on_language() -> None:
    on_language_chosen(bar_trigger("language"))


def bar_data(mode: Mode, words: Words, language: str, reads: Reads, page: str) -> dict[str, object]:
    """Each part's data, under its name."""
    return {
        "shell": shell_data(mode, words),
        "controls": {**text_size_data(words), "languages": other_languages(language)},
        "listen": listen_data(reads, page, words),
    }


def show_page_bar(
    mode: Mode,
    words: Words,
    language: str,
    reads: Reads,
    page: str,
    on_step: Callable[[], None] | None = None,
) -> None:
    _component()(
        key=BAR_KEY,
        data=bar_data(mode, words, language, reads, page),
        on_step_change=on_step or (lambda: None),
        on_text_size_change=change_text_size,
        on_language_change=_on_language,
    )
