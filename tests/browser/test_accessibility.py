"""Accessibility in real headless Chromium, WCAG 2.2 AA: an axe-core scan of every view, then what scanners miss.

axe-core comes bundled with ``axe-playwright-python`` (it works offline). It runs with the WCAG 2.0/2.1/2.2
A and AA tags plus best-practice; that tag list is what switches on the ``target-size`` rule. axe cannot
tell whether Tab reaches everything, whether a focus ring can be seen, or whether a page reflows, so
the other tests script those in the browser:

- Tab reaches every region in the list's top-to-bottom order; Enter and Space select, and focus stays put;
- the focus ring differs by at least 3:1 from what it covers (measured on pixels, on every Tab stop);
- every target is at least 24x24 CSS px (44x44 in kiosk mode);
- the region view reflows at 320 px, and kiosk mode at 200 % text, without horizontal scrolling;
- all text, SVG labels and placeholders have at least 4.5:1 contrast;
- a polite live region says "Showing: <region>" and the h2 changes; one h1 and no skipped heading level;
- each SVG view has a title; the chosen region differs in outline and label, not colour alone.

Measured numbers go to test-artifacts/accessibility.json and screenshots to test-artifacts/a11y-*.png.
"""

from __future__ import annotations

import collections
import io
import itertools
import json
import re
from collections.abc import Iterator

import numpy as np
import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from dn_explorer.body_map import load_body_map
from dn_explorer.paths import BODY_MAP_SVG
from dn_explorer.regions import REGION_ORDER
from tests.support.browser import ARTIFACTS, AXE_OPTIONS, Server, open_app, press_region, wait_for_app

pytestmark = pytest.mark.browser

TAB_COUNT = 6
"""Can it help?, What to expect, How will it feel?, Feeling sore, After your visit, How many visits?"""


# (name, address, what to wait for besides the app): start view, several region views, every page, each mode.
VIEWS = [
    ("start", "/", "map"),
    ("neck", "/?region=neck", "map"),
    ("elbow", "/?region=elbow", "map"),  # a word explained
    ("shin", "/?region=shin", "map"),  # no named problem: the info note
    ("about", "/About_dry_needling", "page"),
    ("pictures", "/Pictures", "charts"),
    ("sources", "/Sources", "page"),
    ("kiosk-start", "/?mode=kiosk", "map"),
    ("kiosk-calf", "/?mode=kiosk&region=calf", "map"),
    ("kiosk-about", "/About_dry_needling?mode=kiosk", "page"),
    ("present-start", "/?mode=present", "map"),
    ("present-jaw", "/?mode=present&region=jaw", "map"),
]

FOCUS_RING_MIN = 3.0
TEXT_MIN = 4.5

DEEP_ACTIVE = """() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el;
}"""

DESCRIBE = """(el) => {
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const inList = el.hasAttribute("data-list-region");
  const kind = el.hasAttribute("data-region") ? "region"
    : inList ? "list"
    : el.closest(".dn-nav") ? "nav"
    : el.tagName.toLowerCase();
  const name = el.getAttribute("data-region") || el.getAttribute("aria-label")
    || (el.innerText || el.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 40);
  return {kind, name, x: r.x, y: r.y, w: r.width, h: r.height};
}"""

# Every target a pointer can hit, in the page and in open shadow roots. An SVG region is measured per
# separate piece (a left and a right knee are two targets; an ear touching the head is part of it), and
# a piece's target includes the empty space around it that the map gives to it: a tap there, up to
# SLOP px away, chooses that region (body_map.js). Space that belongs to another region never counts.
TARGETS = """() => {
  const SLOP = 12;
  const found = [];
  const visible = (el, r) => r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
    && getComputedStyle(el).visibility !== "hidden";
  const margin = (surface, region, x, y, dx, dy) => {
    let free = 0;
    for (let d = 1; d <= SLOP; d++) {
      const hit = surface.elementFromPoint(x + dx * d, y + dy * d);
      const owner = hit && hit.closest("[data-region]");
      if (!hit || !hit.closest(".bm-view") || (owner && owner.dataset.region !== region)) break;
      free = d;
    }
    return free;
  };
  const walk = (root) => {
    root.querySelectorAll("button, a[href], input, select, textarea, summary, [role=button], [role=link], [tabindex]")
      .forEach((el) => {
        if (el.tagName === "MAIN" || el.hasAttribute("data-region")) return;
        const r = el.getBoundingClientRect();
        const name = el.getAttribute("aria-label") || el.innerText.trim().slice(0, 30) || el.tagName;
        if (visible(el, r)) found.push({name, w: r.width, h: r.height});
      });
    root.querySelectorAll("[data-region]").forEach((group) => {
      group.scrollIntoView({block: "center", behavior: "instant"});  // hit-testing needs it on screen
      const boxes = [...group.querySelectorAll("path, ellipse, rect, polygon, circle")]
        .map((s) => s.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({l: r.left, t: r.top, r: r.right, b: r.bottom}));
      const touch = (a, b) => a.l <= b.r + 1 && b.l <= a.r + 1 && a.t <= b.b + 1 && b.t <= a.b + 1;
      let merged = true;
      while (merged) {
        merged = false;
        for (let i = 0; i < boxes.length && !merged; i++) for (let j = i + 1; j < boxes.length && !merged; j++) {
          if (touch(boxes[i], boxes[j])) {
            const a = boxes[i], b = boxes.splice(j, 1)[0];
            boxes[i] = {l: Math.min(a.l, b.l), t: Math.min(a.t, b.t), r: Math.max(a.r, b.r), b: Math.max(a.b, b.b)};
            merged = true;
          }
        }
      }
      const view = group.closest("svg").classList.contains("bm-front") ? "front" : "back";
      const surface = group.getRootNode(), region = group.dataset.region;
      boxes.forEach((b) => {
        const cx = (b.l + b.r) / 2, cy = (b.t + b.b) / 2;
        const free = (x, y, dx, dy) => margin(surface, region, x, y, dx, dy);
        const w = b.r - b.l + free(b.l - 0.5, cy, -1, 0) + free(b.r + 0.5, cy, 1, 0);
        const h = b.b - b.t + free(cx, b.t - 0.5, 0, -1) + free(cx, b.b + 0.5, 0, 1);
        found.push({name: `${region} (${view})`, w, h, drawn: `${(b.r - b.l).toFixed(0)}x${(b.b - b.t).toFixed(0)}`});
      });
    });
    root.querySelectorAll("*").forEach((el) => el.shadowRoot && walk(el.shadowRoot));
  };
  walk(document);
  return found;
}"""

# The contrast of every visible piece of text against what is behind it (solid colours, composited with
# opacity), including SVG labels in the map's shadow root and input placeholders. Disabled controls are
# exempt (WCAG 1.4.3). Returns the lowest ratios first.
TEXT_CONTRAST = """() => {
  const parse = (c) => { const m = c.match(/[\\d.]+/g) || ["0", "0", "0", "0"];
    return [+m[0], +m[1], +m[2], m.length > 3 ? +m[3] : 1]; };
  const over = (top, bottom) => { const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat([1]); };
  const lum = (c) => { const ch = c.slice(0, 3).map((v) => { v /= 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]; };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const up = (el) => el.parentElement || (el.getRootNode() instanceof ShadowRoot ? el.getRootNode().host : null);
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = up(e)) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    return layers.reverse().reduce((acc, c) => over(c, acc), [255, 255, 255, 1]);
  };
  const opacity = (el) => { let o = 1; for (let e = el; e; e = up(e)) o *= +getComputedStyle(e).opacity; return o; };
  const results = [];
  const check = (el, colour, text) => {
    if (el.closest("[disabled], [aria-disabled=true], [hidden], [aria-hidden=true] svg text:not(.bm-label)")) return;
    const fg = parse(colour); fg[3] *= opacity(el);
    const bg = background(el);
    results.push({text: text.slice(0, 40), ratio: ratio(over(fg, bg), bg), fg: colour});
  };
  const walk = (root) => {
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = texts.nextNode(); n; n = texts.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent.trim() || ["STYLE", "SCRIPT", "NOSCRIPT", "TITLE"].includes(el.tagName)) continue;
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || !el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
      if (el.closest("[data-testid=stIconMaterial], .material-symbols-rounded")) continue;  // icon glyph names
      const style = getComputedStyle(el);
      check(el, el instanceof SVGElement ? style.fill : style.color, n.textContent.trim());
    }
    root.querySelectorAll("input[placeholder]").forEach((input) => {
      if (input.checkVisibility()) check(input, getComputedStyle(input, "::placeholder").color, input.placeholder);
    });
    root.querySelectorAll("*").forEach((el) => el.shadowRoot && walk(el.shadowRoot));
  };
  walk(document.body);
  return results.sort((a, b) => a.ratio - b.ratio);
}"""

HEADINGS = """() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
  .filter((h) => h.checkVisibility() && !h.closest("[hidden], [aria-hidden=true]"))
  .map((h) => [Number(h.tagName[1]), h.textContent.trim()])"""


@pytest.fixture(scope="module")
def record() -> Iterator[dict[str, object]]:
    """Numbers measured by this module, written to test-artifacts/accessibility.json at the end."""
    numbers: dict[str, object] = {}
    yield numbers
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "accessibility.json"
    old = json.loads(path.read_text()) if path.exists() else {}
    path.write_text(json.dumps({**old, **numbers}, indent=2, sort_keys=True))


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def open_view(page: Page, url: str, wait: str = "map") -> None:
    if wait == "map":
        open_app(page, url)
    else:
        page.goto(url)
        wait_for_app(page)
        page.locator("h1").first.wait_for(timeout=30_000)
    if wait == "charts":
        expect(page.locator(".js-plotly-plot")).to_have_count(1, timeout=30_000)
        expect(page.locator(".hm [data-region]").first).to_be_visible()
    page.wait_for_function("document.documentElement.dataset.dnMode !== undefined")
    page.evaluate("document.fonts.ready.then(() => true)")


def axe_violations(page: Page, axe: Axe) -> list[dict]:
    return axe.run(page, options=AXE_OPTIONS).response["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [" > ".join(t) if isinstance(t, list) else t for n in v["nodes"][:3] for t in n["target"]]
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']}; e.g. {targets}")
    return "\n".join(lines)


def deep_active(page: Page) -> dict | None:
    return page.evaluate_handle(DEEP_ACTIVE).evaluate(DESCRIBE)


def _luminance(rgb: np.ndarray) -> np.ndarray:
    c = rgb.astype(float) / 255
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return c @ np.array([0.2126, 0.7152, 0.0722])


def contrast(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    la, lb = _luminance(a), _luminance(b)
    return (np.maximum(la, lb) + 0.05) / (np.minimum(la, lb) + 0.05)


def _shot(page: Page, clip: dict[str, float]) -> np.ndarray:
    png = page.screenshot(clip=clip, animations="disabled", caret="hide")
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def measure_focus(page: Page) -> dict:
    """Compare the focused element's surroundings with and without focus, pixel by pixel.

    The ring counts where focus changed a pixel by at least 3:1 in contrast (the measure
    WCAG 2.4.13 uses). It must cover at least the element's perimeter: as much as a solid
    1 px line all round, so a faint or hidden ring fails.
    """
    handle = page.evaluate_handle(DEEP_ACTIVE)
    info = handle.evaluate(DESCRIBE)
    view = page.viewport_size
    pad = 20  # Chromium draws an SVG element's outline around its stroke, well outside its box
    x0, y0 = max(0, info["x"] - pad), max(0, info["y"] - pad)
    x1, y1 = min(view["width"], info["x"] + info["w"] + pad), min(view["height"], info["y"] + info["h"] + pad)
    clip = {"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0}
    focused = _shot(page, clip)
    handle.evaluate("(el) => el.blur()")
    unfocused = _shot(page, clip)
    handle.evaluate("(el) => el.focus()")
    ratios = contrast(focused, unfocused)
    changed = np.any(focused != unfocused, axis=2)
    ring = int(np.count_nonzero(changed & (ratios >= FOCUS_RING_MIN)))
    perimeter = 2 * (min(info["w"], view["width"]) + min(info["h"], view["height"]))
    return {**info, "ring_px": ring, "perimeter": perimeter, "best": float(ratios.max())}


def tab_walk(page: Page, limit: int = 120) -> list[dict]:
    """Press Tab from the top of the page until focus comes round again; return each stop."""
    page.mouse.move(0, page.viewport_size["height"] - 1)
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = deep_active(page)
        if stop is None:
            continue
        if stops and stop["kind"] == stops[0]["kind"] and stop["name"] == stops[0]["name"]:
            break
        stops.append(stop)
    return stops


def expected_map_order() -> list[str]:
    """Front view top to bottom, then what only the back view has, each in the list's order."""
    front, back = load_body_map(BODY_MAP_SVG).views
    return [r.value for r in REGION_ORDER if r in front.regions] + [
        r.value for r in REGION_ORDER if r in back.regions and r not in front.regions
    ]


# --- the automated scan --------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "path", "wait"), VIEWS, ids=[v[0] for v in VIEWS])
def test_axe_finds_no_violations(page: Page, server: Server, axe: Axe, record, name, path, wait):
    open_view(page, f"{server.url}{path}", wait)
    violations = axe_violations(page, axe)
    record[f"axe/{name}"] = len(violations)
    assert not violations, f"axe on {path}: rule ids {[v['id'] for v in violations]}\n" + describe_violations(
        violations
    )


def test_axe_after_selecting_and_on_the_kiosk_idle_warning(page: Page, server: Server, axe: Axe, record):
    open_view(page, f"{server.url}/?mode=kiosk")
    press_region(page, "knee")
    wait_for_app(page)
    expect(page.locator(".bm-status")).to_have_text("Showing: Right knee")  # the shape tapped: your right
    violations = axe_violations(page, axe)
    record["axe/kiosk-after-tap"] = len(violations)
    assert not violations, describe_violations(violations)
    # The warning's markup is fixed; show it without waiting out the idle time (test_modes does that).
    page.evaluate("document.querySelector('.dn-idle').hidden = false")
    violations = axe_violations(page, axe)
    record["axe/kiosk-idle-warning"] = len(violations)
    assert not violations, describe_violations(violations)


@pytest.mark.parametrize("path", ["/?mode=kiosk&region=hamstring", "/?mode=present&region=elbow", "/?region=jaw"])
def test_axe_on_every_tab_with_sources_and_words_opened(page: Page, server: Server, axe: Axe, record, path):
    """Each tab in turn, with every citation chip and word explanation on it opened."""
    open_view(page, f"{server.url}{path}")
    tabs = page.get_by_role("tab")
    expect(tabs).to_have_count(TAB_COUNT)
    for i in range(tabs.count()):
        tabs.nth(i).click()
        page.evaluate("""() => {
          document.querySelectorAll(".dn-view .dn-cite[aria-expanded=false]").forEach((b) => b.click());
          document.querySelectorAll(".dn-view details.dn-word").forEach((d) => { d.open = true; });
        }""")
        violations = axe_violations(page, axe)
        name = tabs.nth(i).text_content()
        record[f"axe/{path}/{name}"] = len(violations)
        assert not violations, f"{path}, tab {name}: " + describe_violations(violations)


# --- keyboard --------------------------------------------------------------------------------------


def test_tab_reaches_every_region_in_list_order(page: Page, server: Server, record, content):
    open_view(page, server.url)
    stops = tab_walk(page)
    kinds = [s["kind"] for s in stops]
    map_stops = [s["name"] for s in stops if s["kind"] == "region"]
    list_stops = [s["name"] for s in stops if s["kind"] == "list"]
    record["keyboard/tab-stops-start-view"] = [f"{s['kind']}:{s['name']}" for s in stops]
    assert map_stops == expected_map_order()
    assert len(set(map_stops)) == len(REGION_ORDER)
    assert list_stops == [content.region_label(r) for r in REGION_ORDER]
    # The page reads top to bottom: links to pages, the map, the list, then the search box.
    last_nav = max(i for i, k in enumerate(kinds) if k == "nav")
    assert last_nav < kinds.index("region")
    assert max(i for i, k in enumerate(kinds) if k == "region") < kinds.index("list")
    assert max(i for i, k in enumerate(kinds) if k == "list") < kinds.index("input")


def _focus_region(page: Page, region: str) -> None:
    """Tab (never click) until the given map region has focus."""
    for _ in range(60):
        page.keyboard.press("Tab")
        stop = deep_active(page)
        if stop and stop["kind"] == "region" and stop["name"] == region:
            return
    raise AssertionError(f"Tab never reached {region}")


def view_heading(page: Page):
    return page.get_by_role("heading", level=2).first


def test_enter_and_space_select_regions_and_focus_stays(page: Page, server: Server, content):
    open_view(page, server.url)
    page.mouse.move(0, 1079)
    for region, key in (("jaw", "Enter"), ("elbow", " "), ("calf", "Enter")):
        _focus_region(page, region)
        page.keyboard.press(key)
        wait_for_app(page)
        label = content.region_label(region)
        expect(view_heading(page)).to_have_text(label)
        expect(page.locator(".bm-status")).to_have_text(f"Showing: {label}")
        stop = deep_active(page)
        assert stop, f"focus left {region} after {key!r}"
        assert stop["name"] == region, f"focus left {region} after {key!r}: {stop}"
    page.screenshot(path=ARTIFACTS / "a11y-keyboard-map-calf-1920.png")
    # The list's buttons: Enter and Space, and focus stays on the pressed button.
    for region, key in (("knee", "Enter"), ("wrist-hand", " ")):
        button = page.locator(f".st-key-body_map [data-list-region={region}]")
        while (stop := deep_active(page)) is None or stop["name"] != content.region_label(region):
            page.keyboard.press("Tab")
        page.keyboard.press(key)
        wait_for_app(page)
        expect(view_heading(page)).to_have_text(content.region_label(region))
        expect(button).to_have_attribute("aria-pressed", "true")
        stop = deep_active(page)
        assert stop, f"focus left the {region} button"
        assert stop["kind"] == "list", stop
        assert stop["name"].endswith(content.region_label(region)), stop
    page.screenshot(path=ARTIFACTS / "a11y-keyboard-list-wrist-1920.png")


@pytest.mark.parametrize(
    ("name", "path", "wait", "per_kind"),
    [("explore-elbow", "/?region=elbow", "map", 99), ("present-jaw", "/?mode=present&region=jaw", "map", 4),
     ("sources", "/Sources", "page", 99)],
)  # fmt: skip
def test_focus_ring_is_visible_on_every_tab_stop(page: Page, server: Server, record, name, path, wait, per_kind):
    """Every Tab stop of the explore view and the Sources page (its expanders); in present mode
    (its tour buttons and folded sections) the first few of each kind, as the rules are the same."""
    open_view(page, f"{server.url}{path}", wait)
    page.mouse.move(0, page.viewport_size["height"] - 1)
    measured, weak = [], []
    first, kinds = None, collections.Counter()
    for _ in range(90):
        page.keyboard.press("Tab")
        stop = deep_active(page)
        if stop is None:
            continue
        if first and (stop["kind"], stop["name"]) == first:
            break
        first = first or (stop["kind"], stop["name"])
        kinds[stop["kind"]] += 1
        if kinds[stop["kind"]] > per_kind:
            continue
        m = measure_focus(page)
        measured.append(m)
        if m["ring_px"] < m["perimeter"]:
            weak.append(f"{m['kind']}:{m['name']} ring {m['ring_px']} px < perimeter {m['perimeter']:.0f} px")
    record[f"focus/{name}"] = {
        "stops measured": len(measured),
        "kinds": dict(kinds),
        "thinnest ring (3:1 pixels / perimeter)": round(min(m["ring_px"] / m["perimeter"] for m in measured), 2),
    }
    assert len(measured) > 10
    assert not weak, "focus ring under 3:1 or too thin:\n" + "\n".join(weak)


# --- targets, reflow, text size --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "path", "size", "minimum"),
    [("explore-1920", "/?region=elbow", (1920, 1080), 24), ("explore-1280", "/?region=knee", (1280, 720), 24),
     ("kiosk-1920", "/?mode=kiosk&region=calf", (1920, 1080), 44),
     ("kiosk-portrait", "/?mode=kiosk&region=hip", (1080, 1920), 44),
     ("kiosk-about", "/About_dry_needling?mode=kiosk", (1920, 1080), 44)],
)  # fmt: skip
def test_targets_are_big_enough(browser: Browser, server: Server, record, name, path, size, minimum):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    try:
        open_view(page, f"{server.url}{path}", "page" if "About" in path else "map")
        targets = page.evaluate(TARGETS)
    finally:
        context.close()
    smallest = min(targets, key=lambda t: min(t["w"], t["h"]))
    pieces = [t for t in targets if "drawn" in t]
    record[f"targets/{name}"] = {
        "count": len(targets),
        "smallest": f"{smallest['name']} {smallest['w']:.0f}x{smallest['h']:.0f}",
        "smallest drawn map piece": min((f"{t['name']} {t['drawn']}" for t in pieces), default=None,
                                        key=lambda d: min(map(int, d.rsplit(" ", 1)[1].split("x")))),
    }  # fmt: skip
    small = [f"{t['name']} {t['w']:.0f}x{t['h']:.0f}" for t in targets if t["w"] < minimum or t["h"] < minimum]
    assert len(targets) >= 7
    assert not small, f"targets under {minimum}x{minimum} CSS px: {small}"


def test_a_tap_just_beside_a_narrow_area_chooses_it(browser: Browser, server: Server):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, has_touch=True)
    page = context.new_page()
    try:
        open_view(page, f"{server.url}/?mode=kiosk")
        knee = page.locator("[data-region=knee]").first.locator("path, ellipse").first
        box = knee.evaluate("(s) => { const r = s.getBoundingClientRect(); return [r.left, r.top, r.height]; }")
        page.touchscreen.tap(box[0] - 8, box[1] + box[2] / 2)  # empty space 8 px left of the knee
        wait_for_app(page)
        expect(view_heading(page)).to_have_text("Right knee")  # the front view's left knee: your right
    finally:
        context.close()


def _horizontal_overflow(page: Page) -> list:
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth, out = [];
          const page = document.documentElement.scrollWidth;
          if (page > width) out.push(["page scrolls", page]);
          const main = document.querySelector("[data-testid=stMain]");
          if (main && main.scrollWidth > main.clientWidth) out.push(["main scrolls", main.scrollWidth]);
          const walk = (root) => root.querySelectorAll("*").forEach((el) => {
            const r = el.getBoundingClientRect();
            const outside = r.width > 0 && r.left >= 0 && r.right > width + 1;
            if (outside && el.checkVisibility()) out.push([el.tagName, r.right]);
            if (el.shadowRoot) walk(el.shadowRoot);
          });
          walk(document.body);
          return out.slice(0, 10);
        }"""
    )


@pytest.mark.parametrize(("name", "path"), [("elbow", "/?region=elbow"), ("kiosk-calf", "/?mode=kiosk&region=calf")])
def test_region_view_reflows_at_320_px(browser: Browser, server: Server, axe: Axe, record, name, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        open_view(page, f"{server.url}{path}")
        assert _horizontal_overflow(page) == []
        view_top = view_heading(page).bounding_box()
        assert view_top is not None
        assert view_top["width"] <= 320
        violations = axe_violations(page, axe)
        record[f"axe/320px-{name}"] = len(violations)
        assert not violations, describe_violations(violations)
        view_heading(page).scroll_into_view_if_needed()
        page.screenshot(path=ARTIFACTS / f"a11y-reflow-320-{name}.png")
    finally:
        context.close()


def test_kiosk_at_200_percent_text_by_keyboard(page: Page, server: Server, axe: Axe, record):
    open_view(page, f"{server.url}/?mode=kiosk&region=neck")
    bigger = page.get_by_role("button", name="A+")
    bigger.focus()
    for _ in range(4):
        page.keyboard.press("Enter")
        wait_for_app(page)
    page.wait_for_function("document.documentElement.dataset.dnScale === '200'")
    expect(view_heading(page)).to_have_text("Neck")
    assert _horizontal_overflow(page) == []
    page.screenshot(path=ARTIFACTS / "a11y-kiosk-text-200-1920.png")
    small = [t for t in page.evaluate(TARGETS) if t["w"] < 44 or t["h"] < 44]
    assert not small
    violations = axe_violations(page, axe)
    record["axe/kiosk-text-200"] = len(violations)
    assert not violations, describe_violations(violations)
    view_heading(page).scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "a11y-kiosk-text-200-view-1920.png")


# --- text, headings, names, live region, colour ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "path", "wait"),
    [("elbow", "/?region=elbow", "map"), ("kiosk-shin", "/?mode=kiosk&region=shin", "map"),
     ("about", "/About_dry_needling", "page"), ("sources", "/Sources", "page")],
)  # fmt: skip
def test_text_contrast_is_at_least_4_5(page: Page, server: Server, record, name, path, wait):
    open_view(page, f"{server.url}{path}", wait)
    results = page.evaluate(TEXT_CONTRAST)
    assert len(results) > 20
    record[f"text-contrast/{name}"] = f"{results[0]['ratio']:.2f} ({results[0]['text']})"
    low = [f"{r['text']!r} {r['ratio']:.2f}:1 ({r['fg']})" for r in results if r["ratio"] < TEXT_MIN]
    assert not low, low


@pytest.mark.parametrize(
    "path",
    ["/", "/?region=neck", "/?mode=kiosk&region=calf", "/?mode=present&region=jaw", "/About_dry_needling",
     "/Pictures", "/Sources"],
)  # fmt: skip
def test_one_h1_and_no_skipped_heading_level(page: Page, server: Server, path):
    open_view(page, f"{server.url}{path}", "map" if path.startswith("/?") or path == "/" else "page")
    headings = page.evaluate(HEADINGS)
    levels = [level for level, _ in headings]
    assert levels.count(1) == 1, headings
    assert levels[0] == 1, headings
    jumps = [(a, b) for a, b in itertools.pairwise(headings) if b[0] > a[0] + 1]
    assert not jumps, f"a heading level is skipped: {jumps}"


def test_each_map_view_is_a_named_group_with_a_title(page: Page, server: Server):
    open_view(page, server.url)
    titles = page.locator("svg.bm-svg > title")
    expect(titles).to_have_count(2)
    for view, hint in (("Front view", "Your right side"), ("Back view", "Your left side")):
        group = page.get_by_role("group", name=re.compile(f"^{view}\\. {hint}"))
        expect(group).to_have_count(1)
    for region in ("head", "knee", "wrist-hand"):
        expect(page.locator(f"[data-region={region}][tabindex='0']")).to_have_attribute("role", "button")
    expect(page.get_by_role("button", name="Wrist and hand", exact=True)).to_have_count(2)  # map and list


def test_selection_is_announced_in_a_live_region(page: Page, server: Server):
    open_view(page, server.url)
    status = page.locator(".bm-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("")
    # A live region is only announced if it was there before the change: mark this one.
    status.evaluate("(el) => { el.dataset.sameNode = 'yes'; }")
    press_region(page, "shoulder")
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Right shoulder")  # the shape tapped: your right
    expect(status).to_have_text("Showing: Right shoulder")
    page.locator(".st-key-body_map [data-list-region=hip]").click()
    wait_for_app(page)
    expect(view_heading(page)).to_have_text("Hip")
    expect(status).to_have_text("Showing: Hip")
    expect(status).to_have_attribute("data-same-node", "yes")
    expect(page.get_by_role("status").filter(has_text="Showing: Hip")).to_have_count(1)


def test_present_tour_is_announced_too(page: Page, server: Server):
    open_view(page, f"{server.url}/?mode=present")
    page.get_by_role("button", name="Next").click()
    wait_for_app(page)
    expect(page.locator(".bm-status")).to_have_text("Showing: Head")


def test_chosen_region_is_not_shown_by_colour_alone(page: Page, server: Server):
    open_view(page, f"{server.url}/?region=knee")
    style = """(el) => { const s = getComputedStyle(el);
      return {dash: s.strokeDasharray, width: parseFloat(s.strokeWidth), fill: s.fill}; }"""
    chosen = page.locator("[data-region=knee] path").first.evaluate(style)
    other = page.locator("[data-region=shin] path").first.evaluate(style)
    assert chosen["dash"] not in ("none", ""), chosen
    assert other["dash"] in ("none", ""), other
    assert chosen["width"] >= other["width"] * 2
    expect(page.locator("[data-region=knee]").first).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".bm-status")).to_have_text("Showing: Knee")
    # In the list, only the chosen area is pressed (and its Both), and it shows a tick as well as its fill.
    expect(page.locator(".st-key-body_map [data-list-region][aria-pressed=true]")).to_have_count(1)
    expect(page.locator(".st-key-body_map [data-side-of=knee][aria-pressed=true]")).to_have_text("✓Both")
    knee = page.locator(".st-key-body_map [data-list-region=knee]")
    expect(knee).to_have_attribute("aria-pressed", "true")
    expect(knee.locator(".rl-tick")).to_be_visible()
    expect(page.locator(".st-key-body_map [data-list-region=shin] .rl-tick")).to_be_hidden()
    page.locator("[data-testid=body-map]").screenshot(path=ARTIFACTS / "a11y-chosen-knee-map.png")


@pytest.mark.parametrize("path", ["/?mode=kiosk", "/?mode=present&region=calf", "/About_dry_needling"])
def test_axe_with_listen_offered_and_reading(speech_page: Page, server: Server, axe: Axe, record, path):
    """With an on-device voice the Listen and Slower buttons show; scanned while a sentence is highlighted."""
    open_view(speech_page, f"{server.url}{path}", "map" if path.startswith("/?") else "page")
    play = speech_page.locator(".dn-listen-play")
    expect(play).to_be_visible(timeout=20_000)
    violations = axe_violations(speech_page, axe)
    play.click()
    speech_page.wait_for_function("CSS.highlights.has('dn-speaking')", timeout=20_000)
    violations += axe_violations(speech_page, axe)
    record[f"axe/listen{path}"] = len(violations)
    assert not violations, describe_violations(violations)
