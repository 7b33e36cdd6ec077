"""Loads the content and clinic files once per process (again when one changes).

When one cannot be loaded, it shows a friendly page instead of a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import streamlit as st

from dn_explorer.body_map import BodyMap, load_body_map
from dn_explorer.clinic import Clinic, load_clinic
from dn_explorer.content import ContentError, ContentIndex, load_content
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.paths import BODY_MAP_SVG, CLINIC_FILE, CONTENT_FILE
from dn_explorer.translation import load_translation
from dn_explorer.words import DEFAULT_LANGUAGE, Words, content_file, words_for

CONTENT_ENV = "EXPLORER_CONTENT_FILE"
"""Lets tests and clinics point the app at another content file."""
CLINIC_ENV = "EXPLORER_CLINIC_FILE"
"""Lets tests and clinics point the app at another clinic file."""


def content_path() -> Path:
    override = os.environ.get(CONTENT_ENV)
    return Path(override) if override else CONTENT_FILE


def clinic_path() -> Path:
    override = os.environ.get(CLINIC_ENV)
    return Path(override) if override else CLINIC_FILE


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


@st.cache_resource(show_spinner=False)
def _load(path: str, mtime_ns: int) -> ContentIndex:
    # mtime is part of the key so an edited file is validated again.
    return load_content(Path(path))


@st.cache_resource(show_spinner=False)
def _load_translation(path: str, mtime_ns: int, reference: str, reference_mtime_ns: int) -> ContentIndex:
    return load_translation(_load(reference, reference_mtime_ns), Path(path))


@st.cache_resource(show_spinner=False)
def _load_clinic(path: str, mtime_ns: int) -> Clinic:
    return load_clinic(Path(path))


@st.cache_resource(show_spinner=False)
def body_map() -> BodyMap:
    return load_body_map(BODY_MAP_SVG)


def content_or_stop(language: str = DEFAULT_LANGUAGE) -> ContentIndex:
    """The validated content in ``language``, or a plain error page (never a traceback) and stop.

    A translation is the file beside the English one (``conditions.<code>.yaml``), checked against
    it; where there is none, the English."""
    path = content_path()
    translated = content_file(language, path.parent)
    try:
        if language != DEFAULT_LANGUAGE and translated.exists():
            return _load_translation(str(translated), _mtime(translated), str(path), _mtime(path))
        return _load(str(path), _mtime(path))
    except ContentError as exc:
        _error_page(exc, language)


def clinic_or_stop(language: str = DEFAULT_LANGUAGE) -> Clinic:
    """The validated clinic file, or the same plain error page and stop.

    In another language, ``clinic.<code>.yaml`` beside it where the clinic wrote one, else its own words."""
    path = clinic_path()
    translated = path.with_name(f"{path.stem}.{language}{path.suffix}")
    if language != DEFAULT_LANGUAGE and translated.exists():
        path = translated
    try:
        return _load_clinic(str(path), _mtime(path))
    except ContentError as exc:
        _error_page(exc, language)


ERROR_TITLE = "Content could not be loaded"
ERROR_TEXT = (
    "What this screen shows has a problem, so it is not shown. Please tell a member of staff. The problems found:"
)
"""In English, from here: these words must show even when a word table is what is broken."""


def _error_page(exc: ContentError, language: str = DEFAULT_LANGUAGE) -> NoReturn:
    try:
        ui = words_for(language).ui
        title, text = ui.error_title, ui.error_text
    except ContentError:
        title, text = ERROR_TITLE, ERROR_TEXT
    st.title(title)
    st.write(text)
    for problem in exc.problems:
        st.markdown(f"- {escape_markdown(str(problem))}")
    st.stop()


def words_or_stop(language: str) -> Words:
    """The word table of ``language``, or the plain error page and stop."""
    try:
        return words_for(language)
    except ContentError as exc:
        _error_page(exc)
