"""Streamlit's own JavaScript, CSS and fonts, compressed once per process and kept: brotli for the
browsers that take it (every current one), gzip for the rest.

Streamlit sends ``/static/`` uncompressed on purpose (its GZip middleware would compress the same
2.6 MB again on every request) and leaves compression to a proxy in front. Without one (``make run``
on a clinic's network, a phone on a slow link) that was about 15 s of blank screen. These files are
named by their content hash and never change, so each is compressed (in a worker thread, off the
event loop) the first time it is asked for in a coding, and the compressed bytes are kept, by path,
ETag and coding: at most Streamlit's whole build in both, and in practice the 2-3 MB a page loads.
Brotli at quality 5 costs what gzip at 6 does and comes out about an eighth smaller (Streamlit's
main bundle: 1.2 MB against 1.4 MB); the higher qualities cost 4 to 60 times as long. Behind nginx
the replica's compressed answer passes through (nginx compresses only what comes uncompressed).
Plain ASGI middleware; never imports Streamlit.
"""

from __future__ import annotations

import asyncio
import gzip
from typing import Literal

import brotli  # type: ignore[import-untyped]  # the C library's own binding, no type hints

from dn_explorer.asgi_rewrite import ASGIApp, Headers, Message, Receive, Scope, Send, headers_named, send_rewritten

STATIC_PREFIX = "/static/"
TEXT_TYPES = (b"application/javascript", b"text/", b"application/json", b"image/svg+xml", b"font/ttf")
MIN_BYTES = 1024
NOT_OF_THE_COMPRESSED = (b"content-length", b"vary", b"accept-ranges", b"etag")
"""Answer headers that describe the file as stored: ranges and length would be of the wrong bytes."""


Coding = Literal[b"br", b"gzip"]
BROTLI_QUALITY = 5
GZIP_LEVEL = 6


def _refused(params: list[bytes]) -> bool:
    return any(p.replace(b" ", b"") in (b"q=0", b"q=0.0", b"q=0.00", b"q=0.000") for p in params)


def accepted_coding(scope: Scope) -> Coding | None:
    """The coding to answer in: brotli where ``Accept-Encoding`` takes it (not ``q=0``), else gzip
    where it takes that, else none."""
    taken: set[bytes] = set()
    for key, value in scope.get("headers", []):
        if key.lower() != b"accept-encoding":
            continue
        for part in value.lower().split(b","):
            coding, *params = (p.strip() for p in part.split(b";"))
            if not _refused(params):
                taken.add(coding)
    if b"br" in taken:
        return b"br"
    if b"gzip" in taken:
        return b"gzip"
    return None


def compress(body: bytes, coding: Coding) -> bytes:
    if coding == b"br":
        return bytes(brotli.compress(body, quality=BROTLI_QUALITY))
    return gzip.compress(body, GZIP_LEVEL, mtime=0)


class CompressedStatic:
    """ASGI middleware: a whole 200 answer to GET under ``/static/`` of a text type, to a client that
    takes brotli or gzip, goes out compressed from the cache. Everything else passes through untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.cache: dict[tuple[str, bytes, Coding], bytes] = {}  # (path, ETag, coding) -> compressed bytes
        self.compressions = 0

    async def _compressed(self, path: str, etag: bytes, coding: Coding, body: bytes) -> bytes:
        key = (path, etag, coding)
        if key not in self.cache:
            self.compressions += 1
            self.cache[key] = await asyncio.to_thread(compress, body, coding)
        return self.cache[key]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope.get("method") != "GET" or not path.startswith(STATIC_PREFIX):
            await self.app(scope, receive, send)
            return
        coding = accepted_coding(scope)
        if coding is None:
            await self.app(scope, receive, send)
            return

        def is_text(start: Message) -> bool:
            named = headers_named(start)
            return (
                start.get("status") == 200
                and named.get(b"content-type", b"").startswith(TEXT_TYPES)
                and b"content-encoding" not in named
                and b"content-range" not in named
            )

        async def rewrite(headers: Headers, body: bytes) -> tuple[Headers, bytes]:
            named = {k.lower(): v for k, v in headers}
            kept = [(k, v) for k, v in headers if k.lower() not in NOT_OF_THE_COMPRESSED]
            etag = named.get(b"etag", b"")
            if len(body) >= MIN_BYTES:
                body = await self._compressed(path, etag, coding, body)
                kept.append((b"content-encoding", coding))
                if etag:  # another representation: another tag, so a cache never mixes them
                    suffix = b"-" + coding
                    kept.append((b"etag", etag[:-1] + suffix + b'"' if etag.endswith(b'"') else etag + suffix))
            elif etag:
                kept.append((b"etag", etag))
            vary = named.get(b"vary", b"")
            vary = vary if b"accept-encoding" in vary.lower() else (vary + b", " if vary else b"") + b"Accept-Encoding"
            return [*kept, (b"vary", vary)], body

        await send_rewritten(self.app, scope, receive, send, hold=is_text, rewrite=rewrite)
