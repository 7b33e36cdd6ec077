"""The pictograms beside the words: each ``Picture``'s path data, read from ``assets/pictograms/``.

Only the ``d`` of each ``<path>`` leaves here (the browser draws the ``<svg>`` itself with
``createElementNS``), so no markup from a file ever reaches the page. Tabler's invisible
bounding-box path (``stroke="none"``) is left out.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

from dn_explorer.paths import PICTOGRAM_DIR
from dn_explorer.records import Picture

SVG = "{http://www.w3.org/2000/svg}"


class PictogramError(ValueError):
    """A pictogram file is missing or not the plain outline SVG the app draws."""


def read_paths(path: Path) -> tuple[str, ...]:
    """The visible paths' ``d`` attributes of one outline SVG (24x24, stroked)."""
    try:
        root = ET.fromstring(path.read_text(encoding="utf-8"))  # noqa: S314 - our own bundled asset
    except (OSError, ET.ParseError) as error:
        raise PictogramError(f"{path.name}: {error}") from error
    if root.get("viewBox") != "0 0 24 24":
        raise PictogramError(f"{path.name}: viewBox must be 0 0 24 24")
    paths = tuple(p.get("d", "") for p in root.iter(f"{SVG}path") if p.get("stroke") != "none" and p.get("d"))
    if not paths:
        raise PictogramError(f"{path.name}: no path to draw")
    return paths


@functools.cache
def pictogram_paths(folder: Path = PICTOGRAM_DIR) -> dict[str, tuple[str, ...]]:
    """Every picture's path data, by its vocabulary name; read once per process."""
    return {picture.value: read_paths(folder / f"{picture.value}.svg") for picture in Picture}
