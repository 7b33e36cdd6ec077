"""The body heat map's data: table-driven tests of counts, shades, legend and table."""

from __future__ import annotations

import colorsys

import pytest

from dn_explorer.content import ContentIndex
from dn_explorer.heat_map import SHADES, heat_data, heat_rows, region_counts, shade_of
from dn_explorer.regions import REGION_ORDER

# ColorBrewer YlGnBu (colour-blind safe, sequential); the grey for "none" is our own.
YLGNBU = {"#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"}


def lightness(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[1]


@pytest.mark.parametrize(
    ("count", "label"), [(0, "0"), (1, "1"), (2, "2 to 3"), (3, "2 to 3"), (4, "4 or more"), (9, "4 or more")]
)
def test_every_count_has_exactly_one_shade(count: int, label: str):
    assert [s for s in SHADES if s.holds(count)] == [shade_of(count)]
    assert shade_of(count).label() == label


def test_shades_are_colour_blind_safe_and_darker_for_more():
    assert all(shade.colour in YLGNBU for shade in SHADES[1:])
    lights = [lightness(shade.colour) for shade in SHADES]
    assert lights == sorted(lights, reverse=True)


def test_counts_are_the_problems_each_region_shows(content: ContentIndex):
    counts = region_counts(content)
    assert list(counts) == [r.value for r in REGION_ORDER]
    for region in REGION_ORDER:
        assert counts[region.value] == len(content.conditions_for(region))
    assert counts["chest"] == 0
    assert counts["calf"] >= 1


def test_heat_data_and_the_table_say_the_same(content: ContentIndex):
    data = heat_data(content)
    rows = {row["Body area"]: row for row in heat_rows(content)}
    assert set(data["regions"]) == {r.value for r in REGION_ORDER}
    for region_id, entry in data["regions"].items():
        row = rows[entry["label"]]
        assert row["Problems"] == str(entry["count"])
        assert entry["colour"] == shade_of(entry["count"]).colour
        if entry["count"] == 0:
            assert "Ask your therapist" in row["Which"], region_id
    assert [step["label"] for step in data["legend"]] == [s.label() for s in SHADES]
