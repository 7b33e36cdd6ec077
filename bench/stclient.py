"""A Streamlit client that speaks the browser's websocket protocol, for load and bytes-per-tap figures.

What a browser does, found by capturing its frames (Playwright ``page.on("websocket")``):

- open ``ws://HOST:PORT/_stcore/stream`` with the subprotocol ``streamlit`` and an ``Origin`` of the page;
- send a ``BackMsg`` whose ``rerun_script`` is a ``ClientState`` (query string, widget states, the page's
  script hash, the hashes of cached messages it holds, and context: time zone, locale, URL);
- read ``ForwardMsg``s (``new_session``, ``delta``s, ...) until ``script_finished``.

A tap on the map or the list is the selection bridge's state value: the bridge's own widget id with
``json_value`` ``{"select": {"selection": "neck", "seq": 1}}`` (the chosen areas after the tap, as
tokens), rerunning only the bridge's fragment (``fragment_id``). A click on a button Python drew is
``trigger_value: true`` on the button's id. The ids come from the elements the server sent.

The client keeps Streamlit's message cache the way the browser does (messages at least 10 kB are cached
and, while the browser still holds them, the server sends a short reference instead), so the bytes
counted per tap are what a real page receives.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import zlib
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

MAP_KEY = "body_map"
BRIDGE_KEY = "selection"
VIEW_KEY = "region_panel"
RENDER_TIMEOUT = 30.0


class RenderError(RuntimeError):
    """A render that did not finish, or finished with an exception on the page."""


@dataclass
class Delta:
    kind: str
    path: tuple[int, ...]
    size: int
    text: str = ""


@dataclass
class Render:
    """One script run as the client saw it."""

    latency: float = 0.0
    frames: int = 0
    bytes: int = 0
    compressed_bytes: int = 0
    deltas: list[Delta] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    selection: str | None = None  # the areas the selection bridge was sent ("neck", "neck calf:right"), if it was
    texts: list[str] = field(default_factory=list)
    cache_refs: int = 0
    exception: str | None = None

    def shown_heading(self, panels: dict[str, dict]) -> str | None:
        """The heading the browser shows after this render: the selected region's panel."""
        if self.selection is None:
            return None
        return panels.get(self.selection, {}).get("heading")

    def bytes_of(self, kind: str) -> int:
        return sum(d.size for d in self.deltas if d.kind == kind)


class StreamlitSession:
    """One browser session over the websocket: ``await open()``, then ``rerun()``/``tap_region()``."""

    def __init__(
        self, base_url: str, query_string: str = "", *, measure_compression: bool = False, deflate: bool = False
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.deflate = deflate  # offer permessage-deflate, as browsers do
        self.query_string = query_string
        self.ws: ClientConnection | None = None
        self.page_script_hash = ""
        self.max_cached_message_age = 2
        self.cache: dict[str, int] = {}  # message hash -> runs since last used
        self.button_ids: dict[str, str] = {}  # widget id -> label
        self.map_id: str | None = None
        self.bridge_id: str | None = None  # the selection bridge: what a tap on the map or list sends
        self.bridge_fragment = ""  # the fragment it sits in: a tap reruns only that, as in a browser
        self.taps = 0
        self.panels: dict[str, dict] = {}  # the region view's panels, by region id ("" the start)
        self._reader: asyncio.Task[None] | None = None
        self._render: Render | None = None
        self._done: asyncio.Future[None] | None = None
        # permessage-deflate keeps one compression context per connection: estimate with one too.
        self._deflate = zlib.compressobj(6, zlib.DEFLATED, -15) if measure_compression else None

    async def open(self, timeout: float = RENDER_TIMEOUT) -> None:
        ws_url = self.base_url.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.ws = await connect(
            ws_url,
            subprotocols=["streamlit"],
            origin=self.base_url,
            compression="deflate" if self.deflate else None,
            max_size=None,
            open_timeout=timeout,
            ping_interval=None,
        )
        self._reader = asyncio.create_task(self._read())

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader

    async def rerun(
        self, widgets: list[WidgetState] | None = None, timeout: float = RENDER_TIMEOUT, fragment_id: str = ""
    ) -> Render:
        """Send one ``rerun_script`` (of the page, or only of ``fragment_id``) and wait for ``script_finished``."""
        assert self.ws is not None, "open() first"
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_script_hash
        state.fragment_id = fragment_id
        state.widget_states.widgets.extend(widgets or [])
        state.cached_message_hashes.extend(sorted(self.cache))
        state.context_info.timezone = "UTC"
        state.context_info.timezone_offset = 0
        state.context_info.locale = "en-US"
        state.context_info.url = f"{self.base_url}/"
        state.context_info.is_embedded = False
        state.context_info.color_scheme = "light"
        self._render = Render()
        self._done = asyncio.get_running_loop().create_future()
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        try:
            await asyncio.wait_for(asyncio.shield(self._done), timeout)
        except TimeoutError:
            raise RenderError(f"no script_finished within {timeout:.0f} s") from None
        render = self._render
        render.latency = time.perf_counter() - started
        self._age_cache()
        if render.exception:
            raise RenderError(f"the page showed an exception: {render.exception}")
        return render

    async def tap_region(self, region: str, timeout: float = RENDER_TIMEOUT) -> Render:
        """What a tap on the map or the list sends: the selection bridge's ``select`` state value
        (``region``: the areas chosen after the tap, as tokens, e.g. ``neck`` or ``neck calf:right``)."""
        if self.bridge_id is None:
            raise RenderError("the page has no selection bridge")
        widget = WidgetState(id=self.bridge_id)
        self.taps += 1  # the page's running tap number, as the bridge sends it
        widget.json_value = json.dumps({"select": {"selection": region, "seq": self.taps}})
        return await self.rerun([widget], timeout, fragment_id=self.bridge_fragment)

    async def click_button(self, key: str, timeout: float = RENDER_TIMEOUT) -> Render:
        """What a click on ``st.button(key=key)`` sends."""
        matches = [wid for wid in self.button_ids if wid.endswith(f"-{key}")]
        if len(matches) != 1:
            raise RenderError(f"no single button with key {key!r} (found {len(matches)})")
        return await self.rerun([WidgetState(id=matches[0], trigger_value=True)], timeout)

    # -- reading ------------------------------------------------------------------------------------

    async def _read(self) -> None:
        assert self.ws is not None
        try:
            async for frame in self.ws:
                if isinstance(frame, bytes):
                    self._on_frame(frame)
        except Exception as exc:
            if self._done is not None and not self._done.done():
                self._done.set_exception(RenderError(f"connection lost: {exc!r}"))
            return
        if self._done is not None and not self._done.done():
            self._done.set_exception(RenderError("connection closed by the server"))

    def _on_frame(self, frame: bytes) -> None:
        render = self._render
        msg = ForwardMsg()
        msg.ParseFromString(frame)
        kind = msg.WhichOneof("type")
        if render is None or self._done is None or self._done.done():
            return  # a status message after the run: not part of any render
        render.frames += 1
        render.bytes += len(frame)
        if self._deflate is not None:
            render.compressed_bytes += len(self._deflate.compress(frame) + self._deflate.flush(zlib.Z_SYNC_FLUSH)) - 4
        if msg.metadata.cacheable and msg.hash:
            self.cache[msg.hash] = 0
        if kind == "ref_hash":
            render.cache_refs += 1
            self.cache[msg.ref_hash] = 0
            render.deltas.append(Delta("ref_hash", tuple(msg.metadata.delta_path), len(frame)))
        elif kind == "new_session":
            self.page_script_hash = self.page_script_hash or msg.new_session.page_script_hash
            self.max_cached_message_age = msg.new_session.config.max_cached_message_age or 2
        elif kind == "navigation":
            # The page's own hash (what the browser echoes back), not new_session's main-script hash.
            self.page_script_hash = msg.navigation.page_script_hash or self.page_script_hash
        elif kind == "delta":
            self._on_delta(msg, len(frame), render)
        elif kind == "script_finished":
            self._done.set_result(None)

    def _on_delta(self, msg: ForwardMsg, size: int, render: Render) -> None:
        path = tuple(msg.metadata.delta_path)
        delta_kind = msg.delta.WhichOneof("type")
        if delta_kind != "new_element":
            render.deltas.append(Delta(delta_kind or "?", path, size))
            return
        element = msg.delta.new_element
        kind = element.WhichOneof("type") or "?"
        text = ""
        if kind == "heading":
            text = element.heading.body
            render.headings.append(text)
        elif kind == "markdown":
            text = element.markdown.body
            render.texts.append(text)
        elif kind == "button":
            self.button_ids[element.button.id] = element.button.label
            text = element.button.label
        elif kind == "bidi_component":
            component = element.bidi_component
            text = component.component_name
            if component.id.endswith(f"-{MAP_KEY}"):
                self.map_id = component.id
            elif component.id.endswith(f"-{BRIDGE_KEY}"):
                self.bridge_id = component.id
                self.bridge_fragment = msg.delta.fragment_id
                render.selection = json.loads(component.json).get("selected")
            elif component.id.endswith(f"-{VIEW_KEY}"):
                self.panels = json.loads(json.loads(component.json)["panels_json"])["panels"]
        elif kind == "exception":
            render.exception = f"{element.exception.type}: {element.exception.message}"
        render.deltas.append(Delta(kind, path, size, text))

    def _age_cache(self) -> None:
        for key in list(self.cache):
            self.cache[key] += 1
            if self.cache[key] > self.max_cached_message_age:
                del self.cache[key]
