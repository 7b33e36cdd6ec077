"""Several areas and their sides: how the address and the browser's tokens are read (table-driven and
property-based, hostile values included)."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dn_explorer.regions import REGION_ORDER, RegionId
from dn_explorer.selection import MAX_AREAS, SIDED, Area, Side, Tap, parse_area, parse_selection, parse_tap, tokens

PROPERTY = settings(max_examples=300, deadline=None, derandomize=bool(os.environ.get("CI")), database=None)
NECK, CALF, KNEE = RegionId.NECK, RegionId.CALF, RegionId.KNEE


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("neck", Area(NECK)),
        (" Calf:RIGHT ", Area(CALF, Side.RIGHT)),
        ("calf:left", Area(CALF, Side.LEFT)),
        ("calf:", None),
        ("calf:middle", None),
        ("neck:left", None),  # the neck has no sides
        ("calf:right:left", None),
        ("<b>calf</b>", None),
        ("", None),
        (None, None),
        (["calf"], None),
        ("c" * 200, None),
    ],
)
def test_parse_area(value, expected):
    assert parse_area(value) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["neck"], (Area(NECK),)),  # a one-area link works as before
        (["neck", "calf:right"], (Area(NECK), Area(CALF, Side.RIGHT))),
        (["calf:right", "neck"], (Area(CALF, Side.RIGHT), Area(NECK))),  # the order is kept
        (["neck", "neck", "knee"], (Area(NECK), Area(KNEE))),  # a duplicate is dropped
        (["calf:right", "neck", "calf:left"], (Area(CALF), Area(NECK))),  # both sides: the whole calf, first place
        (["calf:right", "calf"], (Area(CALF),)),
        (["calf:right", "calf:right"], (Area(CALF, Side.RIGHT),)),
        (["neck", "elbow:sideways", "nowhere", "javascript:alert(1)"], (Area(NECK),)),
        (["neck"] * MAX_AREAS, (Area(NECK),)),
        (["neck"] * (MAX_AREAS + 1), ()),  # more than 19 values: the start view
        ([r.value for r in REGION_ORDER], tuple(Area(r) for r in REGION_ORDER)),
        ("neck calf:right", (Area(NECK), Area(CALF, Side.RIGHT))),  # the browser's tokens
        ("  neck \n knee ", (Area(NECK), Area(KNEE))),
        (" ".join(["neck"] * (MAX_AREAS + 1)), ()),
        ("", ()),
        ([], ()),
        (None, ()),
        (42, ()),
        ({"region": "neck"}, ()),
        ([None, 3, "neck"], (Area(NECK),)),
    ],
)
def test_parse_selection(values, expected):
    assert parse_selection(values) == expected


def test_tokens_read_back_to_the_same_selection():
    selection = (Area(CALF, Side.RIGHT), Area(NECK), Area(RegionId.SHOULDER, Side.LEFT))
    assert tokens(selection) == ["calf:right", "neck", "shoulder:left"]
    assert parse_selection(tokens(selection)) == selection
    assert parse_selection(" ".join(tokens(selection))) == selection


def test_the_sided_areas_are_the_ones_drawn_twice():
    assert {r.value for r in SIDED} == {
        "shoulder", "arm", "elbow", "wrist-hand", "hip", "buttock",
        "thigh", "hamstring", "knee", "shin", "calf", "foot",
    }  # fmt: skip


AREA_TOKENS = st.sampled_from([r.value for r in REGION_ORDER] + [f"{r.value}:{s}" for r in SIDED for s in Side])


@PROPERTY
@given(st.lists(st.one_of(AREA_TOKENS, st.text(max_size=50)), max_size=30))
def test_any_address_gives_known_areas_once_each_in_first_seen_order(values):
    selection = parse_selection(values)
    if len(values) > MAX_AREAS:
        assert selection == ()
        return
    regions = [area.region for area in selection]
    assert len(regions) == len(set(regions)) <= MAX_AREAS
    for area in selection:
        assert area.region in REGION_ORDER
        assert area.side is None or area.region in SIDED
        # Only our own vocabulary comes out: nothing typed ever reaches markup.
        assert area.token in {r.value for r in REGION_ORDER} | {f"{r.value}:{s.value}" for r in SIDED for s in Side}
    known = [a.region for a in (parse_area(v) for v in values) if a is not None]
    assert regions == list(dict.fromkeys(known))


@PROPERTY
@given(st.text(max_size=400))
def test_any_browser_text_gives_a_selection_of_known_areas(text):
    for area in parse_selection(text):
        assert parse_area(area.token) == area


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"selection": "neck", "seq": 3}, Tap((Area(NECK),), 3)),
        ({"selection": " KNEE calf:right", "seq": 0}, Tap((Area(KNEE), Area(CALF, Side.RIGHT)), 0)),
        ({"selection": "", "seq": 4}, Tap((), 4)),  # the last area taken off again
        ({"selection": "<b>", "seq": 1}, None),
        ({"selection": "<b> neck", "seq": 1}, Tap((Area(NECK),), 1)),
        ({"selection": "neck", "seq": True}, None),
        ({"selection": "neck", "seq": "3"}, None),
        ({"selection": "neck", "seq": -1}, None),
        ({"selection": "neck", "seq": 2**31}, None),
        ({"selection": ["neck"], "seq": 1}, None),
        ({"selection": "neck"}, None),
        ({"region": "neck", "seq": 1}, None),
        ("neck", None),
        (None, None),
        ([{"selection": "neck", "seq": 1}], None),
    ],
)
def test_parse_tap(value, expected):
    assert parse_tap(value) == expected
