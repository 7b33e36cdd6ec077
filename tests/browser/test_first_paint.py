"""The first paint in real Chromium: no page jumps as it loads, in any mode, and it is shown even when
our code never runs. Lighthouse's desktop screen (1350 x 940), where the page once jumped by 0.38."""

from __future__ import annotations

import gzip
import re
import urllib.request

import pytest
from playwright.sync_api import Browser, Page, expect

from dn_explorer.modes import Mode
from tests.support.browser import LAYOUT_SHIFTS, Server, layout_shift, press_region, wait_for_app

pytestmark = pytest.mark.browser

PAGES = ("", "About_dry_needling", "Pictures", "Sources")
GOOD_CLS = 0.1
"""Web Vitals' "good" layout shift."""
MAIN = "[data-testid=stMainBlockContainer]"


@pytest.fixture
def desktop(browser: Browser):
    context = browser.new_context(viewport={"width": 1350, "height": 940})
    context.add_init_script(LAYOUT_SHIFTS)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.mark.parametrize("mode", list(Mode))
@pytest.mark.parametrize("page_path", PAGES)
def test_no_page_jumps_as_it_loads(desktop: Page, server: Server, page_path: str, mode: Mode) -> None:
    desktop.goto(f"{server.url}/{page_path}?mode={mode.value}")
    wait_for_app(desktop)
    desktop.wait_for_selector("html[data-dn-ready]", state="attached", timeout=15_000)
    desktop.wait_for_timeout(800)  # late arrivals (voices, fonts) would move it now
    assert layout_shift(desktop) <= GOOD_CLS
    expect(desktop.locator(MAIN)).to_have_css("content-visibility", "visible")


def test_the_page_shows_even_when_our_code_never_runs(desktop: Page, server: Server) -> None:
    # No component code at all: the shell that says "drawn" never runs; the style sheet's own timer shows the page.
    desktop.route("**/static/js/BidiComponent.*.js", lambda route: route.abort())
    desktop.goto(f"{server.url}/About_dry_needling?mode=kiosk")
    wait_for_app(desktop)
    assert desktop.evaluate("'dnReady' in document.documentElement.dataset") is False
    expect(desktop.locator(MAIN)).to_have_css("content-visibility", "visible", timeout=10_000)
    expect(desktop.locator("h1").first).to_be_visible()


def test_a_tap_after_the_first_paint_never_hides_the_page(desktop: Page, server: Server) -> None:
    desktop.goto(f"{server.url}/?mode=kiosk")
    wait_for_app(desktop)
    desktop.wait_for_selector("html[data-dn-ready]", state="attached", timeout=15_000)
    # Every frame from here on: was the main area hidden? (A rerun runs the script again: the
    # style sheet alone would hide the page while it runs; shell.js's latch must keep it shown.)
    desktop.evaluate("""() => {
      window.__dnFrames = 0; window.__dnHidden = 0;
      const main = document.querySelector('[data-testid=stMainBlockContainer]');
      const look = () => {
        window.__dnFrames++;
        if (getComputedStyle(main).contentVisibility !== 'visible') window.__dnHidden++;
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    }""")
    for region, side in (("knee", "right"), ("neck", None)):
        press_region(desktop, region, side=side)
        expect(desktop.locator(".dn-view h2").first).to_contain_text(re.compile(region, re.IGNORECASE))
        wait_for_app(desktop)
    desktop.get_by_role("link", name="About dry needling").first.click()
    wait_for_app(desktop)
    desktop.wait_for_timeout(300)
    assert desktop.evaluate("window.__dnFrames") > 10
    assert desktop.evaluate("window.__dnHidden") == 0


@pytest.mark.parametrize(("query", "mode"), [("", "explore"), ("?mode=kiosk", "kiosk"), ("?mode=present", "present")])
def test_each_page_is_served_with_its_mode_and_style_sheet(server: Server, query: str, mode: str) -> None:
    request = urllib.request.Request(f"{server.url}/Sources{query}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        page = response.read().decode()
    assert re.search(rf'<html[^>]* data-dn-mode="{mode}"', page)
    assert page.index('<style id="dn-page-style">') < page.index("</body>")


def test_streamlit_s_own_javascript_goes_out_gzipped(server: Server) -> None:
    with urllib.request.urlopen(server.url, timeout=10) as response:
        page = response.read().decode()
    script = page.split('<script type="module" crossorigin src="./', 1)[1].split('"', 1)[0]
    request = urllib.request.Request(f"{server.url}/{script}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert "immutable" in response.headers["Cache-Control"]
        body = gzip.decompress(response.read())
    plain = urllib.request.urlopen(f"{server.url}/{script}", timeout=10).read()
    assert body == plain
    assert len(plain) > 100_000
