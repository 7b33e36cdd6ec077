"""A visitor's choice of body areas: each an area with an optional side, in the order chosen.

One vocabulary for all three places a choice is written: the address
(``?region=neck&region=calf:right``), the browser (``<html data-dn-region="neck calf:right">``)
and the handout. A side changes only how an area is named, never what is said about it:
the documents say nothing side-specific.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from dn_explorer.content import ContentIndex
from dn_explorer.regions import BODY_PARTS, REGION_ORDER, BodyPart, RegionId, parse_choice
from dn_explorer.words import Words


class Side(StrEnum):
    """The patient's own left or right (the figure is labelled "Your left", "Your right")."""

    LEFT = "left"
    RIGHT = "right"


SIDED: frozenset[RegionId] = frozenset(BODY_PARTS[BodyPart.ARMS] + BODY_PARTS[BodyPart.LEGS])
"""The areas drawn twice on the figure, once on each side (every arm and leg area; the body map's
reader checks the figure agrees); the head, neck and trunk have no side."""

MAX_AREAS = len(REGION_ORDER)
"""More values than there are areas is not a choice but a hostile address: the start view."""

MAX_TOKEN = 40


@dataclass(frozen=True)
class Area:
    """One chosen area; ``side`` is None for both sides (and for an area that has no sides)."""

    region: RegionId
    side: Side | None = None

    @property
    def token(self) -> str:
        """How the address and the browser write it: ``calf:right``, ``neck``."""
        return f"{self.region.value}:{self.side.value}" if self.side else self.region.value


Selection = tuple[Area, ...]


def parse_area(value: object) -> Area | None:
    """The area an untrusted token names (``calf:right``, ``neck``), or None.

    A side on an area that has none (``neck:left``), or an unknown side, makes the token unknown.
    """
    if not isinstance(value, str) or len(value) > MAX_TOKEN:
        return None
    name, colon, side_name = value.strip().partition(":")
    region = parse_choice(RegionId, name)
    if region is None:
        return None
    if not colon:
        return Area(region)
    side = parse_choice(Side, side_name)
    if side is None or region not in SIDED:
        return None
    return Area(region, side)


def parse_selection(values: object) -> Selection:
    """The areas untrusted values name, in their order: a list (the address's ``region=`` values)
    or one text of tokens separated by spaces (the browser's).

    Unknown tokens are dropped. An area named again keeps its first place; its sides are merged,
    so left and right together, or a side and the whole area, mean both. More than ``MAX_AREAS``
    values give the start view (an empty selection).
    """
    if isinstance(values, str):
        values = values.split() if len(values) <= MAX_AREAS * (MAX_TOKEN + 1) else []
    if not isinstance(values, (list, tuple)) or len(values) > MAX_AREAS:
        return ()
    sides: dict[RegionId, set[Side | None]] = {}
    for value in values:
        area = parse_area(value)
        if area is not None:
            sides.setdefault(area.region, set()).add(area.side)
    return tuple(Area(region, _merged(found)) for region, found in sides.items())


def _merged(sides: set[Side | None]) -> Side | None:
    return next(iter(sides)) if len(sides) == 1 else None


MAX_TAP_NUMBER = 2**31
"""A page counts its taps; a number beyond this is not a count but a hostile value."""


@dataclass(frozen=True)
class Tap:
    """A tap the browser reported: the areas chosen after it, and the page's running number for it."""

    areas: Selection
    number: int


def parse_tap(value: object) -> Tap | None:
    """The tap in an untrusted state value ``{"selection": "neck calf:right", "seq": n}``, or None.

    An empty selection is a tap too (the last area taken off again); text that names no known
    area is not (the browser never sends it).
    """
    if not isinstance(value, dict):
        return None
    text = value.get("selection")
    number = value.get("seq")
    if not isinstance(text, str) or isinstance(number, bool) or not isinstance(number, int):
        return None
    if not 0 <= number < MAX_TAP_NUMBER:
        return None
    areas = parse_selection(text)
    if text.strip() and not areas:
        return None
    return Tap(areas, number)


def tokens(selection: Selection) -> list[str]:
    """The address's ``region=`` values (and the browser's tokens) for a selection."""
    return [area.token for area in selection]


def regions_of(selection: Selection) -> tuple[RegionId, ...]:
    return tuple(area.region for area in selection)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def side_labels(index: ContentIndex, region: RegionId, words: Words) -> dict[str, str]:
    """An area's name on each side, in the page's language: ``{"left": "Left calf", "right": ...}``.

    The templates put the side before or after the name ("Right {area}", "{area} (lado derecho)");
    the name goes in with a small first letter and the result starts with a capital.
    """
    name = _lower_first(index.region_label(region))
    ui = words.ui
    return {
        Side.LEFT.value: _upper_first(ui.left_area.format(area=name)),
        Side.RIGHT.value: _upper_first(ui.right_area.format(area=name)),
    }


def area_label(index: ContentIndex, area: Area, words: Words) -> str:
    """How an area is named on screen and on the handout: "Neck", "Right calf"."""
    if area.side is None:
        return index.region_label(area.region)
    return side_labels(index, area.region, words)[area.side.value]
