"""AppTest helpers: what a run sends to the browser's components, and a tap as the browser sends it."""

from __future__ import annotations

import json
from typing import Any

from streamlit.testing.v1 import AppTest

from dn_explorer.view_text import EXPLAINED_LABEL
from explorer_ui.body_map import BRIDGE_KEY
from explorer_ui.region_list import LIST_KEY
from explorer_ui.region_view import VIEW_KEY


def has_component(at: AppTest, key: str) -> bool:
    return any(e.key == key for e in at.get("bidi_component"))


def component_proto(at: AppTest, key: str) -> Any:
    found = [e for e in at.get("bidi_component") if e.key == key]
    assert len(found) == 1, f"{len(found)} components keyed {key!r}"
    return found[0].proto


def component_data(at: AppTest, key: str) -> Any:
    return json.loads(component_proto(at, key).json)


def view_payload(at: AppTest) -> dict[str, Any]:
    """Everything the region view was sent: panels, general sections, glossary, flags."""
    return json.loads(component_data(at, VIEW_KEY)["panels_json"])


def list_regions(at: AppTest) -> list[dict[str, str]]:
    return json.loads(component_data(at, LIST_KEY)["regions_json"])


def selected_in_browser(at: AppTest) -> str | None:
    """The region id the selection bridge tells the browser to show."""
    return component_data(at, BRIDGE_KEY)["selected"]


def shown_panel(at: AppTest) -> dict[str, Any]:
    """The panel the browser shows: the one the selection names, from the panels the view was sent."""
    return view_payload(at)["panels"][selected_in_browser(at) or ""]


def view_paragraphs(payload: dict[str, Any], region: str) -> list[str]:
    """What the region view shows for ``region`` ("" the start view), as the paragraphs a reader meets
    in order, from the data the browser is sent, the way region_view.js draws it.

    A card title is ``**title**`` (a title, not a use of a word). Each line of a paragraph is drawn
    as one run of text, so ``view_atoms`` can look for them in the page.
    """
    panel = payload["panels"][region]
    glossary = payload["glossary"]

    def card(item: dict[str, Any], words: list[str]) -> list[str]:
        out = [f"**{item['title']}**"] if item["title"] else []
        out.append(f"{item['text']}\n{item['sources']}")
        for w in words:
            entry = glossary[w]
            out.append(f"{EXPLAINED_LABEL} {entry['term']}. {entry['meaning']}\n{entry['sources']}")
        return out

    paragraphs = [panel["heading"], *(panel[k] for k in ("intro", "conditions_heading", "notice") if panel[k])]
    for item in panel["cards"]:
        paragraphs += card(item, item["words"])
    if panel["region"] or payload["general_on_start"]:
        position = 0
        for section in payload["general"]:
            paragraphs.append(section["title"])
            for group in section["groups"]:
                if group["heading"]:
                    paragraphs.append(f"**{group['heading']}**")
                for item in group["cards"]:
                    paragraphs += card(item, panel["general_words"][position])
                    position += 1
    return paragraphs


def view_atoms(payload: dict[str, Any], region: str) -> list[str]:
    """The runs of text the region view draws, in order (a title without its ``**``)."""
    paragraphs = view_paragraphs(payload, region)
    return [line for p in paragraphs for line in p.removeprefix("**").removesuffix("**").split("\n")]


def page_paragraphs(at: AppTest) -> list[str]:
    """``view_paragraphs`` of what this run sent: the panel the selection names."""
    return view_paragraphs(view_payload(at), selected_in_browser(at) or "")


def panel_text(at: AppTest) -> str:
    return "\n".join(page_paragraphs(at))


def tap(at: AppTest, region: object, number: int | None = None) -> AppTest:
    """A tap on the map or the list as the bridge reports it: ``{"region": id, "seq": n}``.

    AppTest cannot send a component trigger, so this sets the bridge's state: the app then
    takes the tap the way it takes one whose callback could not run (``catch_missed_tap``);
    the browser tests cover the callback. The state is cleared afterwards, as a trigger is.
    """
    number = tap_ack_of(at) + 1 if number is None else number
    at.session_state[BRIDGE_KEY] = {"select": {"region": region, "seq": number}}
    at.run()
    at.session_state[BRIDGE_KEY] = {}
    return at


def tap_ack_of(at: AppTest) -> int:
    """The number of the last tap the session has seen, as the bridge is told."""
    return component_data(at, BRIDGE_KEY)["ack"]
