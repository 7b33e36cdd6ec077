"""Listen, in real Chromium with a real on-device speech engine (speech-dispatcher and espeak-ng).

What is spoken is recorded as it is queued (``tests.support.speech.RECORDER``) and the engine still
speaks it: the tests check the words and their order against the data the view was sent, that only
on-device voices are used, that the sentence being read is highlighted, and that speech stops with
"Stop", a new region, a new tab, a new page and the kiosk's idle reset.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from dn_explorer.clinic import Clinic
from dn_explorer.content import ContentIndex
from dn_explorer.modes import Mode
from dn_explorer.region_panel import panels_payload
from tests.support.app import spoken_screen
from tests.support.browser import ARTIFACTS, Server, open_app, press_region, wait_for_app
from tests.support.speech import NETWORK_VOICES_ONLY
from tests.support.words import ENGLISH, SPANISH

pytestmark = pytest.mark.browser

IDLE_SECONDS = 5
HIGHLIGHT = "(() => { const h = CSS.highlights.get('dn-speaking'); return h ? [...h][0].toString() : null; })()"


@pytest.fixture(scope="module")
def kiosk_server() -> Iterator[Server]:
    running = Server(env={"EXPLORER_IDLE_SECONDS": str(IDLE_SECONDS)}).start()
    yield running
    running.stop()


def payload(mode: Mode, content: ContentIndex, clinic: Clinic) -> dict[str, Any]:
    """The region view's data, as the browser receives it (through JSON)."""
    return json.loads(json.dumps(panels_payload(content, mode, clinic)))


def listen_button(page: Page):
    return page.locator(".dn-listen-play")


def start_listening(page: Page) -> list[dict[str, Any]]:
    button = listen_button(page)
    expect(button).to_be_visible(timeout=20_000)  # the voices arrive a moment after the page
    button.click()
    page.wait_for_function("window.__speech.started.length > 0", timeout=20_000)
    return page.evaluate("window.__speech.queued")


def spoken_text(queued: list[dict[str, Any]]) -> str:
    return " ".join(" ".join(u["text"] for u in queued).split())


def test_listen_reads_the_kiosk_start_screen_in_order_with_a_local_voice(
    speech_page: Page, server: Server, content: ContentIndex, clinic: Clinic
):
    open_app(speech_page, f"{server.url}/?mode=kiosk")
    # The engine lists its voices, on-device ones (espeak-ng) speaking English among them. The list
    # comes in late while a cold speech-dispatcher starts (a fresh machine's first run): wait for it.
    speech_page.wait_for_function(
        "speechSynthesis.getVoices().filter((v) => v.localService && v.lang.startsWith('en')).length > 0",
        timeout=20_000,
    )
    queued = start_listening(speech_page)
    assert spoken_text(queued) == spoken_screen(payload(Mode.KIOSK, content, clinic), "")
    assert all(u["local"] is True and u["lang"].startswith("en") and u["rate"] == 1 for u in queued)
    # The engine really spoke: the first sentence started, and it is the one highlighted.
    assert speech_page.evaluate("window.__speech.started")[0] == 0
    speech_page.wait_for_function(f"{HIGHLIGHT} !== null")
    assert speech_page.evaluate(HIGHLIGHT) in [u["text"] for u in queued]
    expect(listen_button(speech_page)).to_contain_text(ENGLISH.stop)
    speech_page.screenshot(path=ARTIFACTS / "listen-kiosk-start-1920.png")


@pytest.mark.parametrize("tab", range(6))
def test_listen_reads_every_tab_of_a_region(
    speech_page: Page, server: Server, content: ContentIndex, clinic: Clinic, tab: int
):
    open_app(speech_page, f"{server.url}/?mode=kiosk&region=calf")
    speech_page.locator('[role="tab"]').nth(tab).click()
    queued = start_listening(speech_page)
    assert spoken_text(queued) == spoken_screen(payload(Mode.KIOSK, content, clinic), "calf", tab)


def test_an_opened_word_explanation_and_a_clinics_own_claim_are_read(speech_page: Page, server: Server):
    open_app(speech_page, f"{server.url}/?mode=kiosk")
    speech_page.locator("details.dn-word summary").first.click()
    text = spoken_text(start_listening(speech_page))
    assert f"{ENGLISH.word_explained} Trigger point. A small, very sensitive spot" in text
    assert "Sources" not in text  # the citation buttons are not read
    listen_button(speech_page).click()
    press_region(speech_page, "calf")
    speech_page.get_by_role("tab", name=ENGLISH.tab_visits).click()
    speech_page.evaluate("window.__speech.queued = []")
    text = spoken_text(start_listening(speech_page))
    assert "Mile High Spine & Pain's own claim" in text


def test_stop_slower_and_the_highlight_follow_the_speech(speech_page: Page, server: Server):
    open_app(speech_page, f"{server.url}/?mode=kiosk&region=knee")
    start_listening(speech_page)
    listen_button(speech_page).click()  # now "Stop"
    speech_page.wait_for_function("!speechSynthesis.speaking && !speechSynthesis.pending")
    assert speech_page.evaluate(HIGHLIGHT) is None
    expect(listen_button(speech_page)).to_contain_text(ENGLISH.listen)
    slower = speech_page.locator(".dn-listen-slower")
    slower.click()
    expect(slower).to_have_attribute("aria-pressed", "true")
    speech_page.evaluate("window.__speech.queued = []")
    queued = start_listening(speech_page)
    assert queued
    assert all(u["rate"] < 1 for u in queued)


def test_speech_goes_on_when_the_text_size_changes(speech_page: Page, server: Server):
    # Listen is a part of the page bar with the text-size buttons: a new size reruns the bar, not the reading.
    open_app(speech_page, f"{server.url}/?mode=kiosk&region=knee")
    start_listening(speech_page)
    cancels = speech_page.evaluate("window.__speech.cancels")
    speech_page.get_by_role("button", name="A+").click()
    wait_for_app(speech_page)
    speech_page.wait_for_function("document.documentElement.dataset.dnScale === '125'")
    assert speech_page.evaluate("window.__speech.cancels") == cancels
    expect(listen_button(speech_page)).to_contain_text(ENGLISH.stop)


@pytest.mark.parametrize("change", ["region", "tab", "page"])
def test_speech_stops_when_the_view_changes(speech_page: Page, server: Server, change: str):
    open_app(speech_page, f"{server.url}/?region=calf")
    start_listening(speech_page)
    cancels = speech_page.evaluate("window.__speech.cancels")
    if change == "region":
        press_region(speech_page, "neck")
    elif change == "tab":
        speech_page.locator('[role="tab"]').nth(2).click()
    else:
        speech_page.get_by_role("link", name="About dry needling").click()
    speech_page.wait_for_function(f"window.__speech.cancels > {cancels} && !speechSynthesis.speaking")
    assert speech_page.evaluate(HIGHLIGHT) is None


def test_listen_on_about_and_in_present_mode(speech_page: Page, server: Server, content: ContentIndex, clinic: Clinic):
    open_app(speech_page, f"{server.url}/?mode=present&region=elbow")
    queued = start_listening(speech_page)
    assert spoken_text(queued) == spoken_screen(payload(Mode.PRESENT, content, clinic), "elbow")
    speech_page.get_by_role("link", name="About dry needling").click()
    speech_page.get_by_role("heading", name="About dry needling").wait_for()
    speech_page.evaluate("window.__speech.queued = []")
    text = spoken_text(start_listening(speech_page))
    assert text.startswith("About dry needling")
    assert "Sources 1" not in text
    assert "Body map" not in text


def test_no_button_without_an_on_device_voice(browser: Browser, speech_browser: Browser, server: Server):
    # No speech engine at all: no voices, no button.
    context = browser.new_context()
    page = context.new_page()
    open_app(page, f"{server.url}/?mode=kiosk")
    page.wait_for_timeout(1500)
    expect(page.locator(".dn-listen")).to_be_hidden()
    context.close()
    # Only network voices: never used, so no button either.
    context = speech_browser.new_context()
    context.add_init_script(NETWORK_VOICES_ONLY)
    page = context.new_page()
    open_app(page, f"{server.url}/?mode=kiosk")
    page.wait_for_timeout(1500)
    expect(page.locator(".dn-listen")).to_be_hidden()
    assert page.locator(".dn-listen-play").evaluate("(b) => getComputedStyle(b).visibility") == "hidden"
    context.close()


def test_idle_warning_is_spoken_after_listen_and_the_reset_stops_speech(speech_page: Page, kiosk_server: Server):
    open_app(speech_page, f"{kiosk_server.url}/?mode=kiosk&region=calf")
    start_listening(speech_page)
    listen_button(speech_page).click()  # stop; the visitor has used Listen
    speech_page.evaluate("window.__speech.queued = []")
    speech_page.locator(".dn-idle").wait_for(state="visible", timeout=(IDLE_SECONDS + 5) * 1000)
    speech_page.wait_for_function("window.__speech.queued.length > 0")
    assert spoken_text(speech_page.evaluate("window.__speech.queued")).startswith("Are you still there?")
    # The reset reloads the page (a fresh recorder); the old page stopped its speech first.
    speech_page.wait_for_url("**/?mode=kiosk", timeout=40_000)
    open_app(speech_page, speech_page.url)
    assert not speech_page.evaluate("speechSynthesis.speaking")
    expect(speech_page.get_by_role("heading", level=2).first).to_have_text(ENGLISH.start_heading)


def test_idle_warning_is_silent_for_a_visitor_who_did_not_listen(speech_page: Page, kiosk_server: Server):
    open_app(speech_page, f"{kiosk_server.url}/?mode=kiosk")
    press_region(speech_page, "knee")
    speech_page.locator(".dn-idle").wait_for(state="visible", timeout=(IDLE_SECONDS + 5) * 1000)
    speech_page.wait_for_timeout(500)
    assert speech_page.evaluate("window.__speech.queued") == []


def test_listen_reads_spanish_with_a_local_spanish_voice(speech_page: Page, server: Server):
    open_app(speech_page, f"{server.url}/?mode=kiosk&lang=es")
    speech_page.wait_for_function("document.documentElement.lang === 'es'")
    queued = start_listening(speech_page)
    assert queued[0]["text"] == SPANISH.start_heading
    assert all(u["local"] is True and u["lang"].lower().startswith("es") for u in queued)
    expect(listen_button(speech_page)).to_contain_text(SPANISH.stop)
