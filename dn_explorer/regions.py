"""The fixed vocabulary of body regions and the order they are listed in."""

from __future__ import annotations

from enum import StrEnum


class RegionId(StrEnum):
    """Every region the body map has. Both sides of the body share one id."""

    HEAD = "head"
    JAW = "jaw"
    NECK = "neck"
    SHOULDER = "shoulder"
    CHEST = "chest"
    UPPER_BACK = "upper-back"
    ABDOMEN = "abdomen"
    LOW_BACK = "low-back"
    ARM = "arm"
    ELBOW = "elbow"
    WRIST_HAND = "wrist-hand"
    HIP = "hip"
    BUTTOCK = "buttock"
    THIGH = "thigh"
    HAMSTRING = "hamstring"
    KNEE = "knee"
    SHIN = "shin"
    CALF = "calf"
    FOOT = "foot"


# Top to bottom, the order people scan a body in; the button list follows it.
REGION_ORDER: tuple[RegionId, ...] = tuple(RegionId)


def parse_region(value: object) -> RegionId | None:
    """Return the region named by an untrusted value (a query parameter), or None.

    Only an exact, known id is accepted; anything else (unknown, hostile, a list)
    means "no region", so it can never reach markup.
    """
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else None
    if not isinstance(value, str) or len(value) > 32:
        return None
    try:
        return RegionId(value.strip().lower())
    except ValueError:
        return None
