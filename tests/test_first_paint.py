"""The first paint's middleware and Streamlit's static files compressed once: pure functions, and the
ASGI middleware driven by a stand-in app (no server)."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli  # type: ignore[import-untyped]
import pytest

from dn_explorer.first_paint import FirstPaint, first_mode, lazy_chunks, page_css, read_style_sheet, with_first_paint
from dn_explorer.modes import Mode, Settings
from dn_explorer.static_compression import CompressedStatic
from tests.support.threads import run_coroutine

PAGE = b'<!doctype html>\n<html lang="en">\n<head><title>x</title></head>\n<body><div id="root"></div></body></html>\n'


@pytest.mark.parametrize(
    ("query", "default", "expected"),
    [
        (b"", Mode.EXPLORE, Mode.EXPLORE),
        (b"", Mode.KIOSK, Mode.KIOSK),
        (b"mode=kiosk", Mode.EXPLORE, Mode.KIOSK),
        (b"lang=es&mode=present", Mode.EXPLORE, Mode.PRESENT),
        (b"mode=KIOSK", Mode.EXPLORE, Mode.KIOSK),  # as the app reads it (parse_mode)
        (b"mode=%3Cscript%3E", Mode.KIOSK, Mode.KIOSK),
        (b"mode=" + b"k" * 5000, Mode.EXPLORE, Mode.EXPLORE),
        (b"mode=kiosk&mode=present", Mode.EXPLORE, Mode.EXPLORE),  # two answers: neither
        (b"mode", Mode.EXPLORE, Mode.EXPLORE),
    ],
)
def test_first_mode_reads_the_address_as_the_app_does(query: bytes, default: Mode, expected: Mode) -> None:
    assert first_mode(query, default) is expected


@pytest.mark.parametrize("mode", list(Mode))
def test_the_page_carries_its_mode_and_the_style_sheet(mode: Mode) -> None:
    served = with_first_paint(PAGE, mode).decode()
    assert f'<html lang="en" data-dn-mode="{mode.value}">' in served
    style_at = served.index('<style id="dn-page-style">')
    assert served.index("</head>") < style_at < served.index("</body>")  # after Streamlit's own styles
    assert page_css() in served
    assert served.count("<style") == 1


def test_a_page_without_the_expected_tags_comes_back_unchanged() -> None:
    for page in (b"", b"<p>no html tag</p>", b"<html><head></head>no body end"):
        assert with_first_paint(page, Mode.KIOSK) == page


def test_a_style_sheet_that_could_end_its_style_element_is_refused(tmp_path: Path) -> None:
    sheet = tmp_path / "page.css"
    sheet.write_text("a { color: red }\n/* </style><script>alert(1)</script> */\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"page\.css"):
        read_style_sheet(sheet)


def test_the_shipped_style_sheet_hides_the_page_only_until_drawn_and_then_shows_it() -> None:
    css = page_css()
    assert 'html:not([data-dn-ready]) [data-testid="stMainBlockContainer"]' in css
    assert "animation: dn-show 0s linear 5s forwards" in css  # the page shows even if the shell never runs


# --- ASGI, with a stand-in for Streamlit ---------------------------------------------------------


def _inner(body: bytes, content_type: bytes, status: int = 200, extra: tuple[tuple[bytes, bytes], ...] = ()):
    seen: dict[str, object] = {}

    async def app(scope, receive, send) -> None:
        seen["headers"] = dict(scope["headers"])
        headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode()), *extra]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        half = len(body) // 2  # in two parts, as a file is streamed
        await send({"type": "http.response.body", "body": body[:half], "more_body": True})
        await send({"type": "http.response.body", "body": body[half:]})

    return app, seen


def _call(middleware, path: str, query: bytes = b"", method: str = "GET", headers=()) -> tuple[dict, bytes]:
    sent: list[dict] = []

    async def send(message) -> None:
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    scope = {"type": "http", "method": method, "path": path, "query_string": query, "headers": list(headers)}
    run_coroutine(lambda: middleware(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return {k.decode(): v.decode() for k, v in start["headers"]} | {"status": start["status"]}, body


def test_pages_are_served_with_their_mode_uncompressed_and_with_a_true_length() -> None:
    app, seen = _inner(PAGE, b"text/html")
    headers, body = _call(
        FirstPaint(app, Settings(default_mode=Mode.EXPLORE)),
        "/About_dry_needling",
        b"mode=kiosk",
        headers=[(b"accept-encoding", b"gzip")],
    )
    assert b'data-dn-mode="kiosk"' in body
    assert int(headers["content-length"]) == len(body)
    assert b"accept-encoding" not in seen["headers"]  # asked uncompressed, so it can be rewritten


@pytest.mark.parametrize(
    ("path", "method", "content_type"),
    [
        ("/static/js/index.js", "GET", b"application/javascript"),
        ("/_stcore/health", "GET", b"text/plain"),
        ("/", "POST", b"text/html"),
        ("/", "GET", b"application/json"),
    ],
)
def test_everything_but_pages_passes_through_untouched(path: str, method: str, content_type: bytes) -> None:
    app, _ = _inner(PAGE, content_type)
    _, body = _call(FirstPaint(app, Settings()), path, method=method)
    assert body == PAGE


SCRIPT = b"function f() { return 1; }\n" * 400


UNCOMPRESS = {"br": brotli.decompress, "gzip": gzip.decompress}


@pytest.mark.parametrize(
    ("accept", "coding"),
    [
        (b"gzip, deflate, br, zstd", "br"),  # what Chromium asks for
        (b"gzip", "gzip"),
        (b"br;q=0, gzip", "gzip"),  # brotli refused
        (b"gzip;q=0, br", "br"),
    ],
)
def test_static_text_goes_out_compressed_and_is_compressed_once_per_file_and_coding(accept: bytes, coding: str) -> None:
    app, _ = _inner(SCRIPT, b"application/javascript", extra=((b"etag", b'"abc"'), (b"accept-ranges", b"bytes")))
    middleware = CompressedStatic(app)
    for _ in range(3):
        headers, body = _call(middleware, "/static/js/x.js", headers=[(b"accept-encoding", accept)])
        assert headers["content-encoding"] == coding
        assert UNCOMPRESS[coding](body) == SCRIPT
        assert len(body) < len(SCRIPT) / 10
        assert int(headers["content-length"]) == len(body)
        assert "accept-ranges" not in headers
        assert headers["vary"] == "Accept-Encoding"
        assert headers["etag"] == f'"abc-{coding}"'  # not the plain file's tag, nor the other coding's
    assert middleware.compressions == 1
    assert list(middleware.cache) == [("/static/js/x.js", b'"abc"', coding.encode())]  # the key holds no body


@pytest.mark.parametrize(
    ("path", "accept", "content_type", "status", "body"),
    [
        ("/static/js/x.js", b"deflate, zstd", b"application/javascript", 200, SCRIPT),  # neither taken
        ("/static/js/x.js", b"gzip", b"application/javascript", 206, SCRIPT),  # a range
        ("/static/media/x.woff2", b"gzip", b"font/woff2", 200, SCRIPT),  # compressed already
        ("/static/js/x.js", b"gzip", b"application/javascript", 200, b"tiny"),
        ("/component/x.js", b"gzip", b"application/javascript", 200, SCRIPT),  # not Streamlit's static files
        ("/static/js/x.js", b"gzip;q=0, br;q=0", b"application/javascript", 200, SCRIPT),  # both refused
    ],
    ids=["neither", "range", "woff2", "tiny", "not-static", "both-q0"],
)
def test_static_answers_that_must_not_be_compressed_pass_as_they_are(
    path: str, accept: bytes, content_type: bytes, status: int, body: bytes
) -> None:
    app, _ = _inner(body, content_type, status)
    headers, sent = _call(CompressedStatic(app), path, headers=[(b"accept-encoding", accept)])
    assert sent == body
    assert "content-encoding" not in headers


def test_the_code_of_streamlit_s_everyday_elements_is_asked_for_with_the_page(tmp_path: Path) -> None:
    (tmp_path / "PageLink.abc.js").write_text('import{a}from"./dep.1.js";import"./side.2.js";', encoding="utf-8")
    (tmp_path / "dep.1.js").write_text('import{b}from"./index.main.js";', encoding="utf-8")
    (tmp_path / "side.2.js").write_text("", encoding="utf-8")
    (tmp_path / "index.main.js").write_text('import{c}from"./dep.1.js";', encoding="utf-8")  # a cycle
    (tmp_path / "Other.x.js").write_text("", encoding="utf-8")
    chunks = lazy_chunks(tmp_path, ("PageLink", "Missing"))
    assert chunks == ("PageLink.abc.js", "dep.1.js", "side.2.js", "index.main.js")
    page = PAGE.replace(b"</head>", b'<script type="module" src="./static/js/index.main.js"></script></head>')
    served = with_first_paint(page, Mode.EXPLORE, chunks).decode()
    for name in ("PageLink.abc.js", "dep.1.js", "side.2.js"):
        assert served.count(f'<link rel="modulepreload" crossorigin href="./static/js/{name}">') == 1
    assert served.count("index.main.js") == 1  # the page has it already
    assert served.index("modulepreload") < served.index("</head>")


def test_a_page_is_always_asked_for_whole_so_no_browser_keeps_an_old_one() -> None:
    app, seen = _inner(PAGE, b"text/html", extra=((b"etag", b'"streamlit"'), (b"last-modified", b"Tue, 1 Dec 2026")))
    asked = [(b"if-none-match", b'"streamlit"'), (b"if-modified-since", b"Tue, 1 Dec 2026"), (b"range", b"bytes=0-9")]
    headers, body = _call(FirstPaint(app, Settings()), "/", headers=asked)
    assert not {b"if-none-match", b"if-modified-since", b"range"} & set(seen["headers"])
    assert headers["status"] == 200
    assert b"dn-page-style" in body
    assert "etag" not in headers  # Streamlit's tags and dates are of its file, not of this page
    assert "last-modified" not in headers


def test_head_requests_pass_through_both_middlewares() -> None:
    for middleware, path in ((FirstPaint, "/"), (CompressedStatic, "/static/js/x.js")):
        app, _ = _inner(SCRIPT, b"application/javascript")
        _, body = _call(middleware(app), path, method="HEAD", headers=[(b"accept-encoding", b"gzip")])
        assert body == SCRIPT
