"""The first paint, laid out the way it stays: Streamlit's page with our style sheet and mode in it.

Streamlit's ``index.html`` knows nothing of the app until its code has loaded and the first script
run's elements arrive; our page-wide style sheet came with the shell component, later still, and
the page moved as it landed (centred to wide, the header's room, the mode's bigger type). Here the
page is served with:

- ``<html data-dn-mode="kiosk">``: the mode the session will have (``?mode=``, else the
  deployment's), so every mode rule applies from the first paint;
- ``assets/page.css`` at the end of ``<body>`` (after Streamlit's own styles: same weight, ours win);
- a ``modulepreload`` for the code of Streamlit's elements that every page has but that Streamlit
  fetches only once the first of them arrives (the page stays hidden until they are drawn).

``FirstPaint`` is plain ASGI middleware (for ``st.App``, see ``explorer_server.py``): it rewrites only
HTML pages, passes everything else through untouched, and never imports Streamlit.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from urllib.parse import parse_qs

from dn_explorer.asgi_rewrite import ASGIApp, Headers, Message, Receive, Scope, Send, headers_named, send_rewritten
from dn_explorer.modes import Mode, Settings, parse_mode
from dn_explorer.paths import PAGE_CSS

NOT_PAGES = ("/_stcore/", "/static/", "/component/", "/app/static/", "/media/", "/favicon.png", "/manifest.json")
"""Streamlit's own routes: never a page, passed through as they are (streamed, compressed)."""
ASKED_AS_IS = (b"accept-encoding", b"if-none-match", b"if-modified-since", b"range", b"if-range")
"""Request headers a page is asked for without (see ``FirstPaint``)."""
NOT_OF_THE_REWRITE = (b"content-length", b"etag", b"last-modified", b"accept-ranges")
"""Answer headers that describe Streamlit's file, not the page as rewritten."""
_HTML_TAG = re.compile(rb"<html\b[^>]*>", re.IGNORECASE)


def read_style_sheet(path: Path) -> str:
    """A style sheet's text; refused if it could end its ``<style>`` early."""
    css = path.read_text(encoding="utf-8")
    if "</" in css:
        raise ValueError(f"{path}: a style sheet must not hold '</'")
    return css


@functools.cache
def page_css() -> str:
    """Our style sheet, read once per process (at the first page served, not at import)."""
    return read_style_sheet(PAGE_CSS)


LAZY_ELEMENTS = ("BidiComponent", "Button")
"""Streamlit's elements on every page whose code it fetches only when the first of them arrives:
asked for with the page instead (``<link rel="modulepreload">``), they are there when the first run's
elements are, and the page shows sooner."""
_IMPORT = re.compile(r'(?:from|import)\s*"\./([\w.$-]+\.js)"')


def lazy_chunks(js_dir: Path, names: tuple[str, ...] = LAZY_ELEMENTS) -> tuple[str, ...]:
    """The file names of those elements' code in Streamlit's build (``PageLink.<hash>.js``) and of
    every module they import, in a fixed order; the page's own preloads are left out later."""
    found: dict[str, None] = {}
    todo = [path.name for name in names for path in sorted(js_dir.glob(f"{name}.*.js"))]
    while todo:
        name = todo.pop(0)
        if name in found or not (js_dir / name).is_file():
            continue
        found[name] = None
        todo += _IMPORT.findall((js_dir / name).read_text(encoding="utf-8", errors="replace"))
    return tuple(found)


def first_mode(query_string: bytes, default: Mode) -> Mode:
    """The mode a session opened at this address will have (as ``explorer_ui.shell.current_mode``)."""
    values = parse_qs(query_string.decode("latin-1"), keep_blank_values=True).get("mode", [])
    return parse_mode(values) or default


def with_first_paint(page: bytes, mode: Mode, preloads: tuple[str, ...] = ()) -> bytes:
    """Streamlit's page with ``data-dn-mode`` on ``<html>``, our style sheet before ``</body>``, and a
    ``modulepreload`` for each of ``preloads`` (file names in Streamlit's ``static/js``) it lacks.

    The mode is one of our own fixed words and the sheet our own file: nothing from the request is
    written into the page. A page without the tags it expects comes back unchanged.
    """
    match = _HTML_TAG.search(page)
    if match is None or b"</body>" not in page:
        return page
    tag = match.group(0)
    marked = tag[:-1].rstrip(b"/ ") + f' data-dn-mode="{mode.value}">'.encode()
    page = page[: match.start()] + marked + page[match.end() :]
    missing = [name for name in preloads if f"static/js/{name}".encode() not in page]
    if missing and b"</head>" in page:
        links = "".join(
            f'<link rel="modulepreload" crossorigin href="./static/js/{html.escape(n)}">\n' for n in missing
        )
        head, _, tail = page.partition(b"</head>")
        page = head + links.encode() + b"</head>" + tail
    style = f'<style id="dn-page-style">\n{page_css()}</style>\n'.encode()
    head, _, tail = page.rpartition(b"</body>")
    return head + style + b"</body>" + tail


class FirstPaint:
    """ASGI middleware: pages (HTML answers to GET outside Streamlit's own routes) get
    ``with_first_paint``; everything else streams through untouched."""

    def __init__(self, app: ASGIApp, settings: Settings | None = None, js_dir: Path | None = None) -> None:
        self.app = app
        self.default_mode = (settings or Settings.from_env()).default_mode
        self.js_dir = js_dir
        self._preloads: tuple[str, ...] | None = None

    def preloads(self) -> tuple[str, ...]:
        """Read from Streamlit's build at the first page served (not at import), then kept."""
        if self._preloads is None:
            self._preloads = lazy_chunks(self.js_dir) if self.js_dir else ()
        return self._preloads

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope.get("method") != "GET" or path.startswith(NOT_PAGES):
            await self.app(scope, receive, send)
            return
        mode = first_mode(scope.get("query_string", b""), self.default_mode)
        # The page is small (8 kB): ask for it whole, uncompressed and unconditionally, so it can be
        # rewritten (nginx compresses it). A 304 would keep a browser's copy from before a change to
        # our style sheet, which Streamlit's date and ETag for its own file know nothing of.
        headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() not in ASKED_AS_IS]

        def is_page(start: Message) -> bool:
            return start.get("status") == 200 and headers_named(start).get(b"content-type", b"").startswith(
                b"text/html"
            )

        async def rewrite(headers: Headers, body: bytes) -> tuple[Headers, bytes]:
            kept = [(k, v) for k, v in headers if k.lower() not in NOT_OF_THE_REWRITE]
            return kept, with_first_paint(body, mode, self.preloads())

        await send_rewritten(self.app, {**scope, "headers": headers}, receive, send, hold=is_page, rewrite=rewrite)
