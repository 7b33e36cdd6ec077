"""The plain list of body areas (real buttons, grouped by body part): the keyboard and screen-reader
alternative to the map. It is a part of the map's component (``explorer_ui.body_map``); this module
says what it is given."""

from __future__ import annotations

import json

from dn_explorer.content import ContentIndex
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.regions import BODY_PARTS
from dn_explorer.selection import SIDED
from dn_explorer.words import Words

LIST_DIR = PROJECT_ROOT / "explorer_ui" / "region_list_component"


def list_data(index: ContentIndex, words: Words) -> dict[str, object]:
    """The heading, the areas by body part as one JSON text (Streamlit would take a list of
    records for a table), and the words of the switch and the side buttons. The chosen areas are
    not here: the browser knows them."""
    groups = [
        {
            "label": words.body_parts[part],
            "regions": [{"id": r.value, "label": index.region_label(r), "sided": r in SIDED} for r in regions],
        }
        for part, regions in BODY_PARTS.items()
    ]
    ui = words.ui
    said = {"several": ui.several, "which_side": ui.which_side, "left": ui.left, "right": ui.right, "both": ui.both}
    return {"heading": words.list_heading, "groups_json": json.dumps(groups, ensure_ascii=False), "words": said}
