"""AppTest runs of each mode: kiosk, present (tour), explore (search and handout), and text size."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dn_explorer.handout import tickable_steps
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.modes import Mode, Settings, next_scale, parse_mode
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.regions import REGION_ORDER, RegionId
from dn_explorer.selection import Area, Side
from dn_explorer.words import words_for
from explorer_ui.nav import GO_KEY, chosen_page
from explorer_ui.shell import BAR_KEY, MODE_KEY, step_of
from explorer_ui.state import AREAS_KEY
from explorer_ui.therapist import HANDOUT_KEY, NOTE_KEY, SEARCH_KEY, TICKS_KEY
from tests.support.app import component_data, first_region, has_component, search, selected_in_browser, tap
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


@pytest.mark.parametrize(
    ("sent", "step"),
    [(1, 1), (-1, -1), (2, 0), (0, 0), (True, 0), (1.0, 0), ("1", 0), (None, 0), ([1], 0)],
)
def test_only_a_step_of_one_from_the_page_bar_is_taken(sent, step):
    """The bar's text-size buttons and the tour's arrow keys send -1 or 1; anything else moves nothing."""
    assert step_of(sent) == step


def test_the_page_bar_offers_the_other_languages_in_their_own_words():
    at = run_app(mode="kiosk")
    assert not at.exception
    bar = component_data(at, BAR_KEY)
    assert bar["controls"]["languages"] == [{"code": "es", "label": words_for("es").ui.switch_to}]
    assert bar["controls"]["status"] == ENGLISH.ui.text_size.format(scale=100) + ENGLISH.ui.smallest
    at = run_app(mode="kiosk", lang="es")
    assert component_data(at, BAR_KEY)["controls"]["languages"] == [{"code": "en", "label": ENGLISH.ui.switch_to}]


@pytest.mark.parametrize(
    ("sent", "page"),
    [
        ("about", "about"),
        ("sources", "sources"),
        ("body_map", "body_map"),
        ("About", None),
        ("../x", None),
        (1, None),
        (None, None),
        (["about"], None),
    ],
)
def test_only_a_page_the_bar_links_to_is_taken(sent, page):
    assert chosen_page(sent) == page


def test_the_bar_links_to_every_page_and_a_chosen_one_opens_next_run():
    at = run_app(mode="kiosk", lang="es")
    nav = component_data(at, BAR_KEY)["nav"]
    assert nav == {"current": "body_map", "query": "mode=kiosk&lang=es"}  # what every link's address keeps
    at.session_state[GO_KEY] = "about"  # what the bar's callback keeps from a click on a link
    at.run()
    assert not at.exception
    assert GO_KEY not in at.session_state
    assert component_data(at, BAR_KEY)["nav"]["current"] == "about"
    assert [h.value for h in at.title] == [words_for("es").about.title]


@pytest.mark.parametrize(("mode", "keeps"), [("explore", True), ("present", True), ("kiosk", False)])
def test_only_the_kiosk_tells_the_browser_to_keep_no_history(mode, keeps):
    """At the kiosk the next visitor's Back must not find the last one's areas (shell.js replaces
    each step of the history instead of adding one); the address still holds the areas."""
    at = tap(run_app(mode=mode), "neck calf:right")
    assert not at.exception
    assert component_data(at, BAR_KEY)["shell"]["keepsHistory"] is keeps
    region = at.query_params.get("region", [])
    assert ([region] if isinstance(region, str) else list(region)) == ["neck", "calf:right"]


def test_search_selects_the_matching_region():
    at = run_app()
    assert has_component(at, SEARCH_KEY)
    search(at, "tennis elbow")
    assert not at.exception
    assert first_region(at) is RegionId.ELBOW
    assert at.query_params["region"] == "elbow"


def test_search_with_several_regions_offers_each():
    at = run_app()
    search(at, "back pain")
    assert first_region(at) in (RegionId.UPPER_BACK, RegionId.LOW_BACK)
    keys = {b.key for b in at.button}
    assert {"search-go-upper-back", "search-go-low-back"} <= keys


def test_vague_search_offers_regions_without_jumping():
    at = run_app()
    search(at, "pain")
    assert not at.exception
    assert first_region(at) is None
    assert len([b for b in at.button if (b.key or "").startswith("search-go-")]) > 3


def test_choosing_another_region_clears_the_search_message():
    at = run_app()
    search(at, "tennis elbow")
    assert at.success
    tap(at, "knee")
    assert first_region(at) is RegionId.KNEE
    assert not at.success


def test_search_without_match_says_so_kindly():
    at = run_app()
    search(at, "<b>zzzz</b>")
    assert not at.exception
    assert first_region(at) is None
    message = at.info[0].value
    assert "Sorry, nothing matches" in message
    assert "<b>" not in message


def test_one_summary_button_for_the_chosen_areas_that_waits_on_the_start_view():
    at = run_app(region="elbow")
    buttons = {b.key: b.proto for b in at.get("download_button")}
    assert list(buttons) == [HANDOUT_KEY]
    assert buttons[HANDOUT_KEY].label == escape_markdown(ENGLISH.handout.download)
    assert not buttons[HANDOUT_KEY].disabled
    # Before an area is chosen it is there (nothing moves on the first tap) but cannot be pressed.
    (start,) = run_app().get("download_button")
    assert start.proto.disabled
    assert start.proto.label == ENGLISH.handout.download_none
    assert not run_app(region="elbow", mode="kiosk").get("download_button")


def test_present_tour_steps_through_every_region():
    at = run_app(mode="present")
    seen = []
    for _ in REGION_ORDER:
        at.button(key="tour-next").click().run()
        assert not at.exception
        seen.append(first_region(at))
    assert seen == list(REGION_ORDER)
    at.button(key="tour-next").click().run()
    assert first_region(at) is REGION_ORDER[0]
    at.button(key="tour-previous").click().run()
    assert first_region(at) is REGION_ORDER[-1]


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


def test_several_areas_from_the_address_and_from_taps():
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["region"] = ["neck", "calf:right", "neck", "nowhere"]
    at.run()
    assert not at.exception
    assert at.session_state[AREAS_KEY] == (Area(RegionId.NECK), Area(RegionId.CALF, Side.RIGHT))
    assert at.query_params["region"] == ["neck", "calf:right"]  # cleaned, order kept
    assert selected_in_browser(at) == "neck calf:right"
    tap(at, "neck calf:right knee")
    assert at.query_params["region"] == ["neck", "calf:right", "knee"]
    assert selected_in_browser(at) == "neck calf:right knee"
    tap(at, "calf")  # "Choose several areas" off again: one tap, one area
    assert at.query_params["region"] == "calf"


def test_the_therapists_ticks_and_note_start_empty_in_each_session(content):
    at = run_app(region="knee")
    note = at.text_area(key=NOTE_KEY)
    assert note.value == ""
    ticks = at.button_group(key=TICKS_KEY)
    assert list(ticks.value) == []
    assert list(ticks.options) == [escape_markdown(s.text) for s in tickable_steps(content)]
    note.input("Ice tonight.").run()
    at.button_group(key=TICKS_KEY).set_value(["drink-water"]).run()
    assert not at.exception
    assert list(at.button_group(key=TICKS_KEY).value) == ["drink-water"]
    fresh = run_app(region="knee")
    assert fresh.text_area(key=NOTE_KEY).value == ""
    assert list(fresh.button_group(key=TICKS_KEY).value) == []
    assert "Ice tonight." not in str(fresh.query_params)


def test_more_than_19_areas_in_the_address_give_the_start_view():
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["region"] = ["neck"] * 20
    at.run()
    assert not at.exception
    assert first_region(at) is None
    assert "region" not in at.query_params
