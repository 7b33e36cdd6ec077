"""The app started with a broken content file: a friendly page that names the problem, never a traceback.

Each row is one kind of broken file. The app is pointed at it through ``EXPLORER_CONTENT_FILE`` and run
with AppTest; the page must show "Content could not be loaded" and, one line each, exactly the problems
``make check-content`` prints (file, line and field where they exist), on every page and in every mode,
with nothing of Python's internals or the server's directories.
"""

from __future__ import annotations

import copy
import os
import re
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.util import patch_config_options

from dn_explorer.content import MAX_CONTENT_BYTES, ContentError, load_content
from dn_explorer.paths import CONTENT_FILE, PROJECT_ROOT
from explorer_ui.layout import NAV_PAGES
from explorer_ui.loading import CONTENT_ENV

APP = str(PROJECT_ROOT / "explorer_app.py")
FAILED_TITLE = "Content could not be loaded"
FILE_NAME = "conditions.yaml"


def real_content() -> dict:
    return yaml.safe_load(CONTENT_FILE.read_text(encoding="utf-8"))


def changed(change: Callable[[dict], object]) -> bytes:
    """The real content with one thing broken."""
    data = real_content()
    change(data)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode()


def alias_bomb() -> bytes:
    lines = ['lol: &l0 "lol"'] + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 12)]
    return ("\n".join(lines) + "\n").encode()


# (kind, file bytes, must the problem name a line?, the field it must name or None)
BROKEN = [
    ("yaml syntax", b"version: 1\nsources: [\n  - id: x\n", True, None),
    ("empty file", b"", False, None),
    ("not utf-8", b"version: 1\nsources: \xff\xfe\n", True, None),
    ("top-level list", b"- version: 1\n- sources: []\n", True, None),
    ("missing required field", changed(lambda d: d["conditions"][0].pop("text")), True, "conditions[0].text"),
    (
        "unknown source id",
        changed(lambda d: d["aftercare"][0].update(sources=["no-such-doc"])),
        True,
        "aftercare[0].sources[0]",
    ),
    (
        "region the map lacks",
        changed(lambda d: d["conditions"][0].update(regions=["tail"])),
        True,
        "conditions[0].regions[0]",
    ),
    (
        "duplicate id",
        changed(lambda d: d["safety"].append(copy.deepcopy(d["safety"][0]))),
        True,
        f"safety[{len(real_content()['safety'])}].id",
    ),
    ("wrong type", changed(lambda d: d["visits"][0].update(text=["a", "list"])), True, "visits[0].text"),
    ("oversized", b"version: 1\n" + b"#" * MAX_CONTENT_BYTES, False, None),
    ("alias bomb", alias_bomb(), True, None),
    ("python tag", b"version: !!python/object/apply:os.system ['echo pwned']\n", True, None),
    (
        "markup in a bad value",
        changed(lambda d: d["sensations"][0].update(phase="<script>alert(1)</script>")),
        True,
        None,
    ),
    ("control characters in a field name", b'version: 1\n"\\e[2J\\n<b>x</b>": 1\n', True, None),
]


def unescape_markdown(text: str) -> str:
    """What a reader sees of text that went through ``escape_markdown``."""
    return re.sub(r"\\(.)", r"\1", text, flags=re.S)


def shown_texts(at: AppTest) -> list[str]:
    """Every piece of text on the page, as a reader sees it."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "code"):
        parts += [unescape_markdown(str(element.value)) for element in getattr(at, kind)]
    parts += [e.message + "\n".join(e.stack_trace) for e in at.exception]
    return parts


INTERNALS = re.compile(
    r"Traceback|File \"|\.py\b|line \d+, in |ContentError|ValidationError|\byaml\.[a-z]|pydantic|Exception|Error:"
)


def component_keys(at: AppTest) -> list[str]:
    """Keys of the custom (v2) components on the page: the shell, and the body map when content loaded."""
    return [e.key for e in at.get("bidi_component")]


def write(tmp_path: Path, raw: bytes) -> Path:
    path = tmp_path / FILE_NAME
    path.write_bytes(raw)
    return path


def run_page(page: str | None = None, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page).run()
    return at


def assert_friendly_page(at: AppTest, path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(path)
    expected = [str(p) for p in caught.value.problems]
    assert not at.exception, [e.message for e in at.exception]
    assert [t.value for t in at.title] == [FAILED_TITLE]
    texts = shown_texts(at)
    page = "\n".join(texts)
    for line in expected:
        assert f"- {line}" in texts, (line, texts)  # one bullet per problem, exactly as the command prints it
    assert INTERNALS.search(page) is None, page
    assert str(path.parent) not in page  # the file's name, never the server's folders
    assert "tell a member of staff" in page
    # Nothing of the explorer itself: no map, no region buttons.
    assert "body_map" not in component_keys(at)
    return expected


@pytest.mark.parametrize(("raw", "has_line", "field"), [row[1:] for row in BROKEN], ids=[row[0] for row in BROKEN])
def test_broken_file_gives_the_friendly_page(tmp_path, monkeypatch, raw, has_line, field):
    path = write(tmp_path, raw)
    monkeypatch.setenv(CONTENT_ENV, str(path))
    expected = assert_friendly_page(run_page(), path)
    assert all(line.startswith(FILE_NAME) for line in expected)
    if has_line:
        assert any(re.match(rf"^{re.escape(FILE_NAME)}, line \d+", line) for line in expected), expected
    if field is not None:
        assert any(f", field {field}: " in line for line in expected), expected


@pytest.mark.parametrize("page", [path for path, _ in NAV_PAGES[1:]])
def test_every_page_gives_the_friendly_page(tmp_path, monkeypatch, page):
    path = write(tmp_path, changed(lambda d: d["conditions"][0].pop("text")))
    monkeypatch.setenv(CONTENT_ENV, str(path))
    assert_friendly_page(run_page(page), path)


@pytest.mark.parametrize("mode", ["kiosk", "present", "explore", "<script>alert(1)</script>"])
def test_every_mode_gives_the_friendly_page(tmp_path, monkeypatch, mode):
    path = write(tmp_path, b"version: 1\nsources: [\n")
    monkeypatch.setenv(CONTENT_ENV, str(path))
    assert_friendly_page(run_page(mode=mode, region="neck"), path)


@pytest.mark.parametrize("kind", ["missing file", "directory"])
def test_unreadable_content_path_gives_the_friendly_page(tmp_path, monkeypatch, kind):
    path = tmp_path / "gone" / FILE_NAME if kind == "missing file" else tmp_path
    monkeypatch.setenv(CONTENT_ENV, str(path))
    at = run_page()
    assert not at.exception
    assert [t.value for t in at.title] == [FAILED_TITLE]
    page = "\n".join(shown_texts(at))
    assert "cannot be read" in page
    assert INTERNALS.search(page) is None, page


def test_a_fixed_file_is_shown_again_without_a_restart(tmp_path, monkeypatch):
    path = write(tmp_path, changed(lambda d: d["safety"][0].update(text=7)))
    monkeypatch.setenv(CONTENT_ENV, str(path))
    at = run_page()
    assert [t.value for t in at.title] == [FAILED_TITLE]
    path.write_bytes(CONTENT_FILE.read_bytes())
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # an edit a second later
    at.run()
    assert not at.exception
    assert FAILED_TITLE not in [t.value for t in at.title]
    assert "body_map" in component_keys(at)


def test_kiosk_config_hides_error_details():
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


def test_an_unexpected_error_shows_no_internals():
    """Whatever goes wrong in a page, a visitor sees a plain sentence: no message, type, trace or path."""
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    script = "def secret_helper():\n    raise KeyError('/srv/clinic/private.yaml')\n\nsecret_helper()\n"
    with patch_config_options({"client.showErrorDetails": config["client"]["showErrorDetails"]}):
        at = AppTest.from_string(script, default_timeout=30).run()
    assert len(at.exception) == 1
    shown = at.exception[0].message + "".join(at.exception[0].stack_trace)
    assert "redacted" in shown
    for leak in ("/srv/clinic", "private.yaml", "KeyError", "secret_helper", "Traceback"):
        assert leak not in shown
