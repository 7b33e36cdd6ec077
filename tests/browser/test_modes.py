"""Each mode in real Chromium: kiosk idle reset and touch targets, present-mode keys, therapist tools."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from dn_explorer.paths import CONTENT_FILE
from dn_explorer.regions import REGION_ORDER
from tests.support.browser import ARTIFACTS, Server, open_app, press_region, wait_for_app

pytestmark = pytest.mark.browser

TAB_COUNT = 6
"""Can it help?, What to expect, How will it feel?, Feeling sore, After your visit, How many visits?"""

IDLE_SECONDS = 4


@pytest.fixture(scope="module")
def kiosk_server() -> Iterator[Server]:
    running = Server(env={"EXPLORER_IDLE_SECONDS": str(IDLE_SECONDS)}).start()
    yield running
    running.stop()


def view_heading(page: Page):
    return page.get_by_role("heading", level=2).first


def test_kiosk_idle_warning_then_a_clean_start(page: Page, kiosk_server: Server):
    open_app(page, f"{kiosk_server.url}/?mode=kiosk")
    steps = page.evaluate("history.length")
    press_region(page, "knee")
    wait_for_app(page)
    press_region(page, "neck")
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Neck")
    assert "region=neck" in page.url
    # The kiosk adds no step to the browser's history, so Back can never bring this visitor back.
    assert page.evaluate("history.length") == steps
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_be_visible(timeout=(IDLE_SECONDS + 5) * 1000)
    expect(dialog).to_contain_text("Are you still there?")
    seconds = int(page.locator(".dn-idle-seconds").inner_text())
    assert 15 <= seconds <= 20
    page.screenshot(path=ARTIFACTS / "kiosk-idle-warning-1920.png")
    # One touch keeps the visitor's screen.
    page.get_by_role("button", name="I'm still here").click()
    expect(dialog).to_be_hidden()
    expect(view_heading(page)).to_have_text("Neck")
    # Then nobody touches it: warning, countdown, and a fresh start.
    expect(dialog).to_be_visible(timeout=(IDLE_SECONDS + 5) * 1000)
    page.wait_for_url(re.compile(r"/\?mode=kiosk$"), timeout=30_000)
    wait_for_app(page)
    page.locator("[data-testid=body-map]").wait_for()
    expect(view_heading(page)).to_have_text("Touch a part of the body")
    assert page.locator("[data-region][aria-pressed=true]").count() == 0
    assert "region=" not in page.url
    page.screenshot(path=ARTIFACTS / "kiosk-start-1920.png")
    assert page.evaluate("history.length") == steps  # the reset replaced the visitor's step too


def test_kiosk_targets_are_at_least_44px_and_no_toolbar(page: Page, server: Server):
    open_app(page, f"{server.url}/?mode=kiosk")
    page.wait_for_function("document.documentElement.dataset.dnMode === 'kiosk'")
    assert page.locator("[data-testid=stToolbar]").is_hidden()
    assert page.locator("input, textarea").count() == 0
    sizes = page.evaluate(
        """() => {
          const found = [];
          const walk = (root) => {
            root.querySelectorAll("button, a[href], [role=button], input").forEach((el) => {
              const r = el.getBoundingClientRect();
              const name = el.getAttribute("aria-label") || el.textContent.trim().slice(0, 30);
              if (r.width > 0 && r.height > 0) found.push([name, r.width, r.height]);
            });
            root.querySelectorAll("*").forEach((el) => el.shadowRoot && walk(el.shadowRoot));
          };
          walk(document);
          return found;
        }"""
    )
    small = [s for s in sizes if s[1] < 44 or s[2] < 44]
    assert sizes
    assert not small, small
    user_select = page.evaluate("getComputedStyle(document.documentElement).userSelect")
    assert user_select == "none"


def test_text_size_control_scales_the_view(page: Page, server: Server):
    open_app(page, f"{server.url}/?mode=kiosk&region=neck")
    page.wait_for_function("document.documentElement.dataset.dnScale === '100'")
    before = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    for _ in range(4):
        page.get_by_role("button", name="A+").click()
        wait_for_app(page)
    page.wait_for_function("document.documentElement.dataset.dnScale === '200'")
    after = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert after == pytest.approx(before * 2, rel=0.01)
    page.screenshot(path=ARTIFACTS / "kiosk-text-200-1920.png")


def test_present_mode_arrow_keys_step_the_tour(page: Page, server: Server):
    open_app(page, f"{server.url}/?mode=present")
    page.keyboard.press("ArrowRight")
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Head")
    page.keyboard.press("ArrowRight")
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Jaw")
    page.keyboard.press("ArrowLeft")
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Head")
    page.get_by_role("button", name="Next").click()
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Jaw")
    page.screenshot(path=ARTIFACTS / "present-jaw-1920.png")


def test_therapist_finds_a_condition_and_downloads_the_handout(page: Page, server: Server):
    open_app(page, server.url)
    box = page.get_by_label("Find a condition")
    box.fill("carpal tunel")
    box.press("Enter")
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Wrist and hand")
    expect(page.locator("[data-region=wrist-hand]").first).to_have_attribute("aria-pressed", "true")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the visit summary (PDF)").click()
    download = download_info.value
    assert re.fullmatch(r"dry-needling-visit-\d{4}-\d\d-\d\d\.pdf", download.suggested_filename)
    assert download.path().read_bytes().startswith(b"%PDF")


def test_enter_repeats_a_search_and_leaving_the_box_sends_new_text_once(page: Page, server: Server):
    open_app(page, server.url)
    sent = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(frame)))
    page.reload()
    wait_for_app(page)
    box = page.get_by_label("Find a condition")
    box.fill("tennis elbow")
    box.press("Enter")
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Elbow")
    press_region(page, "knee")
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Right knee")
    before = len(sent)
    box.press("Enter")  # the same text again: a therapist going back to it
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Elbow")
    assert len(sent) == before + 1, "Enter sends the search once"
    box.fill("jaw")
    page.get_by_role("heading", level=1).click()  # leaving the box with new text searches too
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Jaw")
    assert len(sent) == before + 2, "leaving the box sends its new text once"


def test_kiosk_mode_survives_page_links_and_a_reload(page: Page, server: Server):
    open_app(page, f"{server.url}/?mode=kiosk")
    page.get_by_role("link", name="About dry needling").first.click()
    wait_for_app(page)
    assert "mode=kiosk" in page.url
    page.reload()
    wait_for_app(page)
    page.wait_for_function("document.documentElement.dataset.dnMode === 'kiosk'")
    page.get_by_role("link", name="Body map").first.click()
    wait_for_app(page)
    assert page.locator("input").count() == 0  # still no search box: still the kiosk


def test_untouched_kiosk_start_screen_does_not_reset_itself(page: Page, kiosk_server: Server):
    open_app(page, f"{kiosk_server.url}/?mode=kiosk")
    page.wait_for_timeout((IDLE_SECONDS + 2) * 1000)
    assert page.get_by_role("alertdialog").is_hidden()


def test_touching_the_backdrop_counts_as_still_here(page: Page, kiosk_server: Server):
    open_app(page, f"{kiosk_server.url}/?mode=kiosk")
    press_region(page, "hip")
    wait_for_app(page)
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_be_visible(timeout=(IDLE_SECONDS + 5) * 1000)
    page.mouse.click(20, 20)  # the dimmed page around the box
    expect(dialog).to_be_hidden()
    expect(view_heading(page)).to_have_text("Right hip")


@contextmanager
def neck_condition_page(browser: Browser, tmp_path, **fields: str) -> Iterator[tuple[Page, list[str]]]:
    """The neck page of a server whose content file has the neck condition's ``fields`` replaced,
    and the messages of any ``alert()`` a payload managed to run."""
    content = yaml.safe_load(CONTENT_FILE.read_text(encoding="utf-8"))
    next(c for c in content["conditions"] if c["id"] == "neck-pain").update(fields)
    path = tmp_path / "conditions.yaml"
    path.write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    hostile = Server(env={"EXPLORER_CONTENT_FILE": str(path)}).start()
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        open_app(page, f"{hostile.url}/?region=neck")
        yield page, dialogs
    finally:
        context.close()
        hostile.stop()


def test_an_address_in_content_text_is_not_a_link(browser: Browser, tmp_path):
    text = "Read more at https://198.51.100.7/x or www.example.com, or mail me@example.com."
    with neck_condition_page(browser, tmp_path, text=text) as (page, _dialogs):
        expect(page.get_by_text("198.51.100.7", exact=False).first).to_be_visible()
        links = page.locator("[data-testid=stMain] a[href]").evaluate_all("els => els.map(e => e.href)")
        assert not [href for href in links if "198.51.100.7" in href or "example.com" in href], links


def test_present_tour_keeps_the_open_tab_and_the_tabs_own_their_arrow_keys(page: Page, server: Server):
    open_app(page, f"{server.url}/?mode=present&region=neck")
    page.get_by_role("tab", name="After your visit").click()
    # On a tab, the arrow keys move between tabs (WAI-ARIA tabs) and do not step the tour.
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("tab", name="How many visits?")).to_be_focused()
    expect(page.get_by_role("tab", name="How many visits?")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tabpanel")).to_have_count(1)
    expect(view_heading(page)).to_have_text("Neck")
    # The tour steps on; the presenter's tab stays open.
    page.get_by_role("button", name="Next").click()
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Shoulder")
    expect(page.get_by_role("tab", name="How many visits?")).to_have_attribute("aria-selected", "true")
    # Elsewhere on the page the arrow keys step the tour, as before.
    page.locator("h1").first.click()
    page.keyboard.press("ArrowRight")
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Arm")


VIEW_BOTTOM = """() => {
  // Streamlit scrolls its main area, not the window: back to the top, as a new visitor sees it.
  document.querySelectorAll("[data-testid=stMain], [data-testid=stAppViewContainer]").forEach((e) => e.scrollTo(0, 0));
  window.scrollTo(0, 0);
  return document.querySelector(".dn-view").getBoundingClientRect().bottom;
}"""
"""Where the region view ends on the first screen of the page."""


def test_kiosk_every_region_and_tab_fits_one_1920x1080_screen(page: Page, server: Server, content):
    """At 100 % text a patient never scrolls to read a tab (issue: kiosk views that fit one screen)."""
    open_app(page, f"{server.url}/?mode=kiosk")
    too_tall = []
    if page.evaluate(VIEW_BOTTOM) > 1080:
        too_tall.append(f"start view: {page.evaluate(VIEW_BOTTOM):.0f} px")
    for region in REGION_ORDER:
        page.locator(f"[data-list-region={region.value}]").click()
        expect(view_heading(page)).to_have_text(content.region_label(region))
        tabs = page.get_by_role("tab")
        expect(tabs).to_have_count(TAB_COUNT)
        for i in range(tabs.count()):
            tabs.nth(i).click()
            bottom = page.evaluate(VIEW_BOTTOM)
            if bottom > 1080:
                too_tall.append(f"{region.value} / {tabs.nth(i).text_content()}: {bottom:.0f} px")
    page.screenshot(path=ARTIFACTS / "kiosk-last-tab-1920.png")
    assert not too_tall, too_tall


def test_kiosk_tabs_open_on_can_it_help_for_each_new_area(page: Page, server: Server):
    open_app(page, f"{server.url}/?mode=kiosk&region=neck")
    page.get_by_role("tab", name="How will it feel?").click()
    expect(page.get_by_role("tabpanel")).to_contain_text("twitch")
    page.locator("[data-list-region=calf]").click()
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Calf")
    expect(page.get_by_role("tab", name="Can it help?")).to_have_attribute("aria-selected", "true")


def test_markup_in_content_text_shows_as_text_in_the_region_view(browser: Browser, tmp_path):
    name = "<img src=x onerror=alert(1)>Neck pain"
    text = "<b>Bold?</b> <script>alert(2)</script> [link](javascript:alert(3))"
    with neck_condition_page(browser, tmp_path, name=name, text=text) as (page, dialogs):
        view = page.locator(".dn-view")
        expect(view).to_contain_text(name)
        expect(view).to_contain_text(text)
        assert view.locator("img, b, script, a").count() == 0
        assert dialogs == []
