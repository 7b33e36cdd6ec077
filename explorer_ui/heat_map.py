"""The Pictures page's body heat map: the body figure, each region shaded by its number of problems.

A v2 component over the body map's own SVG markup. Its data (labels, counts, colours, legend,
words) is the same on every run; a tap on a shown region (or Enter, or "Open") sends ``open``
with the region id, and the page then opens that region on the body map.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from dn_explorer.content import ContentIndex
from dn_explorer.heat_map import heat_data
from dn_explorer.paths import COMPONENT_DIR, PROJECT_ROOT
from dn_explorer.regions import RegionId, parse_region
from dn_explorer.words import Words
from explorer_ui.body_map import map_words
from explorer_ui.components import from_files
from explorer_ui.loading import body_map

HEAT_DIR = PROJECT_ROOT / "explorer_ui" / "heat_map_component"


@functools.cache
def _component() -> Callable[..., object]:
    css = (COMPONENT_DIR / "body_map.css").read_text(encoding="utf-8") + (HEAT_DIR / "heat.css").read_text(
        encoding="utf-8"
    )
    return from_files("dn_heat_map", HEAT_DIR, "heat_map", html=body_map().markup, extra_css=css)


def show_heat_map(index: ContentIndex, words: Words) -> RegionId | None:
    """Draw the heat map; the region to open on the body map, if one was just chosen."""
    pictures = words.pictures
    result = _component()(
        key="heat_map",
        data={
            **heat_data(index, words),
            "words": {
                "count_none": pictures.count_none,
                "count_one": pictures.count_one,
                "count_many": pictures.count_many,
                "open": pictures.open_region,
                "open_hint": pictures.open_hint,
                "legend": pictures.legend,
                "figure": map_words(index, words),
            },
        },
        on_open_change=lambda: None,
    )
    return parse_region(getattr(result, "open", None))
