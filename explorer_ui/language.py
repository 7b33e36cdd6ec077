"""The session's language: from ``?lang=``, else the browser's (``st.context.locale``), else English.

It is kept in the session across pages, and in the address (``lang=``) when it is not English,
so a reload and the handout's QR code come back in it. A kiosk's idle reset reloads the start
address, so the next visitor starts in the kiosk's default language.
"""

from __future__ import annotations

from typing import cast

import streamlit as st

from dn_explorer.paths import WORDS_DIR
from dn_explorer.problems import ContentError
from dn_explorer.words import DEFAULT_LANGUAGE, language_codes, parse_language, words_for
from explorer_ui.loading import content_path
from explorer_ui.state import SEARCH_RESULT_KEY

LANG_KEY = "lang"


def offered() -> tuple[str, ...]:
    """The languages with a word table and a content file beside the content in use (a clinic's own
    content file offers only the translations it has)."""
    return language_codes(WORDS_DIR, content_path().parent)


def _from_locale() -> str | None:
    locale = getattr(st.context, "locale", None)
    return parse_language(str(locale).split("-")[0].lower(), offered()) if locale else None


def current_language() -> str:
    if LANG_KEY not in st.session_state:
        chosen = parse_language(st.query_params.get_all(LANG_KEY), offered())
        if LANG_KEY in st.query_params and chosen is None:
            del st.query_params[LANG_KEY]  # unknown or hostile: the default, clean address
        st.session_state[LANG_KEY] = chosen or _from_locale() or DEFAULT_LANGUAGE
    return cast(str, st.session_state[LANG_KEY])


def keep_in_address(language: str) -> None:
    if language == DEFAULT_LANGUAGE:
        st.query_params.pop(LANG_KEY, None)
    else:
        st.query_params[LANG_KEY] = language


def set_language(language: str) -> None:
    st.session_state[LANG_KEY] = language
    st.session_state.pop(SEARCH_RESULT_KEY, None)  # its problems' names are in the old language


def on_language_chosen(value: object) -> None:
    """The page bar's language button: only a language its buttons offered is taken."""
    if isinstance(value, str) and value in {other["code"] for other in other_languages(current_language())}:
        set_language(value)


def other_languages(language: str) -> list[dict[str, str]]:
    """One button per other language, in that language's own words ("Español", "English")."""
    buttons = []
    for code in offered():
        if code == language:
            continue
        try:
            label = words_for(code).ui.switch_to
        except ContentError:
            continue  # a broken table only takes its own language away (its page shows the error)
        buttons.append({"code": code, "label": label})
    return buttons
