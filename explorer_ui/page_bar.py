"""The page bar, at the top of every page: the links between pages, the shell, the text-size and
language buttons, and Listen.

They are one v2 component made of four parts (``explorer_ui.components.from_parts``): the links
(``explorer_ui.nav``), the shell (mode and text size on ``<html>``, the kiosk's idle reset, the
tour's arrow keys), the controls and Listen. One element instead of thirteen (four page links and
their row, two components, three buttons and a line of text) makes a first view cheaper for the
server; each part keeps its own code, markup and data.

The bar's triggers: ``page`` (a page it links to), ``step`` (an arrow key in present mode),
``text_size`` (-1 or 1) and ``language`` (a code the bar offered), each checked in Python before it
changes anything.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from html import escape
from pathlib import Path
from string import Template

from dn_explorer.modes import TEXT_SCALES, Mode
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.words import Words, words_for
from explorer_ui.components import Part, from_parts
from explorer_ui.language import on_language_chosen, other_languages
from explorer_ui.listen import LISTEN_DIR, Reads, listen_data
from explorer_ui.nav import NAV_DIR, PageName, nav_data, nav_markup, on_page_chosen
from explorer_ui.shell import (
    BAR_KEY,
    SHELL_DIR,
    bar_trigger,
    change_text_size,
    shell_data,
    text_size_data,
    text_size_line,
    text_size_words,
)

CONTROLS_DIR = PROJECT_ROOT / "explorer_ui" / "page_controls_component"


def _filled(folder: Path, stem: str, values: dict[str, str]) -> str:
    """A part's markup with its ``$names`` filled in (each value escaped; the language buttons are
    markup made here from escaped words)."""
    template = Template((folder / f"{stem}.html").read_text(encoding="utf-8"))
    return template.substitute(
        {name: value if name == "languages" else escape(value) for name, value in values.items()}
    )


def _language_buttons(language: str) -> str:
    icon = (CONTROLS_DIR / "language_icon.svg").read_text(encoding="utf-8").strip()
    buttons = []
    for other in other_languages(language):
        code = escape(other["code"])
        buttons.append(
            f'<button type="button" data-language="{code}" lang="{code}">{icon}{escape(other["label"])}</button>'
        )
    return "".join(buttons)


@functools.cache
def _component(language: str) -> Callable[..., object]:
    """The bar in one language, registered once per process. Its markup already holds the words of
    the first view (the links, text size at its start, the other languages, Listen), so the row has its full
    size before its code runs: a late script must not move the page (CLS)."""
    words = words_for(language)
    controls = {
        **text_size_words(words),
        "status": text_size_line(words, TEXT_SCALES[0]),
        "languages": _language_buttons(language),
    }
    parts = (
        Part(NAV_DIR, "nav", html=nav_markup(words)),
        Part(SHELL_DIR, "shell"),
        Part(CONTROLS_DIR, "controls", html=_filled(CONTROLS_DIR, "controls", controls)),
        Part(
            LISTEN_DIR, "listen", html=_filled(LISTEN_DIR, "listen", {"listen": words.listen, "slower": words.slower})
        ),
    )
    # Not style-isolated: the idle warning covers the whole page, Listen reads and highlights the
    # page's own text, and the buttons take the page's text size.
    return from_parts(f"dn_page_bar_{language}", parts, isolate_styles=False)


def _on_language() -> None:
    on_language_chosen(bar_trigger("language"))


def bar_data(mode: Mode, words: Words, language: str, reads: Reads, page: PageName) -> dict[str, object]:
    """Each part's data, under its name."""
    return {
        "nav": nav_data(page, mode, language),
        "shell": shell_data(mode, words),
        "controls": {**text_size_data(words), "languages": other_languages(language)},
        "listen": listen_data(reads, page, words),
    }


def show_page_bar(
    mode: Mode,
    words: Words,
    language: str,
    reads: Reads,
    page: PageName,
    on_step: Callable[[], None] | None = None,
) -> None:
    _component(language)(
        key=BAR_KEY,
        data=bar_data(mode, words, language, reads, page),
        on_page_change=on_page_chosen,
        on_step_change=on_step or (lambda: None),
        on_text_size_change=change_text_size,
        on_language_change=_on_language,
    )
