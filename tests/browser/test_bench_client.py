"""The benchmarks' websocket client taps the way the page does: if the bridge's protocol changes, the load
and bytes-per-tap figures would measure taps the app ignores, so this checks one against a live server."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.stclient import StreamlitSession
from tests.support.browser import Server

pytestmark = pytest.mark.browser


async def _tap(url: str) -> list[str | None]:
    session = StreamlitSession(url)
    await session.open()
    try:
        first = await session.rerun()
        neck = await session.tap_region("neck")
        several = await session.tap_region("neck calf:right")
        return [first.selection, neck.selection, several.selection]
    finally:
        await session.close()


def test_a_benchmark_tap_is_one_the_app_takes(server: Server):
    # In a thread of its own: Playwright's sync API keeps an event loop running on this one.
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, _tap(server.url)).result() == ["", "neck", "neck calf:right"]
