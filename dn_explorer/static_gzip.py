"""Streamlit's own JavaScript, CSS and fonts, gzipped once per process and kept.

Streamlit sends ``/static/`` uncompressed on purpose (its GZip middleware would compress the same
2.6 MB again on every request) and leaves compression to a proxy in front. Without one (``make run``
on a clinic's network, a phone on a slow link) that was about 15 s of blank screen. These files are
named by their content hash and never change, so each is compressed (in a worker thread, off the
event loop) the first time it is asked for, and the compressed bytes are kept, by path and ETag: at
most Streamlit's whole build, about 6 MB gzipped, and in practice the 2-3 MB a page loads. Behind
nginx the replica's gzipped answer passes through (nginx compresses only what comes uncompressed).
Plain ASGI middleware; never imports Streamlit.
"""

from __future__ import annotations

import asyncio
import gzip

from dn_explorer.asgi_rewrite import ASGIApp, Headers, Message, Receive, Scope, Send, headers_named, send_rewritten

STATIC_PREFIX = "/static/"
TEXT_TYPES = (b"application/javascript", b"text/", b"application/json", b"image/svg+xml", b"font/ttf")
MIN_BYTES = 1024
NOT_OF_THE_GZIPPED = (b"content-length", b"vary", b"accept-ranges", b"etag")
"""Answer headers that describe the file as stored: ranges and length would be of the wrong bytes."""


def accepts_gzip(scope: Scope) -> bool:
    """``Accept-Encoding`` names gzip without ``q=0``."""
    for key, value in scope.get("headers", []):
        if key.lower() != b"accept-encoding":
            continue
        for part in value.lower().split(b","):
            coding, *params = (p.strip() for p in part.split(b";"))
            if coding == b"gzip":
                return not any(p.replace(b" ", b"") in (b"q=0", b"q=0.0", b"q=0.00", b"q=0.000") for p in params)
    return False


class CompressedStatic:
    """ASGI middleware: a whole 200 answer to GET under ``/static/`` of a text type, to a client that
    takes gzip, goes out gzipped from the cache. Everything else passes through untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.cache: dict[tuple[str, bytes], bytes] = {}  # (path, ETag) -> gzipped bytes
        self.compressions = 0

    async def _compressed(self, path: str, etag: bytes, body: bytes) -> bytes:
        key = (path, etag)
        if key not in self.cache:
            self.compressions += 1
            self.cache[key] = await asyncio.to_thread(gzip.compress, body, 6, mtime=0)
        return self.cache[key]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope.get("method") != "GET" or not path.startswith(STATIC_PREFIX):
            await self.app(scope, receive, send)
            return
        if not accepts_gzip(scope):
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
            kept = [(k, v) for k, v in headers if k.lower() not in NOT_OF_THE_GZIPPED]
            etag = named.get(b"etag", b"")
            if len(body) >= MIN_BYTES:
                body = await self._compressed(path, etag, body)
                kept.append((b"content-encoding", b"gzip"))
                if etag:  # another representation: another tag, so a cache never mixes the two
                    kept.append((b"etag", etag[:-1] + b'-gzip"' if etag.endswith(b'"') else etag + b"-gzip"))
            elif etag:
                kept.append((b"etag", etag))
            vary = named.get(b"vary", b"")
            vary = vary if b"accept-encoding" in vary.lower() else (vary + b", " if vary else b"") + b"Accept-Encoding"
            return [*kept, (b"vary", vary)], body

        await send_rewritten(self.app, scope, receive, send, hold=is_text, rewrite=rewrite)
