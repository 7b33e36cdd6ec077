"""AppTest runs of each mode: kiosk, present (tour), explore (search and handout), and text size."""

from __future__ import annotations

import io

from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from dn_explorer.handout import build_handout
from dn_explorer.modes import Mode, Settings, next_scale, parse_mode
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.regions import REGION_ORDER, RegionId
from explorer_ui.shell import MODE_KEY, SCALE_KEY
from explorer_ui.state import SELECTED_KEY
from explorer_ui.therapist import HANDOUT_KEY, SEARCH_KEY
from tests.support.app import has_component, search, tap
from tests.support.words import ENGLISH

APP = str(PROJECT_ROOT / "explorer_app.py")


def run_app(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_parse_mode_table():
    assert parse_mode("kiosk") is Mode.KIOSK
    assert parse_mode(["present"]) is Mode.PRESENT
    assert parse_mode("KIOSK ") is Mode.KIOSK
    for bad in ("", "admin", "<b>", None, ["kiosk", "present"], "k" * 40):
        assert parse_mode(bad) is None


def test_settings_from_environment():
    assert Settings.from_env({}).idle_seconds == 90
    assert Settings.from_env({"EXPLORER_IDLE_SECONDS": "12"}).idle_seconds == 12
    assert Settings.from_env({"EXPLORER_IDLE_SECONDS": "soon"}).idle_seconds == 90
    assert Settings.from_env({"EXPLORER_IDLE_SECONDS": "1"}).idle_seconds == 5
    assert Settings.from_env({"EXPLORER_MODE": "kiosk"}).default_mode is Mode.KIOSK
    assert Settings.from_env({"EXPLORER_BASE_URL": "javascript:alert(1)"}).base_url == "http://localhost:8501"
    assert Settings.from_env({"EXPLORER_BASE_URL": "https://clinic.example/"}).base_url == "https://clinic.example"


def test_text_scale_steps_stay_between_100_and_200():
    assert next_scale(100, -1) == 100
    assert next_scale(100, 1) == 125
    assert next_scale(200, 1) == 200
    assert next_scale(999, 1) == 125


def test_kiosk_has_nothing_to_type_and_no_download():
    at = run_app(mode="kiosk")
    assert not at.exception
    assert at.session_state[MODE_KEY] is Mode.KIOSK
    assert not has_component(at, SEARCH_KEY)
    at = run_app(mode="kiosk", region="neck")
    assert not at.exception
    assert not has_component(at, SEARCH_KEY)
    assert not [b for b in at.get("download_button")]


def test_text_size_buttons_change_the_scale():
    at = run_app(mode="kiosk")
    at.button(key="text-bigger").click().run()
    at.button(key="text-bigger").click().run()
    assert at.session_state[SCALE_KEY] == 150
    at.button(key="text-smaller").click().run()
    assert at.session_state[SCALE_KEY] == 125


def test_search_selects_the_matching_region():
    at = run_app()
    assert has_component(at, SEARCH_KEY)
    search(at, "tennis elbow")
    assert not at.exception
    assert at.session_state[SELECTED_KEY] is RegionId.ELBOW
    assert at.query_params["region"] == "elbow"


def test_search_with_several_regions_offers_each():
    at = run_app()
    search(at, "back pain")
    assert at.session_state[SELECTED_KEY] in (RegionId.UPPER_BACK, RegionId.LOW_BACK)
    keys = {b.key for b in at.button}
    assert {"search-go-upper-back", "search-go-low-back"} <= keys


def test_vague_search_offers_regions_without_jumping():
    at = run_app()
    search(at, "pain")
    assert not at.exception
    assert at.session_state[SELECTED_KEY] is None
    assert len([b for b in at.button if (b.key or "").startswith("search-go-")]) > 3


def test_choosing_another_region_clears_the_search_message():
    at = run_app()
    search(at, "tennis elbow")
    assert at.success
    tap(at, "knee")
    assert at.session_state[SELECTED_KEY] is RegionId.KNEE
    assert not at.success


def test_search_without_match_says_so_kindly():
    at = run_app()
    search(at, "<b>zzzz</b>")
    assert not at.exception
    assert at.session_state[SELECTED_KEY] is None
    message = at.info[0].value
    assert "Sorry, nothing matches" in message
    assert "<b>" not in message


def test_one_handout_button_for_the_chosen_region_that_waits_on_the_start_view():
    at = run_app(region="elbow")
    buttons = {b.key: b.proto for b in at.get("download_button")}
    assert list(buttons) == [HANDOUT_KEY]
    assert "handout for the elbow" in buttons[HANDOUT_KEY].label
    assert not buttons[HANDOUT_KEY].disabled
    # Before an area is chosen it is there (nothing moves on the first tap) but cannot be pressed.
    (start,) = run_app().get("download_button")
    assert start.proto.disabled
    assert start.proto.label == ENGLISH.handout.download_none
    assert not run_app(region="elbow", mode="kiosk").get("download_button")


def test_handout_pdf_holds_the_region_content(content):
    for region in REGION_ORDER:
        pdf = PdfReader(io.BytesIO(build_handout(content, region, "http://kiosk.local:8501")))
        assert len(pdf.pages) == 1, f"{region} handout is not one page"
        text = " ".join(pdf.pages[0].extract_text().split())
        assert content.region_label(region) in text
        for condition in content.conditions_for(region):
            assert condition.name in text
        for step in content.content.aftercare[:3]:
            assert " ".join(step.text.split()[:4]) in text
        assert "sterile" in text.lower()
        assert f"region={region.value}" in text


def test_present_tour_steps_through_every_region():
    at = run_app(mode="present")
    seen = []
    for _ in REGION_ORDER:
        at.button(key="tour-next").click().run()
        assert not at.exception
        seen.append(at.session_state[SELECTED_KEY])
    assert seen == list(REGION_ORDER)
    at.button(key="tour-next").click().run()
    assert at.session_state[SELECTED_KEY] is REGION_ORDER[0]
    at.button(key="tour-previous").click().run()
    assert at.session_state[SELECTED_KEY] is REGION_ORDER[-1]


def test_pictures_page_runs_with_tables(content):
    at = run_app(mode="present")
    at.switch_page("pages/3_Pictures.py").run()
    assert not at.exception
    assert len(at.table) == 2


def test_expectations_chart_uses_short_labels(content):
    from dn_explorer.figures import expectations_figure

    labels = list(expectations_figure(content).data[0].y)
    assert len(labels) == len(content.content.sensations)
    assert all(len(label) <= 40 for label in labels), labels
