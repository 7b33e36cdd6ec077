"""Streamlit's own JavaScript, CSS and fonts, gzipped once per process and kept.

Streamlit sends ``/static/`` uncompressed on purpose (its GZip middleware would compress the same
2.6 MB again on every request) and leaves compression to a proxy in front. Without one (``make run``
on a clinic's network, a phone on a slow link) that was about 15 s of blank screen. These files are
named by their content hash and never change, so each is compressed the first time it is asked for
and the compressed bytes are kept (``compressed``: at most a few hundred files, about 1 MB in all).
Behind nginx this does nothing: nginx asks its replicas without ``Accept-Encoding`` and compresses
itself. Plain ASGI middleware; never imports Streamlit.
"""

from __future__ import annotations

import functools
import gzip

from dn_explorer.first_paint import ASGIApp, Message, Receive, Scope, Send

STATIC_PREFIX = "/static/"
TEXT_TYPES = (b"application/javascript", b"text/", b"application/json", b"image/svg+xml", b"font/ttf")
MIN_BYTES = 1024


@functools.lru_cache(maxsize=1024)
def compressed(path: str, etag: bytes, body: bytes) -> bytes:
    """``body`` gzipped; cached by path and ETag (the file's identity), so once per file and process."""
    return gzip.compress(body, compresslevel=6, mtime=0)


def accepts_gzip(scope: Scope) -> bool:
    for key, value in scope.get("headers", []):
        if key.lower() == b"accept-encoding":
            return any(part.split(b";")[0].strip() == b"gzip" for part in value.lower().split(b","))
    return False


class CompressedStatic:
    """ASGI middleware: a whole 200 answer under ``/static/`` of a text type, to a client that takes
    gzip, goes out gzipped from the cache. Everything else passes through untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope.get("path", "").startswith(STATIC_PREFIX) or not accepts_gzip(scope):
            await self.app(scope, receive, send)
            return
        start: Message = {}
        chunks: list[bytes] = []
        holding = False

        async def compressing_send(message: Message) -> None:
            nonlocal holding
            if message["type"] == "http.response.start":
                named = {k.lower(): v for k, v in message.get("headers", [])}
                holding = (
                    message.get("status") == 200
                    and named.get(b"content-type", b"").startswith(TEXT_TYPES)
                    and b"content-encoding" not in named
                    and b"content-range" not in named
                )
                if holding:
                    start.update(message)
                else:
                    await send(message)
                return
            if not holding or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            dropped = (b"content-length", b"vary", b"accept-ranges")  # ranges would be of the gzipped bytes
            headers: list[tuple[bytes, bytes]] = [
                (k, v) for k, v in start.get("headers", []) if k.lower() not in dropped
            ]
            if len(body) >= MIN_BYTES:
                etag = dict((k.lower(), v) for k, v in headers).get(b"etag", b"")
                body = compressed(scope["path"], etag, body)
                headers.append((b"content-encoding", b"gzip"))
            headers.extend([(b"vary", b"Accept-Encoding"), (b"content-length", str(len(body)).encode())])
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, compressing_send)
