"""Reading what an AppTest run sends to the browser's components: the selection and the region view's panels."""

from __future__ import annotations

import json
from typing import Any

from streamlit.testing.v1 import AppTest

from explorer_ui.body_map import BRIDGE_KEY
from explorer_ui.region_view import VIEW_KEY


def has_component(at: AppTest, key: str) -> bool:
    return any(e.key == key for e in at.get("bidi_component"))


def component_proto(at: AppTest, key: str) -> Any:
    found = [e for e in at.get("bidi_component") if e.key == key]
    assert len(found) == 1, f"{len(found)} components keyed {key!r}"
    return found[0].proto


def component_data(at: AppTest, key: str) -> Any:
    data = json.loads(component_proto(at, key).json)
    return json.loads(data["panels_json"]) if "panels_json" in data else data  # the region view: one JSON text


def shown_panel(at: AppTest) -> dict[str, Any]:
    """The panel the browser shows: the one the selection names, from the panels the view was sent."""
    selected = component_data(at, BRIDGE_KEY)["selected"]
    return component_data(at, VIEW_KEY)["panels"][selected or ""]


def panel_paragraphs(panel: dict[str, Any]) -> list[str]:
    """The panel as the paragraphs a reader meets, in order; a card title as ``**title**`` (a title, not a use)."""
    paragraphs = [panel["heading"], *(panel[k] for k in ("intro", "conditions_heading", "notice") if panel[k])]
    for card in panel["cards"]:
        if card["title"]:
            paragraphs.append(f"**{card['title']}**")
        paragraphs.append(f"{card['text']}\n{card['sources']}")  # one paragraph, as on screen
        paragraphs += [f"Word explained: {w['term']}. {w['meaning']} {w['sources']}" for w in card["words"]]
    return paragraphs


def panel_text(at: AppTest) -> str:
    return "\n".join(panel_paragraphs(shown_panel(at)))
