"""Several areas and their sides in real Chromium: the map, the list, the address and the view follow;
the visit summary carries them (read with pypdf, its QR code decoded with zxing-cpp); the kiosk's
"Take this home" code; the idle reset clears it all; axe with several areas chosen."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

import pypdfium2 as pdfium
import pytest
import zxingcpp
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.support.browser import ARTIFACTS, AXE_OPTIONS, Server, open_app, press_region, wait_for_app

pytestmark = pytest.mark.browser

IDLE_SECONDS = 4
BASE = "http://clinic.example:8501"


@pytest.fixture(scope="module")
def kiosk_server() -> Iterator[Server]:
    running = Server(env={"EXPLORER_IDLE_SECONDS": str(IDLE_SECONDS), "EXPLORER_BASE_URL": BASE}).start()
    yield running
    running.stop()


def regions_in(url: str) -> list[str]:
    return [value for key, value in parse_qsl(urlsplit(url).query) if key == "region"]


def choose_neck_and_right_calf(page: Page) -> None:
    press_region(page, "neck")
    wait_for_app(page)
    page.get_by_role("button", name="Choose several areas").click()
    press_region(page, "calf", side="right")
    wait_for_app(page)


def test_the_neck_and_the_right_calf_the_address_and_the_view_follow(page: Page, server: Server):
    open_app(page, server.url)
    choose_neck_and_right_calf(page)
    expect(page.locator(".st-key-region_panel h2").first).to_have_text("Neck, Right calf")
    page.wait_for_function("() => new URL(location.href).searchParams.getAll('region').length === 2")
    assert regions_in(page.url) == ["neck", "calf:right"]
    # On the map: both areas pressed; of the calf only the right side's shape is coloured.
    calf = page.locator("[data-region=calf]").first
    expect(calf).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-region=neck]").first).to_have_attribute("aria-pressed", "true")
    expect(calf.locator("path[data-side=right]")).to_have_class("is-on")
    expect(calf.locator("path[data-side=left]")).not_to_have_class("is-on")
    expect(page.locator(".bm-status").first).to_have_text("Showing: Neck, Right calf")
    # In the list: both pressed, and the calf offers its sides with Right pressed.
    expect(page.locator("[data-list-region=neck]")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-list-region=calf]")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-side-of=calf][data-side=right]")).to_have_attribute("aria-pressed", "true")
    # Each area's problems under its name in "Can it help?"; the general sections once.
    help_tab = page.locator("#dn-tabpanel-help")
    expect(help_tab.locator(".dn-group-heading")).to_have_text(["Neck", "Right calf"])
    expect(page.locator(".dn-safe")).to_have_count(1)
    # The list's Both makes it the whole calf, in its place; a second tap on the neck takes it off.
    page.locator("[data-side-of=calf][data-side=both]").click()
    wait_for_app(page)
    page.wait_for_function("() => new URL(location.href).searchParams.getAll('region').includes('calf')")
    assert regions_in(page.url) == ["neck", "calf"]
    press_region(page, "neck")
    wait_for_app(page)
    expect(page.locator(".st-key-region_panel h2").first).to_have_text("Calf")
    page.wait_for_function("() => new URL(location.href).searchParams.getAll('region').join() === 'calf'")


DEEP_ACTIVE = """() => { let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el ? [el.dataset.sideOf || null, el.dataset.side || null, el.getAttribute("aria-pressed")] : null; }"""


def test_the_sides_by_keyboard_and_focus_stays_on_the_side_pressed(page: Page, server: Server):
    open_app(page, server.url)
    calf = page.locator(".st-key-body_map [data-list-region=calf]")
    calf.focus()
    page.keyboard.press("Enter")
    wait_for_app(page)
    sides = page.get_by_role("group", name="Which side? Calf")
    expect(sides).to_be_visible()
    page.keyboard.press("Tab")  # to "Left"
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(page.locator(".st-key-region_panel h2").first).to_have_text("Left calf")
    assert page.evaluate(DEEP_ACTIVE) == ["calf", "left", "true"]
    page.keyboard.press("Tab")  # on to "Right"
    page.keyboard.press(" ")
    wait_for_app(page)
    expect(page.locator(".st-key-region_panel h2").first).to_have_text("Right calf")
    assert page.evaluate(DEEP_ACTIVE) == ["calf", "right", "true"]


def test_an_address_with_several_areas_opens_them_and_drops_what_is_unknown(page: Page, server: Server):
    open_app(page, f"{server.url}/?region=knee:left&region=%3Cb%3E&region=neck&region=knee")
    expect(page.locator(".st-key-region_panel h2").first).to_have_text("Knee, Neck")
    page.wait_for_function("() => !location.search.includes('%3Cb')")
    assert regions_in(page.url) == ["knee", "neck"]


def test_the_visit_summary_carries_both_areas_the_ticks_the_note_and_a_qr_code_of_them(
    page: Page, kiosk_server: Server
):
    open_app(page, f"{kiosk_server.url}/?region=neck&region=calf:right")
    page.locator("[data-testid=stExpander] summary").click()
    page.get_by_text("Drink water so you stay hydrated.").click()
    note = page.get_by_label("A short note for the sheet")
    note.fill("Ice for ten minutes tonight.")
    note.press("Control+Enter")
    wait_for_app(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the visit summary (PDF)").click()
    raw = download_info.value.path().read_bytes()
    wait_for_app(page)
    # The note and the ticks went with the sheet: the next patient's starts empty.
    expect(page.get_by_label("A short note for the sheet")).to_have_value("")
    reader = PdfReader(io.BytesIO(raw))
    assert len(reader.pages) == 1
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for wanted in ("Neck:", "Right calf:", "Ice for ten minutes tonight.", "Ticked:"):
        assert wanted in text, wanted
    image = pdfium.PdfDocument(raw)[0].render(scale=2).to_pil()
    ARTIFACTS.mkdir(exist_ok=True)
    image.save(ARTIFACTS / "visit-summary.png")
    (code,) = [c.text for c in zxingcpp.read_barcodes(image)]
    assert code == f"{BASE}/?region=neck&region=calf%3Aright"


def test_kiosk_take_this_home_shows_a_code_of_the_areas_and_the_idle_reset_clears_it(page: Page, kiosk_server: Server):
    open_app(page, f"{kiosk_server.url}/?mode=kiosk")
    button = page.get_by_role("button", name="Take this home")
    expect(button).to_be_disabled()  # nothing chosen yet
    choose_neck_and_right_calf(page)
    press_region(page, "knee", side="left")
    wait_for_app(page)
    button.click()
    wait_for_app(page)
    code = page.locator(".st-key-take_home_code .dn-qr-code")
    expect(code).to_be_visible()
    shot = code.screenshot()
    (found,) = [c.text for c in zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))]
    assert found == f"{BASE}/?region=neck&region=calf%3Aright&region=knee%3Aleft"
    # The idle reset: a new session, nothing of this visitor left.
    page.wait_for_url(re.compile(r"/\?mode=kiosk$"), timeout=(IDLE_SECONDS + 40) * 1000)
    wait_for_app(page)
    page.locator("[data-testid=body-map]").first.wait_for()
    assert page.evaluate("document.documentElement.dataset.dnRegion") is None
    expect(page.locator(".dn-qr-code")).to_have_count(0)
    expect(page.get_by_role("button", name="Choose several areas")).to_have_attribute("aria-pressed", "false")
    expect(page.get_by_role("button", name="Take this home")).to_be_disabled()


def test_no_take_this_home_where_the_address_is_this_computers_own(page: Page, server: Server):
    open_app(page, f"{server.url}/?mode=kiosk&region=neck")  # EXPLORER_BASE_URL not set: localhost
    expect(page.locator(".st-key-region_panel h2").first).to_have_text("Neck")
    expect(page.get_by_role("button", name="Take this home")).to_have_count(0)


@pytest.mark.parametrize("mode", ["explore", "kiosk"])
def test_axe_finds_nothing_with_several_areas_chosen(page: Page, kiosk_server: Server, mode: str):
    open_app(page, f"{kiosk_server.url}/?mode={mode}&region=neck&region=calf:right&region=knee")
    expect(page.locator(".st-key-region_panel h2").first).to_have_text("Neck, Right calf, Knee")
    page.get_by_role("button", name="Choose several areas").click()
    if mode == "kiosk":
        page.get_by_role("button", name="Take this home").click()
        wait_for_app(page)
    else:
        page.locator("[data-testid=stExpander] summary").click()
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
