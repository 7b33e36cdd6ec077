"""Registering our v2 components from their files: ``<folder>/<stem>.html``, ``.css`` and ``.js``.

Each component's markup, style and code are our own assets, read once per process (the
callers cache the registration); content and address text only ever reach them as ``data=``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from dn_explorer.paths import PROJECT_ROOT

SELECTION_RULES = PROJECT_ROOT / "explorer_ui" / "selection_rules.js"
"""How a tap changes the selection: the map's and the list's, the same code."""


def from_files(
    name: str,
    folder: Path,
    stem: str,
    *,
    html: str | None = None,
    extra_css: str = "",
    isolate_styles: bool = True,
    prelude: tuple[Path, ...] = (),
) -> Callable[..., object]:
    """The component ``name``; ``html`` replaces the .html file, a missing .css file means no CSS;
    ``prelude``'s scripts go in front of its own (code shared by several components)."""

    def read(suffix: str) -> str:
        return (folder / f"{stem}.{suffix}").read_text(encoding="utf-8")

    css_file = folder / f"{stem}.css"
    css = (css_file.read_text(encoding="utf-8") if css_file.exists() else "") + extra_css
    return st.components.v2.component(
        name,
        html=read("html") if html is None else html,
        css=css or None,
        js="".join(f"{path.read_text(encoding='utf-8')}\n" for path in prelude) + read("js"),
        isolate_styles=isolate_styles,
    )
