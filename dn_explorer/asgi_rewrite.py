"""ASGI types, and the one delicate piece both our middlewares share: holding a whole answer back
and sending it rewritten (``FirstPaint``'s pages, ``CompressedStatic``'s gzipped files).

Never imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Headers = list[tuple[bytes, bytes]]


def headers_named(message: Message) -> dict[bytes, bytes]:
    """A message's headers by lower-case name."""
    return {k.lower(): v for k, v in message.get("headers", [])}


async def send_rewritten(
    app: ASGIApp,
    scope: Scope,
    receive: Receive,
    send: Send,
    *,
    hold: Callable[[Message], bool],
    rewrite: Callable[[Headers, bytes], Awaitable[tuple[Headers, bytes]]],
) -> None:
    """Run ``app``; an answer whose start ``hold`` accepts is gathered whole and sent as ``rewrite``
    makes it (its headers without Content-Length, and its body; the length is set here). Any other
    answer passes through as it comes. A whole body is needed, so no zero-copy file sending."""
    extensions = {k: v for k, v in (scope.get("extensions") or {}).items() if k != "http.response.pathsend"}
    scope = {**scope, "extensions": extensions}
    start: Message = {}
    chunks: list[bytes] = []
    holding = False

    async def holding_send(message: Message) -> None:
        nonlocal holding
        if message["type"] == "http.response.start":
            holding = hold(message)
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
        kept = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers, body = await rewrite(kept, b"".join(chunks))
        await send({**start, "headers": [*headers, (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    await app(scope, receive, holding_send)
