"""AppTest runs of every page: no exceptions, deep links, selection through session state."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dn_explorer.markdown_text import escape_markdown
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.regions import BODY_PARTS, REGION_ORDER, RegionId
from explorer_ui.body_map import BRIDGE_KEY
from tests.support.app import (
    component_data,
    first_region,
    has_component,
    list_groups,
    list_regions,
    panel_text,
    shown_panel,
    tap,
)
from tests.support.words import ENGLISH, SPANISH

APP = str(PROJECT_ROOT / "explorer_app.py")
PAGES = ["pages/1_About_dry_needling.py", "pages/2_Sources.py", "pages/3_Pictures.py"]


def run_app(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def all_text(at: AppTest) -> str:
    """The explorer's region panel and every Markdown-rendered element."""
    parts = [panel_text(at)] if has_component(at, BRIDGE_KEY) else []
    parts += [m.value for m in at.markdown] + [h.value for h in at.header] + [h.value for h in at.subheader]
    parts += [c.value for c in at.caption] + [t.value for t in at.title] + [i.value for i in at.info]
    return "\n".join(parts)


def test_start_view_has_no_selection(content):
    at = run_app()
    assert not at.exception
    assert first_region(at) is None
    assert shown_panel(at)["heading"] == "Touch a part of the body"


def test_deep_link_selects_the_neck(content):
    at = run_app(region="neck")
    assert not at.exception
    assert first_region(at) == RegionId.NECK
    assert shown_panel(at)["heading"] == "Neck"
    names = [c.name for c in content.conditions_for(RegionId.NECK)]
    text = all_text(at)
    assert names
    assert all(name in text for name in names)


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "../../etc/passwd", "NECK ", "neck\x00", "x" * 500])
def test_unknown_or_hostile_region_gives_the_start_view(hostile):
    at = run_app(region=hostile)
    assert not at.exception
    expected = RegionId.NECK if hostile.strip().lower() == "neck" else None
    assert first_region(at) == expected
    assert "<script>" not in all_text(at)
    if expected is None:
        assert "region" not in at.query_params


def test_selecting_through_the_list_updates_the_view_and_address(content):
    at = run_app()
    tap(at, "elbow")
    assert not at.exception
    assert shown_panel(at)["heading"] == "Elbow"
    text = all_text(at)
    names = [c.name for c in content.conditions_for(RegionId.ELBOW)]
    assert names
    assert all(name in text for name in names)


def test_a_tap_moves_the_selection_and_the_address():
    at = tap(run_app(), "calf")
    assert not at.exception
    assert first_region(at) == RegionId.CALF
    assert at.query_params["region"] == "calf"
    assert shown_panel(at)["heading"] == "Calf"


@pytest.mark.parametrize(
    ("region", "number"),
    [
        ("<img src=x>", 1),
        ("calf\u200b", 1),
        ("../calf", 1),
        ("calf:middle", 1),
        ("calf", -1),
        ("calf", 2**40),
        ("calf", "1"),
    ],
)
def test_a_tap_with_an_unknown_id_or_a_bad_number_changes_nothing(region, number):
    at = tap(run_app(region="knee"), region, number)
    assert not at.exception
    assert first_region(at) == RegionId.KNEE


def test_the_bridge_is_told_the_number_of_the_last_tap():
    at = run_app()
    assert component_data(at, BRIDGE_KEY) == {"selected": "", "ack": 0}
    tap(at, "calf", 7)
    assert component_data(at, BRIDGE_KEY) == {"selected": "calf", "ack": 7}
    assert at.query_params["region"] == "calf"
    tap(at, "", 8)  # the last area taken off again: the start view
    assert component_data(at, BRIDGE_KEY) == {"selected": "", "ack": 8}
    assert "region" not in at.query_params


def test_the_list_offers_every_region_once_grouped_by_body_part(content):
    at = run_app()
    assert [(r["id"], r["label"]) for r in list_regions(at)] == [
        (region.value, content.region_label(region)) for region in REGION_ORDER
    ]
    assert [g["label"] for g in list_groups(at)] == [ENGLISH.body_parts[p] for p in BODY_PARTS]


def test_body_parts_hold_every_region_once_in_the_list_order():
    assert [r for regions in BODY_PARTS.values() for r in regions] == list(REGION_ORDER)


@pytest.mark.parametrize("region", REGION_ORDER)
def test_every_region_view_renders(region, content):
    at = run_app(region=region.value)
    assert not at.exception
    assert shown_panel(at)["heading"] == content.region_label(region)
    if not content.is_covered(region):
        assert "ask your therapist" in all_text(at).lower()


@pytest.mark.parametrize("page_path", PAGES)
def test_every_page_runs(page_path, content):
    at = run_app()
    at.switch_page(page_path).run()
    assert not at.exception
    assert at.title


def test_sources_page_lists_every_document(content):
    at = run_app()
    at.switch_page("pages/2_Sources.py").run()
    headers = [h.value for h in at.header]
    for source in content.content.sources:
        assert escape_markdown(source.short) in headers


@pytest.mark.parametrize("page", [None, *PAGES])
def test_every_page_runs_in_spanish_from_the_address(page: str | None):
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = "es"
    at.run()
    if page is not None:
        at.switch_page(page).run()
    assert not at.exception
    assert at.session_state["lang"] == "es"
    assert at.query_params.get("lang") in ("es", ["es"])
    if page is None:
        assert shown_panel(at)["heading"] == SPANISH.start_heading
    else:
        titles = {SPANISH.about.title, SPANISH.sources_page.title, SPANISH.pictures.title}
        assert at.title[0].value in titles


def test_an_unknown_language_in_the_address_gives_english_and_a_clean_address():
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = "<b>fr</b>"
    at.run()
    assert not at.exception
    assert at.session_state["lang"] == "en"
    assert "lang" not in at.query_params
