"""AppTest helpers: what a run sends to the browser's components, and a tap as the browser sends it."""

from __future__ import annotations

import json
from typing import Any

from streamlit.testing.v1 import AppTest

from dn_explorer.regions import RegionId
from explorer_ui.body_map import BRIDGE_KEY, MAP_KEY
from explorer_ui.region_view import VIEW_KEY
from explorer_ui.state import AREAS_KEY
from explorer_ui.therapist import SEARCH_KEY


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


def list_groups(at: AppTest) -> list[dict[str, Any]]:
    """The list of areas as sent: groups by body part, each with its label and regions."""
    return json.loads(component_data(at, MAP_KEY)["region_list"]["groups_json"])


def list_regions(at: AppTest) -> list[dict[str, str]]:
    """Every area in the list, in the order the list shows them."""
    return [region for group in list_groups(at) for region in group["regions"]]


def selected_in_browser(at: AppTest) -> str | None:
    """The areas the selection bridge tells the browser to show ("neck calf:right"), None for none."""
    return component_data(at, BRIDGE_KEY)["selected"] or None


def first_region(at: AppTest) -> RegionId | None:
    """The first chosen area's region in the session (None on the start view)."""
    areas = at.session_state[AREAS_KEY] if AREAS_KEY in at.session_state else ()  # noqa: SIM401 (no .get)
    return areas[0].region if areas else None


def shown_panel(at: AppTest) -> dict[str, Any]:
    """The panel the browser shows: the one the selection names, from the panels the view was sent."""
    return view_payload(at)["panels"][selected_in_browser(at) or ""]


def cite_lines(cite: dict[str, Any] | None, sources: list[str]) -> list[str]:
    """What a citation chip shows and announces: "X's own claim", and "Sources: A, B" (the button's text);
    ``sources`` is the payload's list of short names the chip's ``refs`` point into."""
    if not cite:
        return []
    lines = [cite["own"]] if cite["own"] else []
    if cite["refs"]:
        lines.append(f"Sources: {', '.join(sources[i] for i in cite['refs'])}")
    return lines


def view_parts(payload: dict[str, Any], region: str) -> tuple[list[str], list[list[str]]]:
    """What the region view shows for ``region`` ("" the start view): the paragraphs always in sight
    (heading, main message, Safe care), and each tab's (its name, then its content), from the data
    the browser is sent, the way region_view.js draws it.

    A card title is ``**title**`` (a title, not a use of a word); a paragraph's citation follows its
    text on lines of its own, so ``atoms`` can look for each line in the page.
    """
    panel = payload["panels"][region]
    glossary = payload["glossary"]
    sources = payload["sources"]

    def words(ids: list[str]) -> list[str]:
        out = []
        for w in ids:
            entry = glossary[w]
            lines = [
                f"{payload['words']['word_explained']} {entry['term']}. {entry['meaning']}",
                *cite_lines(entry["cite"], sources),
            ]
            out.append("\n".join(lines))
        return out

    def card(item: dict[str, Any], ids: list[str]) -> list[str]:
        if item["title"]:
            out = ["\n".join([f"**{item['title']}**", *cite_lines(item["cite"], sources)]), item["text"]]
        else:
            out = ["\n".join([item["text"], *cite_lines(item["cite"], sources)])]
        return out + words(ids)

    always = [panel["heading"]]
    for item in panel["lead"]:
        always += card(item, item["words"])
    always.append(payload["safe_care"]["title"])
    for i, item in enumerate(payload["safe_care"]["cards"]):
        always += card(item, panel["safe_words"].get(str(i), []))  # by position; most explain no word

    tabs: list[list[str]] = []
    if panel["region"]:
        help_tab = [payload["words"]["tab_help"], *([panel["notice"]] if panel["notice"] else [])]
        for item in panel["help"]:
            help_tab += card(item, item["words"])
        tabs.append(help_tab)
    if panel["region"] or payload["traits"]["general_on_start"]:
        # "What to expect": each step's phase, then its few words (ending with a full stop) and citation.
        expect = [payload["timeline"]["title"]]
        for step in payload["timeline"]["steps"]:
            labels = ". ".join(step["labels"]) + "."
            expect += [step["phase"], "\n".join([labels, *cite_lines(step["cite"], sources)])]
        if payload["timeline"]["steps"]:
            tabs.append(expect)
        position = 0
        for tab in payload["general"]:
            shown = [tab["title"]]
            for group in tab["groups"]:
                if group["heading"]:
                    shown.append(f"**{group['heading']}**")
                for item in group["cards"]:
                    shown += card(item, panel["general_words"].get(str(position), []))
                    position += 1
            tabs.append(shown)
    return always, tabs


def view_screens(payload: dict[str, Any], region: str) -> list[list[str]]:
    """One list of paragraphs per tab, each starting with what is always in sight (a screen);
    a view without tabs is one screen."""
    always, tabs = view_parts(payload, region)
    return [always + tab for tab in tabs] or [always]


def view_paragraphs(payload: dict[str, Any], region: str) -> list[str]:
    """Every paragraph of the region view, in the page's order: what is always in sight, the tabs'
    names (the tab list), then each tab's content (the hidden tabs' too)."""
    always, tabs = view_parts(payload, region)
    return always + [tab[0] for tab in tabs] + [p for tab in tabs for p in tab[1:]]


def atoms(paragraphs: list[str]) -> list[str]:
    """The runs of text the browser draws for these paragraphs, in order (a title without its ``**``)."""
    return [line.removeprefix("**").removesuffix("**") for p in paragraphs for line in p.split("\n")]


def page_paragraphs(at: AppTest) -> list[str]:
    """``view_paragraphs`` of what this run sent: the panel the selection names."""
    return view_paragraphs(view_payload(at), selected_in_browser(at) or "")


def panel_text(at: AppTest) -> str:
    return "\n".join(page_paragraphs(at))


def tap(at: AppTest, region: object, number: int | None = None) -> AppTest:
    """A tap on the map or the list as the bridge reports it: its state value
    ``{"selection": "neck calf:right", "seq": n}`` (``region``: one area's token, or several
    tokens separated by spaces: the whole selection after the tap). The app reads it on the rerun,
    as it does in the browser."""
    number = tap_ack_of(at) + 1 if number is None else number
    at.session_state[BRIDGE_KEY] = {"select": {"selection": region, "seq": number}}
    return at.run()


def search(at: AppTest, text: str) -> AppTest:
    """Text typed in the therapist's search box and sent with Enter, as the box reports it: its
    ``search`` trigger (set as state, like ``tap``; the browser tests type in the real box)."""
    at.session_state[SEARCH_KEY] = {"search": text}
    at.run()
    at.session_state[SEARCH_KEY] = {}
    return at


def tap_ack_of(at: AppTest) -> int:
    """The number of the last tap the session has seen, as the bridge is told."""
    return component_data(at, BRIDGE_KEY)["ack"]


def spoken_screen(payload: dict[str, Any], region: str, tab: int = 0) -> str:
    """What Listen reads on one screen of the region view (``view_screens``), as one text: every
    paragraph in order, the open tab's name and content, and a clinic's own-claim tag; never the
    citation buttons or the folded word explanations."""
    explained = payload["words"]["word_explained"]
    spoken = []
    for paragraph in view_screens(payload, region)[tab]:
        if paragraph.startswith(explained):
            continue
        spoken += [line.strip("*") for line in paragraph.split("\n") if not line.startswith("Sources: ")]
    return " ".join(" ".join(spoken).split())
