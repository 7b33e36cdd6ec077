"""Hostile input: property tests over everything a visitor can put in the address or type, and over content text.

Whatever arrives, the page must run without an exception, show it (if at all) only as plain text (escaped
Markdown, or JSON data that the components set with textContent, never HTML), keep it out of every
component's markup (our own files, unchanged), and never use it as a path. The kiosk security settings
are checked here too.

Hypothesis runs a bounded number of examples with no deadline (AppTest runs are slow on a shared CI machine);
with ``CI`` set, examples are derandomized so a run is repeatable.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock
from urllib.parse import parse_qs

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from dn_explorer.content import ContentIndex, load_content
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.modes import Mode, parse_mode
from dn_explorer.paths import COMPONENT_DIR, CONTENT_FILE, PROJECT_ROOT
from dn_explorer.regions import REGION_ORDER, RegionId, parse_region
from dn_explorer.selection import parse_selection, tokens
from dn_explorer.words import english, language_codes
from explorer_ui.body_map import BRIDGE_KEY, map_words
from explorer_ui.components import SELECTION_RULES
from explorer_ui.listen import LISTEN_DIR
from explorer_ui.loading import CONTENT_ENV, body_map
from explorer_ui.nav import NAV_DIR, nav_markup
from explorer_ui.page_bar import CONTROLS_DIR
from explorer_ui.region_list import LIST_DIR
from explorer_ui.region_view import VIEW_DIR, VIEW_KEY
from explorer_ui.shell import BAR_KEY, SHELL_DIR
from explorer_ui.state import AREAS_KEY
from tests.support.app import first_region, panel_text, search

APP = str(PROJECT_ROOT / "explorer_app.py")
CI = bool(os.environ.get("CI"))

# Pure functions are cheap: many examples. A whole page run (AppTest) takes ~0.3 s: a few dozen.
PURE = settings(max_examples=300, deadline=None, derandomize=CI, database=None)
PAGE = settings(
    max_examples=15,
    deadline=None,
    derandomize=CI,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "</style><script>alert(1)</script>",
    "javascript:alert(1)",
    "[click me](javascript:alert(1))",
    "![tracker](http://198.51.100.7/t.png)",
    "<iframe src=//198.51.100.7>",
    "{{7*7}}${7*7}<%= 7*7 %>",
    "$\\href{javascript:alert(1)}{x}$",
    "**bold** _it_ `code` # heading\n---\n| a | b |",
    "../../../../etc/passwd",
    "/etc/shadow",
    "..%2f..%2f..%2fetc%2fpasswd",
    "file:///etc/passwd",
    "C:\\Windows\\win.ini",
    "\\\\server\\share\\x",
    "neck\x00.yaml",
    "\u202eevil\u202c",
    "\x1b[2J\x1b[31mred",
    "' OR 1=1 --",
    "%00%0d%0aSet-Cookie: x=y",
    "NECK ",
    "neck\n",
    "\ufeffneck",
    "ne\u0441k",  # a Cyrillic letter that looks like a Latin "c"
    "x" * 5000,
]
PATH_LIKE = re.compile(r"[/\\]|\.\.|%2f|%5c", re.IGNORECASE)


def hostile_text(max_size: int = 120) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.text(max_size=max_size),
        st.builds(
            lambda before, payload, after: before + payload + after,
            st.text(max_size=20),
            st.sampled_from(HOSTILE),
            st.text(max_size=20),
        ),
    )


# --- what the page shows ----------------------------------------------------------------------------------------

# Markup that would be live if it reached Markdown unescaped: a tag, a link, an image, a script URL.
LIVE_MARKUP = re.compile(
    r"(?<!\\)<[a-zA-Z/!?]|(?<!\\)\]\(|(?<!\\)!\[|javascript:"
    # a bare address or e-mail, which Markdown turns into a link even when escaped
    r"|\b(?:https?|ftp|mailto)\\?:|\bwww\\?\.|\w@\w",
    re.IGNORECASE,
)


def rendered_texts(at: AppTest) -> list[str]:
    """Every string the page renders as Markdown: bodies, headings, alerts, and widget labels."""
    texts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        texts += [str(e.value) for e in getattr(at, kind)]
    texts += [b.label for b in at.button]
    texts += [e.label for e in at.expander]
    texts += [e.proto.label for e in at.get("download_button")]
    for table in at.table:  # st.table renders its cells as Markdown too
        texts += [str(cell) for cell in table.value.to_numpy().ravel()]
    return texts


def assert_inert(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    for text in rendered_texts(at):
        assert LIVE_MARKUP.search(text) is None, text
    for element in at.markdown:
        assert not element.proto.allow_html, element.value


def component(at: AppTest, key: str) -> Any:
    found = [e for e in at.get("bidi_component") if e.key == key]
    assert len(found) == 1, key
    return found[0].proto


def assert_parts_unchanged(js: str, parts: dict[str, Path]) -> None:
    """Each part's own code is in the component as written, only its default export named for it."""
    for stem, folder in parts.items():
        source = (folder / f"{stem}.js").read_text(encoding="utf-8")
        assert source.replace("export default function", f"function dnPart_{stem}", 1) in js, stem
        assert f'dnParts["{stem}"] = dnPart_{stem};' in js


def assert_map_gets_only_ids(at: AppTest) -> None:
    """The components get our own markup and code, unchanged, and data only as JSON.

    The map is told only its words in the page's language (the same whatever is chosen, set as text);
    the selection bridge only area tokens ("neck calf:right") and a tap number; the region view only the
    panels our builder makes (plain text, which its JS sets with textContent).
    """
    rules = SELECTION_RULES.read_text(encoding="utf-8")
    proto = component(at, "body_map")
    list_html = (LIST_DIR / "region_list.html").read_text(encoding="utf-8")
    assert proto.html_content == (
        f'<div data-dn-part="body_map">{body_map().markup}</div>\n<div data-dn-part="region_list">{list_html}</div>\n'
    )
    assert proto.js_content.startswith(rules + "\n")
    assert_parts_unchanged(proto.js_content, {"body_map": COMPONENT_DIR, "region_list": LIST_DIR})
    map_data = json.loads(proto.json)
    assert set(map_data) == {"body_map", "region_list"}
    assert map_data["body_map"] == {"words": map_words(load_content(CONTENT_FILE), english())}
    selection = json.loads(component(at, BRIDGE_KEY).json)
    assert set(selection) == {"selected", "ack"}
    assert isinstance(selection["ack"], int)
    assert tokens(parse_selection(selection["selected"])) == selection["selected"].split()  # only our tokens
    view = component(at, VIEW_KEY)
    for suffix in ("html", "js", "css"):
        mine = (VIEW_DIR / f"region_view.{suffix}").read_text(encoding="utf-8")
        assert getattr(view, f"{suffix}_content") == (rules + "\n" + mine if suffix == "js" else mine)
    data = json.loads(view.json)
    assert set(data) == {"panels_json"}
    panels = json.loads(data["panels_json"])["panels"]
    assert set(panels) == {"", *(r.value for r in REGION_ORDER)}
    groups = json.loads(map_data["region_list"]["groups_json"])
    assert [r["id"] for g in groups for r in g["regions"]] == [r.value for r in REGION_ORDER]
    bar = component(at, BAR_KEY)
    shell_html = (SHELL_DIR / "shell.html").read_text(encoding="utf-8")
    links = f'<div data-dn-part="nav">{nav_markup(english())}</div>\n'
    assert bar.html_content.startswith(f'{links}<div data-dn-part="shell">{shell_html}</div>\n')
    assert_parts_unchanged(
        bar.js_content, {"nav": NAV_DIR, "shell": SHELL_DIR, "controls": CONTROLS_DIR, "listen": LISTEN_DIR}
    )
    bar_data = json.loads(bar.json)
    assert set(bar_data) == {"nav", "shell", "controls", "listen"}
    assert bar_data["nav"]["current"] == "body_map"
    kept = parse_qs(bar_data["nav"]["query"], strict_parsing=False)  # what the links' addresses keep
    assert set(kept) <= {"mode", "lang"}
    assert all(v in {m.value for m in Mode} for v in kept.get("mode", []))
    assert all(v in language_codes() for v in kept.get("lang", []))
    offered = {language["code"] for language in bar_data["controls"]["languages"]}
    assert offered <= set(language_codes()) - {bar_data["shell"]["lang"]}
    shell_data = bar_data["shell"]
    assert shell_data["mode"] in {m.value for m in Mode}
    assert shell_data["lang"] in language_codes()
    words = english().ui  # the words come from our own word table, never from the address
    assert (
        shell_data["words"]
        == {"title": words.idle_title, "before": words.idle_before, "after": words.idle_after, "stay": words.idle_stay}
        or shell_data["lang"] != "en"
    )
    assert all(isinstance(v, int | float) for k, v in shell_data.items() if k not in {"mode", "lang", "words"})


def address_values(at: AppTest, key: str) -> list[str]:
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def selected(at: AppTest) -> RegionId | None:
    return first_region(at)


# --- no path access: every file the app opens, recorded through an audit hook ------------------------------------

_opened: list[str] | None = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _opened is not None and event == "open" and isinstance(args[0], str | bytes | os.PathLike):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)  # process-wide and permanent, so it records only while a test asks it to

ALLOWED_ROOTS = {Path(p).resolve() for p in (PROJECT_ROOT, sys.prefix, sys.base_prefix, sys.exec_prefix)} | {
    Path("/usr/share/zoneinfo").resolve()  # pandas reads the time-zone database when first imported (for a table)
}


@contextmanager
def files_opened() -> Iterator[list[str]]:
    global _opened
    _opened = []
    try:
        yield _opened
    finally:
        _opened = None


def assert_no_path_access(opened: list[str], values: list[str], extra_roots: tuple[Path, ...] = ()) -> None:
    roots = ALLOWED_ROOTS | {p.resolve() for p in extra_roots}
    for name in opened:
        path = Path(name).resolve()
        assert any(path.is_relative_to(root) for root in roots), f"opened {name}"
        for value in values:
            if PATH_LIKE.search(value) and len(value.strip()) >= 3:
                assert value not in name, f"opened {name} for {value!r}"


def run_app(query: dict[str, str | list[str]] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


# --- pure functions -----------------------------------------------------------------------------------------------

any_value = st.one_of(
    hostile_text(),
    st.lists(hostile_text(), max_size=3),
    st.none(),
    st.integers(),
    st.sampled_from([r.value for r in REGION_ORDER] + [m.value for m in Mode]),
)


@PURE
@given(any_value)
@example(["neck"])
@example(["neck", "knee"])
@example(" Neck\t")
def test_parse_region_accepts_only_a_known_id(value):
    region = parse_region(value)
    assert region is None or region in REGION_ORDER
    if region is not None:
        raw = value[0] if isinstance(value, list) else value
        assert raw.strip().lower() == region.value


@PURE
@given(any_value)
def test_parse_mode_accepts_only_a_known_mode(value):
    mode = parse_mode(value)
    assert mode is None or mode in Mode
    if mode is not None:
        raw = value[0] if isinstance(value, list) else value
        assert raw.strip().lower() == mode.value


def unescape_markdown(text: str) -> str:
    # escape_markdown also puts a word joiner (U+2060) after "http", "www" or "@" to stop autolinks.
    text = re.sub(r"(?i)(https?|ftp|mailto|www|@)\u2060", r"\1", text)
    return re.sub(r"\\(.)", r"\1", text, flags=re.S)


@PURE
@given(hostile_text(max_size=300))
def test_escape_markdown_is_inert_and_loses_nothing(text):
    escaped = escape_markdown(text)
    assert unescape_markdown(escaped) == text
    assert LIVE_MARKUP.search(escaped) is None
    assert re.search(r"(?<!\\)[<>\[\]()`*_]", escaped.replace("\\\\", "")) is None


def find_regions_function():
    # The search module is built alongside this test; the import is here so only the search tests fail without it.
    from dn_explorer.search import find_regions

    return find_regions


@PURE
@given(st.one_of(hostile_text(max_size=400), st.none(), st.integers(), st.lists(st.text(max_size=5), max_size=2)))
@example("tennis elbow")
@example("TMJ")
@example("  ")
def test_search_find_regions_never_fails_and_finds_only_known_regions(content, text):
    result = find_regions_function()(content, text)
    assert len(set(result.regions)) == len(result.regions)
    assert all(r in REGION_ORDER for r in result.regions)
    assert all(c in content.content.conditions for c in result.conditions)
    # The query it keeps is lower-case words only: it can be neither markup nor a path.
    assert re.fullmatch(r"[a-z0-9 ]*", result.query), result.query
    assert len(result.query) <= 80


@pytest.mark.parametrize(
    "text", ["a" * 1_000_000, "tennis elbow " * 50_000, "\U0001f600" * 200_000], ids=["letters", "words", "emoji"]
)
def test_search_of_a_huge_text_is_quick(content, text):
    started = time.perf_counter()
    find_regions_function()(content, text)
    assert time.perf_counter() - started < 1.0


# --- whole pages: the address ---------------------------------------------------------------------------------------

param_names = st.one_of(st.sampled_from(["region", "mode", "page", "embed", "embed_options", "q"]), hostile_text(20))
param_values = st.one_of(hostile_text(), st.lists(hostile_text(40), min_size=1, max_size=3))


@PAGE
@given(st.dictionaries(param_names, param_values, min_size=1, max_size=4))
@example({"region": "<script>alert(1)</script>", "mode": "kiosk"})
@example({"region": "../../../../etc/passwd", "mode": "../present"})
@example({"region": ["neck", "knee"], "mode": ["kiosk", "present"]})
@example({"mode": "present", "region": "NECK "})
def test_any_address_gives_a_working_page(query):
    assume(all(key.strip() for key in query))
    values = [v for value in query.values() for v in (value if isinstance(value, list) else [value])]
    values += list(query)
    with files_opened() as opened:
        at = run_app(query)
    assert_inert(at)
    assert_map_gets_only_ids(at)
    assert_no_path_access(opened, values)
    region = selected(at)
    assert region is None or region in REGION_ORDER
    assert at.session_state["mode"] in Mode
    # The address keeps the known areas only, each once, as our own tokens.
    areas = at.session_state[AREAS_KEY] if AREAS_KEY in at.session_state else ()  # noqa: SIM401 (no .get)
    assert address_values(at, "region") == tokens(areas)
    assert tokens(areas) == tokens(parse_selection(address_values(at, "region")))
    rendered = "\n".join(rendered_texts(at))
    for value in values:
        if len(value) >= 4 and LIVE_MARKUP.search(value):
            assert value not in rendered


# --- whole pages: the search box ------------------------------------------------------------------------------------


@PAGE
@given(hostile_text(max_size=200))
@example("<img src=x onerror=alert(1)>")
@example("[tennis elbow](javascript:alert(1))")
@example("../../../../etc/passwd")
@example("tennis elbow")
def test_anything_typed_in_search_is_shown_only_as_text(text):
    find_regions_function()  # fails clearly if the search module is missing
    with files_opened() as opened:
        at = run_app({"mode": "explore"})
        search(at, text)
    assert_inert(at)
    assert_map_gets_only_ids(at)
    assert_no_path_access(opened, [text])
    region = selected(at)
    assert region is None or region in REGION_ORDER
    # What was typed stays in the session: not in the address.
    for key in at.query_params:
        for value in address_values(at, key):
            assert not text.strip() or text.strip() not in value or value in {r.value for r in REGION_ORDER}
    # If the page repeats the search text, it repeats it escaped.
    shown = escape_markdown(text[:80])
    repeated = [t for t in rendered_texts(at) if "nothing matches" in t or t.startswith("Found")]
    for message in repeated:
        assert shown in message or not text.strip(), message


# --- whole pages: hostile text in the content file --------------------------------------------------------------


@contextmanager
def content_file(data: dict) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "conditions.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        with mock.patch.dict(os.environ, {CONTENT_ENV: str(path)}):
            yield path


def real_content() -> dict:
    return yaml.safe_load(CONTENT_FILE.read_text(encoding="utf-8"))


def content_text(limit: int) -> st.SearchStrategy[str]:
    """Hostile text that is still valid content (the loader strips it and bounds its length)."""
    return hostile_text(max_size=limit).map(lambda t: t.strip()[:limit].strip()).filter(bool)


@PAGE
@given(name=content_text(120), text=content_text(300), answer=content_text(300))
@example(name="<b>Neck pain</b>", text="[more](javascript:alert(1))", answer="![t](http://198.51.100.7/t.png)")
@example(name="Neck https://198.51.100.7/x", text="see www.example.com or ask me@example.com", answer="ftp://x.y")
def test_content_text_reaches_the_page_only_as_text(name, text, answer):
    data = real_content()
    neck = next(c for c in data["conditions"] if "neck" in c.get("regions", []))
    neck["name"], neck["text"] = name, text
    data["questions"][0]["answer"] = answer
    data["aftercare"][0]["text"] = text
    with content_file(data) as path, files_opened() as opened:
        at = run_app({"region": "neck"})
        about = run_app({"region": "neck"})
        about.switch_page("pages/1_About_dry_needling.py").run()
        pictures = run_app()
        pictures.switch_page("pages/3_Pictures.py").run()
    for page in (at, about, pictures):
        assert_inert(page)
        assert [t.value for t in page.title] != ["Content could not be loaded"]
    assert_map_gets_only_ids(at)
    assert_no_path_access(opened, [name, text, answer], extra_roots=(path.parent,))
    # Shown: as it is in the region view's data (set as text in the browser), escaped in Markdown.
    assert name in panel_text(at)
    assert text in panel_text(at)  # the neck condition, and the first aftercare item
    assert any(escape_markdown(answer) in t for t in rendered_texts(about))
    assert any(escape_markdown(name) in t for t in rendered_texts(pictures))


LABEL_PAYLOADS = ["![t](http://198.51.100.7/label.png)", "[go](http://198.51.100.7/)", "<img src=x>"]


@pytest.mark.parametrize("payload", LABEL_PAYLOADS)
def test_region_and_source_labels_reach_the_page_only_as_text(payload):
    data = real_content()
    next(r for r in data["regions"] if r["id"] == "neck")["label"] = f"Neck {payload}"
    data["sources"][0]["short"] = f"Doc {payload}"
    with content_file(data):
        pages = [run_app({"region": "neck", "mode": mode}) for mode in ("explore", "present")]
        sources = run_app()
        sources.switch_page("pages/2_Sources.py").run()
    for page in [*pages, sources]:
        assert_inert(page)


# --- the component code itself ------------------------------------------------------------------------------------

HTML_SINKS = re.compile(
    r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function|srcdoc|"
    r"createContextualFragment|DOMParser|setTimeout\s*\(\s*[\"'`]|setInterval\s*\(\s*[\"'`]"
)


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (PROJECT_ROOT / "explorer_ui").rglob("*") if p.suffix in {".js", ".html", ".mjs"}),
    ids=lambda p: str(p.relative_to(PROJECT_ROOT)),
)
def test_component_code_never_builds_html_from_strings(path):
    """Component JS sets text with textContent and attributes with setAttribute; it never parses a string as HTML."""
    code = path.read_text(encoding="utf-8")
    assert HTML_SINKS.search(code) is None, HTML_SINKS.search(code)


def test_no_page_allows_raw_html():
    """st.markdown(unsafe_allow_html=True), st.html and iframe components would each be a way in."""
    sources = [
        *PROJECT_ROOT.glob("*.py"),
        *(PROJECT_ROOT / "pages").glob("*.py"),
        *(PROJECT_ROOT / "explorer_ui").glob("*.py"),
    ]
    for path in sources:
        code = path.read_text(encoding="utf-8")
        for risky in ("unsafe_allow_html=True", "st.html(", "components.v1", "file_uploader", "st.iframe"):
            assert risky not in code, f"{path.name}: {risky}"


@pytest.mark.parametrize("region", REGION_ORDER)
def test_each_region_tells_the_map_only_its_id(region, content: ContentIndex):
    at = run_app({"region": region.value})
    assert_inert(at)
    assert_map_gets_only_ids(at)
    assert json.loads(component(at, BRIDGE_KEY).json) == {"selected": region.value, "ack": 0}
    html = component(at, "body_map").html_content
    for condition in content.conditions_for(region):
        assert condition.name not in html
        assert condition.text not in html


# --- kiosk security settings ----------------------------------------------------------------------------------------

CONFIG = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("section", "option", "expected"),
    [
        ("server", "enableXsrfProtection", True),
        ("client", "showErrorDetails", "none"),
        ("server", "enableStaticServing", False),
        ("server", "address", "localhost"),
        ("browser", "gatherUsageStats", False),
        ("server", "fileWatcherType", "none"),
        ("server", "runOnSave", False),
        ("client", "toolbarMode", "viewer"),
    ],
)
def test_kiosk_security_setting(section, option, expected):
    assert CONFIG[section][option] == expected


def test_cors_is_not_switched_off_and_uploads_are_tiny():
    assert CONFIG["server"].get("enableCORS", True) is True
    assert CONFIG["server"]["maxUploadSize"] <= 1  # and no page has a file uploader (see above)


def test_make_run_keeps_the_localhost_default_and_a_lan_setting_is_documented():
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    run_recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "server.address" not in run_recipe  # make run uses config.toml: localhost only
    config_text = (PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for documentation in (config_text, readme):
        assert "--server.address 0.0.0.0" in documentation
    assert "allowedHosts" in readme
    assert "corsAllowedOrigins" in readme
