"""The plain list of body areas (real buttons in a v2 component): the keyboard and screen-reader alternative."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

from dn_explorer.content import ContentIndex
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.regions import REGION_ORDER
from explorer_ui.components import from_files

LIST_DIR = PROJECT_ROOT / "explorer_ui" / "region_list_component"
LIST_KEY = "region-list"
LIST_HEADING = "Or choose from this list"


@functools.cache
def _component() -> Callable[..., object]:
    return from_files("dn_region_list", LIST_DIR, "region_list")


def list_data(index: ContentIndex) -> dict[str, str]:
    """The heading, and the areas in body order as one JSON text (Streamlit would take a list of
    records for a table). The chosen one is not here: the browser knows it."""
    regions = [{"id": r.value, "label": index.region_label(r)} for r in REGION_ORDER]
    return {"heading": LIST_HEADING, "regions_json": json.dumps(regions, ensure_ascii=False)}


def show_region_list(index: ContentIndex) -> None:
    """The same data on every run, so the browser keeps the list as it is (and Python's selection
    reaches it through ``<html data-dn-region>``, like the map)."""
    _component()(key=LIST_KEY, data=list_data(index))
