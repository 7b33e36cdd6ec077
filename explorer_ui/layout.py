"""What every page shares: page settings, and the page bar: links between pages, the shell (mode, text
size, language), Listen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from dn_explorer.modes import Mode
from dn_explorer.words import Words
from explorer_ui.language import current_language, keep_in_address
from explorer_ui.listen import Reads
from explorer_ui.loading import words_or_stop
from explorer_ui.nav import NAV_PAGES, PageName, go_to_chosen_page, page_title
from explorer_ui.page_bar import show_page_bar
from explorer_ui.shell import current_mode, settings

__all__ = ["NAV_PAGES", "PageContext", "PageName", "page_setup", "page_title"]


@dataclass(frozen=True)
class PageContext:
    mode: Mode
    language: str
    words: Words


def page_setup(page: PageName, on_step: Callable[[], None] | None = None, reads: Reads = "page") -> PageContext:
    """Set the browser title and layout, show the page bar (links, shell, text size, languages, Listen).

    ``reads``: what Listen reads aloud, the region view (the body map page) or the whole page.
    """
    go_to_chosen_page()  # a link clicked on the page before: nothing of this one is drawn
    language = current_language()
    words = words_or_stop(language)
    st.set_page_config(
        page_title=f"{page_title(words, page)} · {words.ui.app_title}",
        layout="wide",
        initial_sidebar_state="collapsed",
    )
    mode = current_mode()
    if mode is not settings().default_mode:
        # Page links drop the address's parameters; keeping ?mode= (and ?lang=) means a reload or a
        # server restart on any page comes back in the same mode and language.
        st.query_params["mode"] = mode.value
    keep_in_address(language)
    show_page_bar(mode, words, language, reads, page, on_step)
    return PageContext(mode, language, words)
