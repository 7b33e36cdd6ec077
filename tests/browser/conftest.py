"""Browser-test fixtures: a live Streamlit server and real headless Chromium.

Debian's /usr/bin/chromium is used where it exists (no browser download);
elsewhere Playwright's own Chromium. The tests never skip: a missing browser
is an error, because a browser test that does not run proves nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from tests.support.browser import CHROMIUM_ARGS, DEBIAN_CHROMIUM, Server
from tests.support.speech import RECORDER, SPEECH_ARGS, speech_engine


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    running = Server().start()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as running:
        yield running


def _executable() -> str | None:
    return str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else None


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    launched = playwright.chromium.launch(executable_path=_executable(), args=CHROMIUM_ARGS)
    yield launched
    launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def speech_browser(playwright: Playwright, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """Chromium with a real on-device speech engine (speech-dispatcher and espeak-ng, silent output)."""
    with speech_engine(tmp_path_factory.mktemp("speech")) as env:
        launched = playwright.chromium.launch(
            executable_path=_executable(), args=CHROMIUM_ARGS + SPEECH_ARGS, env={**os.environ, **env}
        )
        yield launched
        launched.close()


@pytest.fixture
def speech_page(speech_browser: Browser) -> Iterator[Page]:
    """A page whose speech is recorded (``window.__speech``) and still spoken by the engine."""
    context = speech_browser.new_context(viewport={"width": 1920, "height": 1080})
    context.add_init_script(RECORDER)
    opened = context.new_page()
    yield opened
    context.close()
