"""The body map in real headless Chromium: tap, keyboard, deep links, and no outside requests."""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from dn_explorer.modes import Mode
from dn_explorer.region_panel import general_tabs, panels_payload
from dn_explorer.regions import RegionId
from tests.support.app import atoms, view_parts
from tests.support.browser import ARTIFACTS, INSIDE_POINT, open_app, press_region, wait_for_app

pytestmark = pytest.mark.browser

DEEP_ACTIVE_REGION = """() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el ? el.getAttribute("data-region") : null;
}"""


def view_heading(page: Page):
    return page.get_by_role("heading", level=2).first


def test_tapping_the_neck_shows_neck_conditions(page: Page, server, content):
    open_app(page, server.url)
    press_region(page, "neck")
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Neck")
    for condition in content.conditions_for(RegionId.NECK):
        expect(page.get_by_text(condition.name, exact=True).first).to_be_visible()
    expect(page.locator("[data-region=neck]").first).to_have_attribute("aria-pressed", "true")
    assert "region=neck" in page.url
    page.screenshot(path=ARTIFACTS / "neck-1920.png", full_page=False)


def test_touch_tap_selects_a_region(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        open_app(page, server.url)
        press_region(page, "calf", tap=True)
        wait_for_app(page)
        expect(view_heading(page)).to_have_text("Left calf")  # the back view's left calf: your left
        page.screenshot(path=ARTIFACTS / "calf-390.png", full_page=True)
    finally:
        context.close()


def test_a_link_to_an_area_opened_on_a_phone_shows_the_area(browser, server):
    """The visit summary's link and the kiosk's QR code open on a phone, where the view is under the
    map and the list: the area's heading is brought into sight."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        open_app(page, f"{server.url}/?region=knee:right")
        heading = view_heading(page)
        expect(heading).to_have_text("Right knee")
        expect(heading).to_be_in_viewport()
        page.screenshot(path=ARTIFACTS / "link-knee-390.png")
    finally:
        context.close()


def test_keyboard_tab_and_enter_select_a_region(page: Page, server):
    open_app(page, server.url)
    reached = None
    for _ in range(40):
        page.keyboard.press("Tab")
        reached = page.evaluate(DEEP_ACTIVE_REGION)
        if reached:
            break
    assert reached == "head", "the first region Tab reaches should be the head"
    page.keyboard.press("Tab")
    assert page.evaluate(DEEP_ACTIVE_REGION) == "jaw"
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Jaw")
    page.keyboard.press("Tab")
    assert page.evaluate(DEEP_ACTIVE_REGION) == "neck"
    page.keyboard.press(" ")
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Neck")


def test_deep_link_both_ways(page: Page, server):
    open_app(page, f"{server.url}/?region=calf")
    expect(view_heading(page)).to_have_text("Calf")
    expect(page.locator("[data-region=calf]").first).to_have_attribute("aria-pressed", "true")
    press_region(page, "knee")
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Right knee")  # the front view's left knee: your right
    expect(page).to_have_url(f"{server.url}/?region=knee%3Aright")


def test_list_and_map_stay_in_sync(page: Page, server):
    open_app(page, server.url)
    page.locator(".st-key-body_map [data-list-region=wrist-hand]").click()
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Wrist and hand")
    expect(page.locator("[data-region=wrist-hand]").first).to_have_attribute("aria-pressed", "true")
    press_region(page, "foot")
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Right foot")
    expect(page.locator("[data-region=wrist-hand]").first).to_have_attribute("aria-pressed", "false")


def test_a_tap_shows_its_region_before_the_server_answers(page: Page, server, content):
    """The region view follows the map in the browser; Python confirms afterwards (the list, the address)."""
    open_app(page, server.url)
    press_region(page, "elbow")
    wait_for_app(page)
    # Mute the page's websocket: from here the server hears nothing.
    page.evaluate("() => { window.__send = WebSocket.prototype.send; WebSocket.prototype.send = () => {}; }")
    press_region(page, "knee")
    expect(view_heading(page)).to_have_text("Right knee")
    for condition in content.conditions_for(RegionId.KNEE):
        expect(page.get_by_text(condition.name, exact=True).first).to_be_visible()
    expect(page.locator("[data-region=knee]").first).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".bm-status")).to_have_text("Showing: Right knee")
    expect(page.locator(".st-key-body_map [data-list-region=knee]")).to_have_attribute("aria-pressed", "true")
    assert "region=elbow" in page.url  # Python never heard of the tap
    # Unmuted, the next tap reaches Python as usual.
    page.evaluate("() => { WebSocket.prototype.send = window.__send; }")
    press_region(page, "calf")
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Left calf")
    expect(page).to_have_url(f"{server.url}/?region=calf%3Aleft")
    # The visit summary is Python's: it follows the tap Python heard, and there is one button.
    button = page.get_by_role("button", name="Download the visit summary (PDF)")
    expect(button).to_have_count(1)
    with page.expect_download() as download:
        button.click()
    text = " ".join(p.extract_text() for p in PdfReader(download.value.path()).pages)
    assert "Left calf:" in text
    assert "Right knee" not in text


def test_hostile_deep_link_is_ignored(page: Page, server):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_app(page, f"{server.url}/?region=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    expect(view_heading(page)).to_have_text("Touch a part of the body")
    assert page.locator("img[src=x]").count() == 0
    assert dialogs == []
    assert "region=" not in page.url


def test_no_request_leaves_the_machine(page: Page, server):
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname or request.url.split(":")[0]))
    open_app(page, server.url)
    press_region(page, "shoulder")
    wait_for_app(page)
    for link in ("About dry needling", "Sources"):
        page.get_by_role("link", name=link).first.click()
        wait_for_app(page)
    page.wait_for_timeout(500)
    assert hosts <= {"127.0.0.1", "localhost", "data", "blob"}, hosts


@pytest.mark.parametrize(
    ("query", "region", "mode"),
    [
        ("/?region=elbow", RegionId.ELBOW, Mode.EXPLORE),
        ("/", None, Mode.EXPLORE),
        ("/?mode=kiosk", None, Mode.KIOSK),
        ("/?mode=kiosk&region=chest", RegionId.CHEST, Mode.KIOSK),
        ("/?mode=present&region=hamstring", RegionId.HAMSTRING, Mode.PRESENT),
    ],
)
def test_the_region_view_draws_every_statement_with_its_sources(
    page: Page, server, content, clinic, query, region, mode
):
    """What region_view.js draws, in the browser, against the records Python sends: every statement,
    its sources (and whose own claim it is), each word explanation, the 'ask your therapist' notice."""
    open_app(page, f"{server.url}{query}")
    sent = json.loads(json.dumps(panels_payload(content, mode, clinic)))
    always, tabs = view_parts(sent, region.value if region else "")
    if region is not None:  # "Can it help?" and the general tabs, in every mode
        expect(page.get_by_role("tab")).to_have_count(len(tabs))  # Can it help?, What to expect, the general tabs
        assert len(tabs) == 2 + len(general_tabs(content))
    for tab in tabs or [None]:
        if tab is not None:
            page.get_by_role("tab", name=tab[0], exact=True).click()
        # What is in sight: everything but the tab list and the hidden tabs.
        shown = page.locator(".dn-view").evaluate(
            """(root) => [...root.children]
                 .filter((c) => !c.hidden && c.getAttribute("role") !== "tablist")
                 .map((c) => c.textContent).join("")"""
        )
        position = 0
        for atom in atoms(always + (tab[1:] if tab else [])):
            found = shown.find(atom, position)
            assert found >= 0, f"not shown (or out of order): {atom!r}"
            position = found + len(atom)


def test_two_quick_taps_end_on_the_second_without_flashing_back(page: Page, server):
    open_app(page, server.url)
    page.evaluate("""() => {
      window.__headings = [];
      new MutationObserver(() => {
        const h = document.querySelector(".dn-view h2");
        const text = h ? h.textContent : "";
        if (window.__headings[window.__headings.length - 1] !== text) window.__headings.push(text);
      }).observe(document.querySelector(".dn-view"), {childList: true, subtree: true});
    }""")
    # Both points first, then two clicks back to back: the second comes before Python answers the first.
    knee, neck = (page.locator(f"[data-region={r}]").first.evaluate(INSIDE_POINT) for r in ("knee", "neck"))
    page.mouse.click(knee["x"], knee["y"])
    page.mouse.click(neck["x"], neck["y"])
    wait_for_app(page)
    page.wait_for_timeout(500)
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Neck")
    expect(page).to_have_url(f"{server.url}/?region=neck")
    headings = page.evaluate("window.__headings")
    assert headings[-1] == "Neck", headings
    assert "Knee" not in headings[headings.index("Neck") :], headings


def test_the_first_tap_after_coming_back_from_another_page_counts(page: Page, server):
    """A page change mounts a new selection bridge in the same session: its first tap must not carry a
    number Python has already taken (it would be ignored, and Python's old choice put back)."""
    open_app(page, server.url)
    press_region(page, "neck")
    wait_for_app(page)
    page.get_by_role("link", name="Pictures").first.click()
    wait_for_app(page)
    page.get_by_role("link", name="Body map").first.click()
    wait_for_app(page)
    page.locator("[data-testid=body-map]").first.wait_for()
    expect(view_heading(page)).to_have_text("Neck")
    page.locator(".st-key-body_map [data-list-region=jaw]").click()
    wait_for_app(page)
    page.wait_for_timeout(3500)  # past the bridge's 3 s hold on an unanswered tap
    expect(view_heading(page)).to_have_text("Jaw")
    expect(page).to_have_url(re.compile(r"region=jaw$"))


SWAP_IN = """async (button) => {
  // Counts the elements a tap makes, up to the moment its view is on the page (the map's
  // handler and the view's observer both run before the next task).
  let made = 0;
  const make = document.createElement;
  document.createElement = function (...args) { made += 1; return make.apply(this, args); };
  try {
    button.click();
    await Promise.resolve();
    await Promise.resolve();
  } finally {
    document.createElement = make;
  }
  return {made, heading: document.querySelector(".dn-view h2").textContent};
}"""


def test_a_tap_swaps_in_a_view_built_ahead_that_opens_as_new(page: Page, server):
    """After the first view, every area's view is built in idle time, so a tap only swaps nodes in;
    a view shown again opens as a new one does: on its first tab, with its citations closed."""
    open_app(page, f"{server.url}/?mode=kiosk")
    expect(page.locator(".dn-view[data-built-ahead]")).to_be_attached(timeout=15_000)
    tapped = page.locator(".st-key-body_map [data-list-region=neck]").evaluate(SWAP_IN)  # one side: no side buttons
    assert tapped["heading"] == "Neck"
    assert tapped["made"] < 5, tapped  # building it now would make dozens
    wait_for_app(page)
    page.get_by_role("tab", name="How will it feel?").click()
    chip = page.locator(".dn-view .dn-cite").first
    chip.click()
    expect(chip).to_have_attribute("aria-expanded", "true")
    page.locator("[data-list-region=calf]").click()
    expect(view_heading(page)).to_have_text("Calf")
    page.locator("[data-list-region=neck]").click()
    expect(view_heading(page)).to_have_text("Neck")
    expect(page.get_by_role("tab", name="Can it help?")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tabpanel")).to_have_count(1)
    expect(page.locator('.dn-view .dn-cite[aria-expanded="true"]')).to_have_count(0)
    expect(page.locator(".dn-view .dn-cite-names:visible")).to_have_count(0)
