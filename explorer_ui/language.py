"""The session's language: from ``?lang=``, else the browser's (``st.context.locale``), else English.

It is kept in the session across pages, and in the address (``lang=``) when it is not English,
so a reload and the handout's QR code come back in it. A kiosk's idle reset reloads the start
address, so the next visitor starts in the kiosk's default language.
"""

from __future__ import annotations

from typing import cast

import streamlit as st

from dn_explorer.words import DEFAULT_LANGUAGE, language_codes, parse_language, words_for

LANG_KEY = "lang"


def _from_locale() -> str | None:
    locale = getattr(st.context, "locale", None)
    return parse_language(str(locale).split("-")[0].lower()) if locale else None


def current_language() -> str:
    if LANG_KEY not in st.session_state:
        chosen = parse_language(st.query_params.get_all(LANG_KEY))
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


def show_language_buttons(container: st.delta_generator.DeltaGenerator, language: str) -> None:
    """One big button per other language, in that language's own words ("Español", "English")."""
    for code in language_codes():
        if code != language:
            container.button(
                words_for(code).ui.switch_to,
                key=f"lang-{code}",
                on_click=set_language,
                args=(code,),
                icon=":material/translate:",
            )
