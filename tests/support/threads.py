"""Running a coroutine from a test, whatever ran before it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_coroutine(make_coroutine: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """``asyncio.run`` in a thread of its own: once a browser test has run, Playwright's sync API keeps an
    event loop running on the main thread, and ``asyncio.run`` there fails. The coroutine is made in that
    thread too, so none is left never awaited when something fails."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(make_coroutine())).result()
