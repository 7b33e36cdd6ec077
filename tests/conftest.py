"""Shared fixtures: the real, validated content and clinic files."""

from __future__ import annotations

import pytest

from dn_explorer.clinic import Clinic, load_clinic
from dn_explorer.content import ContentIndex, load_content
from dn_explorer.paths import CLINIC_FILE, CONTENT_FILE


@pytest.fixture(scope="session")
def content() -> ContentIndex:
    return load_content(CONTENT_FILE)


@pytest.fixture(scope="session")
def clinic() -> Clinic:
    return load_clinic(CLINIC_FILE)
