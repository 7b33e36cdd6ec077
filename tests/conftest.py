"""Shared fixtures: the project's paths and the real, validated content."""

from __future__ import annotations

import pytest

from dn_explorer.content import ContentIndex, load_content
from dn_explorer.paths import CONTENT_FILE


@pytest.fixture(scope="session")
def content() -> ContentIndex:
    return load_content(CONTENT_FILE)
