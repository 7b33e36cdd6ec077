"""Table-driven tests of finding regions from everyday words and condition names."""

from __future__ import annotations

import pytest

from dn_explorer.regions import RegionId as R
from dn_explorer.search import find_regions

CASES = [
    # (what a therapist types, the region that must come first, other regions that must be offered)
    ("tennis elbow", R.ELBOW, ()),
    ("Tennis Elbow", R.ELBOW, ()),
    ("tenis elbo", R.ELBOW, ()),
    ("golfer's elbow", R.ELBOW, ()),
    ("TMJ", R.JAW, ()),
    ("tmj", R.JAW, ()),
    ("dental pain", R.JAW, ()),
    ("sciatica", None, ()),
    ("siatica", None, ()),
    ("plantar fasciitis", R.FOOT, ()),
    ("plantar fascitis", R.FOOT, ()),
    ("carpal tunnel", R.WRIST_HAND, ()),
    ("carpel tunnel", R.WRIST_HAND, ()),
    ("headache", R.HEAD, ()),
    ("migraine", R.HEAD, ()),
    ("tension-type headaches", R.HEAD, ()),
    ("neck pain", R.NECK, ()),
    ("back pain", None, (R.UPPER_BACK, R.LOW_BACK)),
    ("hamstring strain", R.HAMSTRING, ()),
    ("calf spasms", R.CALF, ()),
    ("knee", R.KNEE, ()),
    ("hip pain", R.HIP, ()),
    ("shoulder", R.SHOULDER, ()),
]


@pytest.mark.parametrize(("query", "first", "also"), CASES, ids=[c[0] for c in CASES])
def test_search_leads_to_the_region(content, query, first, also):
    result = find_regions(content, query)
    assert result.found, query
    if first is not None:
        assert result.regions[0] == first
    for region in also:
        assert region in result.regions


def test_sciatica_leads_to_where_the_documents_place_it(content):
    placed = {r for c in content.content.conditions if c.id == "sciatica" for r in c.regions}
    assert placed
    assert set(find_regions(content, "sciatica").regions) == placed


@pytest.mark.parametrize("query", ["xyzzy", "qwerty uiop", "", " ", "a", "!!!", "<script>"])
def test_no_match_finds_nothing(content, query):
    assert not find_regions(content, query).found


def test_whole_body_condition_is_found_without_a_region(content):
    result = find_regions(content, "arthritis")
    assert not result.found
    assert [c.name for c in result.conditions] == ["Arthritis"]


def test_very_long_input_is_bounded(content):
    result = find_regions(content, "tennis elbow " * 10_000)
    assert len(result.query) <= 80
