"""Pure logic of regions and the body-map SVG: parsing untrusted ids, and map and content agreeing."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from dn_explorer.body_map import BodyMapError, load_body_map, parse_body_map
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.paths import BODY_MAP_SVG
from dn_explorer.regions import REGION_ORDER, RegionId, parse_region
from dn_explorer.selection import SIDED


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("neck", RegionId.NECK),
        ("wrist-hand", RegionId.WRIST_HAND),
        (" Neck ", RegionId.NECK),
        (["calf"], RegionId.CALF),
        (["calf", "knee"], None),
        ([], None),
        ("", None),
        (None, None),
        (42, None),
        ("tail", None),
        ("<script>alert(1)</script>", None),
        ("../../etc/passwd", None),
        ("neck" * 20, None),
        ("neck\x00", None),
    ],
)
def test_parse_region(raw, expected):
    assert parse_region(raw) == expected


@pytest.fixture(scope="module")
def body_map():
    return load_body_map(BODY_MAP_SVG)


def test_every_region_has_a_shape_and_every_shape_is_a_region(body_map):
    assert body_map.region_ids == frozenset(REGION_ORDER)


def test_every_content_region_has_a_shape_with_its_label(body_map, content):
    for region in content.content.regions:
        assert region.id in body_map.region_ids
        assert body_map.labels[region.id] == region.label


def test_front_and_back_are_separate_svgs_with_titles(body_map):
    assert [v.name for v in body_map.views] == ["front", "back"]
    for view in body_map.views:
        svg = ET.fromstring(view.markup)
        assert svg.tag.endswith("svg")
        title = svg.find("{http://www.w3.org/2000/svg}title")
        assert title is not None
        assert title.text


def test_each_region_is_one_tab_stop(body_map):
    tab_stops = []
    for view in body_map.views:
        svg = ET.fromstring(view.markup)
        for group in svg.iter("{http://www.w3.org/2000/svg}g"):
            if group.get("data-region"):
                assert group.get("role") == "button"
                assert group.get("aria-label")
                assert group.get("aria-pressed") == "false"
                if group.get("tabindex") == "0":
                    tab_stops.append(group.get("data-region"))
                else:
                    assert group.get("aria-hidden") == "true"
    assert sorted(tab_stops) == sorted(r.value for r in REGION_ORDER)
    assert tab_stops[:3] == ["head", "jaw", "neck"]


def test_patient_sides_are_labelled_on_both_views(body_map):
    for view in body_map.views:
        assert "Your right" in view.markup
        assert "Your left" in view.markup


def test_map_markup_has_no_scripts_or_outside_references(body_map):
    markup = body_map.markup.lower()
    for forbidden in ("<script", "href=", "http:", "https:", "style=", "onload", "onclick"):
        if forbidden in ("http:",):
            markup_without_ns = markup.replace("http://www.w3.org/2000/svg", "")
            assert forbidden not in markup_without_ns
        else:
            assert forbidden not in markup, forbidden


GOOD_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg"><g data-view="front" data-viewbox="0 0 10 10">'
    '<g class="region" data-region="{rid}" aria-label="{label}"><path d="M0 0h5v5z"/></g></g>'
    '<g data-view="back" data-viewbox="10 0 10 10"></g></svg>'
)


@pytest.mark.parametrize(
    ("svg", "fragment"),
    [
        ("<svg", "not valid XML"),
        ("<html/>", "<svg> root"),
        (GOOD_SVG.format(rid="tail", label="Tail"), "unknown region id 'tail'"),
        (GOOD_SVG.format(rid="neck", label=""), "no aria-label"),
        (GOOD_SVG.replace("front", "side").format(rid="neck", label="Neck"), "needs data-view"),
        (GOOD_SVG.format(rid="calf", label="Calf"), "needs shapes on both sides"),  # one calf only
    ],
)
def test_broken_svg_is_refused(svg, fragment):
    with pytest.raises(BodyMapError, match=fragment):
        parse_body_map(svg)


@pytest.mark.parametrize(
    "text",
    ["**bold**", "[x](javascript:alert(1))", "<img src=x onerror=alert(1)>", "$x$", "a_b_c", "# heading", "`code`"],
)
def test_escape_markdown_leaves_no_live_markup(text):
    escaped = escape_markdown(text)
    for char in "*[]()<>$_#`":
        assert char not in escaped.replace(f"\\{char}", "")


def test_each_shape_of_a_two_sided_area_knows_its_side():
    """The front view shows the patient's right on the left of the picture, the back view their left."""
    root = ET.fromstring(load_body_map(BODY_MAP_SVG).markup)
    for svg in root.iter("{http://www.w3.org/2000/svg}svg"):
        view = "front" if "bm-front" in svg.get("class", "") else "back"
        middle = 210 if view == "front" else 630
        for group in svg.iter("{http://www.w3.org/2000/svg}g"):
            region = group.get("data-region")
            if region is None:
                continue
            shapes = list(group.iter("{http://www.w3.org/2000/svg}path"))
            sides = {shape.get("data-side") for shape in shapes}
            if RegionId(region) in SIDED:
                assert sides == {"left", "right"}, (view, region)
                for shape in shapes:
                    first_x = float(shape.get("d", "M0").split()[0].lstrip("M").split(",")[0])
                    on_picture_left = first_x < middle
                    assert (shape.get("data-side") == "right") == (on_picture_left == (view == "front")), (view, region)
            else:
                assert sides == {None}, (view, region)
