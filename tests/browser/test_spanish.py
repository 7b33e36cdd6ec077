"""Español in real Chromium: switching on the kiosk, <html lang>, no English left, search, the handout, axe."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from dn_explorer.content import ContentIndex
from tests.support.browser import ARTIFACTS, Server, open_app, press_region, wait_for_app
from tests.support.words import ENGLISH, SPANISH

pytestmark = pytest.mark.browser

ENGLISH_ONLY = frozenset(
    {
        "the",
        "and",
        "your",
        "you",
        "with",
        "what",
        "how",
        "may",
        "help",
        "pain",
        "sources",
        "safe",
        "care",
        "listen",
        "slower",
        "body",
        "map",
        "front",
        "back",
        "left",
        "right",
        "touch",
        "area",
        "areas",
        "choose",
        "list",
        "after",
        "visit",
        "visits",
        "feel",
        "sore",
        "treatment",
        "needle",
        "needles",
        "therapist",
        "practitioner",
        "smaller",
        "bigger",
        "text",
        "size",
        "pictures",
        "about",
        "showing",
    }
)
"""Common English words that are not Spanish words: none may be left on a Spanish view."""

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}
}


def english_left(text: str, content: ContentIndex) -> set[str]:
    """English words in ``text`` once the documents' own names (clinics, titles, publishers) are taken out."""
    names = {n for s in content.content.sources for n in (s.short, s.title, s.publisher)}
    for name in sorted(names, key=len, reverse=True):  # longest first: a title holds a short name
        text = text.replace(name, " ")
    # Icon names ("keyboard_arrow_right", drawn by an icon font) are not words anyone reads.
    words = (w for w in re.findall(r"[a-z_]+", text.lower()) if "_" not in w)
    return {w for w in words if w in ENGLISH_ONLY}


def language_button(page: Page, words) -> object:
    return page.get_by_role("button", name=words.ui.switch_to)


def test_kiosk_switches_to_spanish_and_back(page: Page, server: Server):
    open_app(page, f"{server.url}/?mode=kiosk")
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(language_button(page, SPANISH)).to_have_attribute("lang", "es")  # said in Spanish (WCAG 3.1.2)
    language_button(page, SPANISH).click()
    wait_for_app(page)
    page.wait_for_function("document.documentElement.lang === 'es'")
    expect(page.locator(".dn-view h2")).to_have_text(SPANISH.start_heading)
    press_region(page, "calf", tap=False)  # the back view's left calf: the patient's left
    expect(page.locator(".dn-view h2")).to_have_text("Pantorrilla (lado izquierdo)")
    expect(page.locator(".bm-status").first).to_have_text(
        SPANISH.ui.showing.format(area="Pantorrilla (lado izquierdo)")
    )
    assert "lang=es" in page.url
    page.screenshot(path=ARTIFACTS / "kiosk-spanish-calf-1920.png")
    language_button(page, ENGLISH).click()
    wait_for_app(page)
    page.wait_for_function("document.documentElement.lang === 'en'")
    expect(page.locator(".dn-view h2")).to_have_text("Left calf")
    assert "lang=" not in page.url


SPANISH_VIEWS = [
    "/?mode=kiosk&lang=es&region=calf",
    "/?lang=es&region=elbow",
    "/About_dry_needling?lang=es",
    "/Pictures?lang=es",
    "/Sources?lang=es",
]


@pytest.mark.parametrize("path", SPANISH_VIEWS)
def test_no_english_is_left_on_a_spanish_view(page: Page, server: Server, content: ContentIndex, path: str):
    page.goto(f"{server.url}{path}")
    wait_for_app(page)
    page.locator("h1").first.wait_for()
    page.wait_for_function("document.documentElement.lang === 'es'")
    # The figures put their own words in once their code has run (each label keeps its English as data).
    page.wait_for_function("[...document.querySelectorAll('.bm-label')].every((l) => l.dataset.label)")
    if "Pictures" in path:
        expect(page.locator(".js-plotly-plot")).to_have_count(1, timeout=30_000)
    tabs = page.get_by_role("tab")
    texts = [page.locator("[data-testid=stMain]").inner_text()]
    for i in range(tabs.count()):
        tabs.nth(i).click()
        texts.append(page.locator(".dn-view").inner_text())
    left = english_left("\n".join(texts).replace(SPANISH.ui.switch_to, "").replace(ENGLISH.ui.switch_to, ""), content)
    assert not left, f"English words on {path}: {sorted(left)}"


@pytest.mark.parametrize(
    "path", ["/?mode=kiosk&lang=es&region=hamstring", "/Pictures?lang=es", "/About_dry_needling?lang=es"]
)
def test_axe_finds_no_violations_in_spanish(page: Page, server: Server, path: str):
    page.goto(f"{server.url}{path}")
    wait_for_app(page)
    page.locator("h1").first.wait_for()
    page.wait_for_function("document.documentElement.lang === 'es'")
    axe = Axe()
    tabs = page.get_by_role("tab")
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    for i in range(tabs.count()):
        tabs.nth(i).click()
        violations += axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, [v["id"] for v in violations]


def test_search_and_the_handout_in_spanish(page: Page, server: Server):
    open_app(page, f"{server.url}/?lang=es")
    box = page.get_by_label(SPANISH.ui.find_label)
    box.fill("ciatica")  # no accent: still found
    box.press("Enter")
    wait_for_app(page)
    expect(page.locator(".dn-view h2")).to_have_text("Parte de atrás del muslo")  # sciatica's own area
    with page.expect_download() as download_info:
        page.get_by_role("button", name=SPANISH.handout.download).click()
    pdf = PdfReader(io.BytesIO(download_info.value.path().read_bytes()))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert SPANISH.handout.title in text
    assert "Parte de atrás del muslo:" in text
    for accented in ("¿", "é", "ó", "í"):  # ("ñ": the unit test of the Spanish sheet, with a note)
        assert accented in text, accented
    assert "lang=es" in text  # the QR code's address, printed under it, keeps the language


@pytest.fixture
def spanish_browser_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="es-ES")
    yield context.new_page()
    context.close()


def test_the_browsers_language_is_the_default_and_is_kept_across_pages(spanish_browser_page: Page, server: Server):
    page = spanish_browser_page
    open_app(page, f"{server.url}/")
    page.wait_for_function("document.documentElement.lang === 'es'")
    expect(page.locator(".dn-view h2")).to_have_text(SPANISH.start_heading)
    page.get_by_role("link", name=SPANISH.pictures.title).click()
    page.get_by_role("heading", name=SPANISH.pictures.heat_heading).wait_for()
    assert page.evaluate("document.documentElement.lang") == "es"


@pytest.fixture(scope="module")
def kiosk_server() -> Iterator[Server]:
    running = Server(env={"EXPLORER_IDLE_SECONDS": "5"}).start()
    yield running
    running.stop()


def test_the_kiosks_idle_reset_returns_to_its_default_language(page: Page, kiosk_server: Server):
    open_app(page, f"{kiosk_server.url}/?mode=kiosk")
    language_button(page, SPANISH).click()
    wait_for_app(page)
    page.wait_for_function("document.documentElement.lang === 'es'")
    press_region(page, "knee")
    page.locator(".dn-idle").wait_for(state="visible", timeout=15_000)
    expect(page.locator(".dn-idle h2")).to_have_text(SPANISH.ui.idle_title)
    expect(page.locator(".dn-idle-stay")).to_have_text(SPANISH.ui.idle_stay)
    page.wait_for_url(re.compile(r".*/\?mode=kiosk$"), timeout=40_000)
    open_app(page, page.url)
    page.wait_for_function("document.documentElement.lang === 'en'")
    expect(page.locator(".dn-view h2")).to_have_text(ENGLISH.start_heading)


def test_the_heat_map_redraws_once_in_the_new_language(page: Page, server: Server):
    page.goto(f"{server.url}/Pictures")
    wait_for_app(page)
    expect(page.locator(".hm-legend")).to_have_count(1, timeout=30_000)
    language_button(page, SPANISH).click()
    wait_for_app(page)
    page.wait_for_function("document.documentElement.lang === 'es'")
    expect(page.get_by_role("list", name=SPANISH.pictures.legend)).to_be_visible()
    expect(page.locator(".hm-legend")).to_have_count(1)
    expect(page.locator(".hm-open")).to_have_count(1)
    page.locator(".hm [data-region=neck][tabindex='0']").focus()
    expect(page.locator(".hm .bm-status")).to_have_text(SPANISH.pictures.count_one.format(area="Cuello"))
