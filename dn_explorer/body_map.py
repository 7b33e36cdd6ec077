"""Reads the body-map SVG and prepares the markup the page shows.

``assets/body_regions.svg`` holds a front and a back view side by side. The page
shows each view as its own inline SVG (so they can sit side by side on a kiosk and
stack on a phone), with every region group made into a keyboard-reachable button.
Only our own asset goes into this markup: content text and query parameters
never do (they travel to the browser as data).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from dn_explorer.regions import REGION_ORDER, RegionId
from dn_explorer.selection import SIDED, Side

SVG_NS = "http://www.w3.org/2000/svg"
_Q = f"{{{SVG_NS}}}"

VIEW_NAMES = {"front": "Front view", "back": "Back view"}
VIEW_HINTS = {
    "front": "Your right side is on the left of the picture.",
    "back": "Your left side is on the left of the picture.",
}


STATUS_MARKUP = '<p class="bm-status" role="status" aria-live="polite" aria-atomic="true"></p>'
"""The live region the map announces a new selection in (filled by the component's script)."""


class BodyMapError(ValueError):
    """The SVG asset does not have the structure the app relies on."""


@dataclass(frozen=True)
class View:
    """One view of the body (front or back), ready to inline."""

    name: str
    markup: str
    regions: tuple[RegionId, ...]


@dataclass(frozen=True)
class BodyMap:
    """Both views and what regions they hold."""

    views: tuple[View, ...]
    labels: dict[RegionId, str]

    @property
    def region_ids(self) -> frozenset[RegionId]:
        return frozenset(r for v in self.views for r in v.regions)

    @property
    def markup(self) -> str:
        """The HTML the component mounts: a wrapper holding one SVG per view.

        Under the views sits a polite live region, empty here: the component's
        script writes "Showing: <region>" into it (as text) when the selection
        changes, so screen readers announce it and sighted visitors see the name.
        """
        inner = "".join(f'<div class="bm-view">{v.markup}</div>' for v in self.views)
        return f'<div class="bm" data-testid="body-map">{inner}{STATUS_MARKUP}</div>'


def load_body_map(path: Path) -> BodyMap:
    """Parse the SVG asset and build the inline markup for each view."""
    return parse_body_map(path.read_text(encoding="utf-8"))


def parse_body_map(svg_text: str) -> BodyMap:
    try:
        root = ET.fromstring(svg_text)  # noqa: S314 - our own asset, not visitor input
    except ET.ParseError as exc:
        raise BodyMapError(f"body map SVG is not valid XML: {exc}") from None
    if root.tag != f"{_Q}svg":
        raise BodyMapError("body map file must have an <svg> root in the SVG namespace")

    labels: dict[RegionId, str] = {}
    seen: set[RegionId] = set()
    views: list[View] = []
    for group in root.findall(f"{_Q}g[@data-view]"):
        view_name = group.get("data-view", "")
        viewbox = group.get("data-viewbox")
        if view_name not in VIEW_NAMES or not viewbox:
            raise BodyMapError(f"view group {group.get('id')!r} needs data-view (front/back) and data-viewbox")
        region_ids: list[RegionId] = []
        for region_group in group.iter(f"{_Q}g"):
            raw_id = region_group.get("data-region")
            if raw_id is None:
                continue
            try:
                region = RegionId(raw_id)
            except ValueError:
                raise BodyMapError(f"unknown region id {raw_id!r} in the {view_name} view") from None
            label = region_group.get("aria-label")
            if not label:
                raise BodyMapError(f"region {raw_id!r} in the {view_name} view has no aria-label")
            if region in region_ids:
                raise BodyMapError(f"region {raw_id!r} appears twice in the {view_name} view")
            labels.setdefault(region, label)
            if region in SIDED:
                _mark_sides(region_group, view_name, viewbox)
            _make_button(region_group, first_time=region not in seen)
            seen.add(region)
            region_ids.append(region)
        views.append(View(view_name, _view_svg(group, view_name, viewbox), tuple(region_ids)))
    if [v.name for v in views] != ["front", "back"]:
        raise BodyMapError("body map needs a front view and then a back view")
    return BodyMap(views=tuple(views), labels=labels)


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _mark_sides(region_group: ET.Element, view_name: str, viewbox: str) -> None:
    """Mark each shape of a two-sided area with the patient's side it shows (``data-side``).

    The front view shows the patient's right on the left of the picture; the back view their left.
    A shape's side is where its points lie against the view's middle (our paths are absolute
    coordinate pairs), so a tap on one shape can choose that side.
    """
    min_x, _, width, _ = (float(n) for n in viewbox.split())
    middle = min_x + width / 2
    left_of_picture = Side.RIGHT if view_name == "front" else Side.LEFT
    found = []
    for path in region_group.iter(f"{_Q}path"):
        xs = [float(n) for n in _NUMBER.findall(path.get("d", ""))[::2]]
        if not xs:
            raise BodyMapError(f"a shape of {region_group.get('data-region')!r} in the {view_name} view has no points")
        centre = sum(xs) / len(xs)
        side = left_of_picture if centre < middle else Side.LEFT if left_of_picture is Side.RIGHT else Side.RIGHT
        path.set("data-side", side.value)
        found.append(side)
    if set(found) != {Side.LEFT, Side.RIGHT}:
        raise BodyMapError(
            f"two-sided area {region_group.get('data-region')!r} needs shapes on both sides in the {view_name} view"
        )


def _make_button(region_group: ET.Element, *, first_time: bool) -> None:
    """Give a region group button semantics.

    A region drawn in both views (the neck, say) is one Tab stop, where it
    first appears; its twin stays clickable but is hidden from screen readers
    so they do not hear every region twice.
    """
    region_group.set("role", "button")
    region_group.set("aria-pressed", "false")
    if first_time:
        region_group.set("tabindex", "0")
    else:
        region_group.set("tabindex", "-1")
        region_group.set("aria-hidden", "true")


def _in_list_order(children: list[ET.Element]) -> list[ET.Element]:
    """The view's children with its region groups in the list's order (``REGION_ORDER``).

    Tab follows document order, so this makes Tab go down the body the same way
    the list of region buttons does. Other children (labels) keep their places,
    and regions share borders without overlapping, so the picture is unchanged.
    """
    regions = iter(sorted((c for c in children if c.get("data-region")), key=_list_position))
    return [next(regions) if child.get("data-region") else child for child in children]


def _list_position(region_group: ET.Element) -> int:
    return REGION_ORDER.index(RegionId(region_group.get("data-region", "")))


def _view_svg(group: ET.Element, view_name: str, viewbox: str) -> str:
    svg = ET.Element(
        f"{_Q}svg",
        {
            "viewBox": viewbox,
            "role": "group",
            "aria-labelledby": f"bm-title-{view_name}",
            "class": f"bm-svg bm-{view_name}",
            "focusable": "false",
        },
    )
    title = ET.SubElement(svg, f"{_Q}title", {"id": f"bm-title-{view_name}"})
    title.text = f"{VIEW_NAMES[view_name]}. {VIEW_HINTS[view_name]}"
    for child in _in_list_order(list(group)):
        svg.append(child)
    # Local tag names plus one xmlns attribute: what an HTML parser expects inline.
    for element in svg.iter():
        element.tag = element.tag.removeprefix(_Q)
    svg.set("xmlns", SVG_NS)
    return ET.tostring(svg, encoding="unicode")
