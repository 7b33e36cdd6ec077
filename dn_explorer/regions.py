"""The fixed vocabulary of body regions and the order they are listed in."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

E = TypeVar("E", bound=StrEnum)


class RegionId(StrEnum):
    """Every region the body map has. Both sides of the body share one id."""

    HEAD = "head"
    JAW = "jaw"
    NECK = "neck"
    SHOULDER = "shoulder"
    ARM = "arm"
    ELBOW = "elbow"
    WRIST_HAND = "wrist-hand"
    CHEST = "chest"
    UPPER_BACK = "upper-back"
    ABDOMEN = "abdomen"
    LOW_BACK = "low-back"
    HIP = "hip"
    BUTTOCK = "buttock"
    THIGH = "thigh"
    HAMSTRING = "hamstring"
    KNEE = "knee"
    SHIN = "shin"
    CALF = "calf"
    FOOT = "foot"


class BodyPart(StrEnum):
    """The groups the list of areas is laid out in, top to bottom."""

    HEAD_NECK = "head-neck"
    ARMS = "arms"
    TRUNK = "trunk"
    LEGS = "legs"


BODY_PARTS: dict[BodyPart, tuple[RegionId, ...]] = {
    BodyPart.HEAD_NECK: (RegionId.HEAD, RegionId.JAW, RegionId.NECK),
    BodyPart.ARMS: (RegionId.SHOULDER, RegionId.ARM, RegionId.ELBOW, RegionId.WRIST_HAND),
    BodyPart.TRUNK: (RegionId.CHEST, RegionId.UPPER_BACK, RegionId.ABDOMEN, RegionId.LOW_BACK),
    BodyPart.LEGS: (
        RegionId.HIP,
        RegionId.BUTTOCK,
        RegionId.THIGH,
        RegionId.HAMSTRING,
        RegionId.KNEE,
        RegionId.SHIN,
        RegionId.CALF,
        RegionId.FOOT,
    ),
}
"""Every region in exactly one group, in the enum's order (a test checks both)."""


# By body part, top to bottom: the order of the list, the map's Tab stops and the tour.
REGION_ORDER: tuple[RegionId, ...] = tuple(RegionId)


def parse_choice(vocabulary: type[E], value: object, max_length: int = 32) -> E | None:
    """The member of a fixed vocabulary named by an untrusted value (a query parameter), or None.

    Only a known id is accepted (case and surrounding spaces aside); anything
    else (unknown, hostile, several values) means "none", so it never reaches markup.
    """
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else None
    if not isinstance(value, str) or len(value) > max_length:
        return None
    try:
        return vocabulary(value.strip().lower())
    except ValueError:
        return None


def parse_region(value: object) -> RegionId | None:
    """The region named by an untrusted value, or None."""
    return parse_choice(RegionId, value)
