"""Browser-test fixtures: a live Streamlit server and real headless Chromium.

Debian's /usr/bin/chromium is used where it exists (no browser download);
elsewhere Playwright's own Chromium. The tests never skip: a missing browser
is an error, because a browser test that does not run proves nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.support.browser import CHROMIUM_ARGS, DEBIAN_CHROMIUM, Server


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    running = Server().start()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        executable = str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else None
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    opened = context.new_page()
    yield opened
    context.close()
