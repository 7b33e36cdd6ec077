"""Registering our v2 components from their files: ``<folder>/<stem>.html``, ``.css`` and ``.js``.

Each component's markup, style and code are our own assets, read once per process (the
callers cache the registration); content and address text only ever reach them as ``data=``.

Several parts can travel as one component (``from_parts``). Each element on a page costs the
server a message, its bookkeeping and a wake of its event loop; a first view's CPU follows that
count far more than its bytes (bench/RESULTS.md), so parts that sit side by side are one element.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
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


_DEFAULT_EXPORT = re.compile(r"^export default function\b", re.MULTILINE)
_OTHER_MODULE_SYNTAX = re.compile(r"^\s*(import|export)\b", re.MULTILINE)


@dataclass(frozen=True)
class Part:
    """One part of a composite component: ``<folder>/<stem>.html`` (or ``html``), ``.css`` (optional)
    and ``.js``, whose ``export default function`` runs on the part's own markup with ``data[stem]``."""

    folder: Path
    stem: str
    html: str | None = None

    def markup(self) -> str:
        return self.html if self.html is not None else (self.folder / f"{self.stem}.html").read_text(encoding="utf-8")

    def style(self) -> str:
        path = self.folder / f"{self.stem}.css"
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def code(self) -> str:
        """The part's module as a function in a block of its own (its top-level names stay its own),
        entered in ``dnParts``. A part is written as a plain module: one default export, no imports."""
        path = self.folder / f"{self.stem}.js"
        source = path.read_text(encoding="utf-8")
        if len(_DEFAULT_EXPORT.findall(source)) != 1 or _OTHER_MODULE_SYNTAX.search(_DEFAULT_EXPORT.sub("", source)):
            raise ValueError(f"{path}: a part needs one 'export default function' and no other import or export")
        function = f"dnPart_{self.stem}"
        body = _DEFAULT_EXPORT.sub(f"function {function}", source)  # still a declaration, as it was written
        return f'{{\n{body}\ndnParts["{self.stem}"] = {function};\n}}\n'


_RUN_PARTS = """
// Streamlit runs a component's code again when its data changes; a part runs again only when its own
// data has (as it did as a component of its own: Listen goes on reading when the text size changes).
// Each part's latest cleanup is kept on its root, and one part's error leaves the others running.
export default function (component) {
  const roots = [];
  for (const [name, run] of Object.entries(dnParts)) {
    const root = component.parentElement.querySelector(`[data-dn-part="${name}"]`);
    if (!root) continue;
    roots.push(root);
    const data = component.data && typeof component.data === "object" ? component.data[name] : undefined;
    const seen = JSON.stringify(data ?? null);
    if (root.dnPartSeen === seen) continue;
    root.dnPartSeen = seen;
    try {
      const cleanup = run({ ...component, parentElement: root, data });
      root.dnPartCleanup = typeof cleanup === "function" ? cleanup : undefined;
    } catch (error) {
      console.error(`part ${name}:`, error);
    }
  }
  return () =>
    roots.forEach((root) => {
      const cleanup = root.dnPartCleanup;
      root.dnPartCleanup = undefined;
      root.dnPartSeen = undefined;
      if (cleanup) cleanup();
    });
}
"""


def from_parts(
    name: str,
    parts: tuple[Part, ...],
    *,
    isolate_styles: bool = True,
    prelude: tuple[Path, ...] = (),
) -> Callable[..., object]:
    """One component made of ``parts``: their markup side by side (each in ``<div data-dn-part>``),
    their style sheets, and their code, each run on its own markup with ``data[stem]``.

    The parts share the component's state and trigger names (and ``on_<name>_change``), so each
    uses names of its own. ``prelude``'s scripts come first, once, for every part."""
    stems = [part.stem for part in parts]
    if len(set(stems)) != len(stems) or not all(re.fullmatch(r"[a-z_]+", stem) for stem in stems):
        raise ValueError(f"{name}: part names must be distinct lowercase words, not {stems}")
    html = "".join(f'<div data-dn-part="{escape(part.stem)}">{part.markup()}</div>\n' for part in parts)
    css = "\n".join(part.style() for part in parts)
    js = (
        "".join(f"{path.read_text(encoding='utf-8')}\n" for path in prelude)
        + "const dnParts = {};\n"
        + "".join(part.code() for part in parts)
        + _RUN_PARTS
    )
    return st.components.v2.component(name, html=html, css=css or None, js=js, isolate_styles=isolate_styles)
