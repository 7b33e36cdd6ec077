"""Where the project's files live, resolved from this file rather than the working directory."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CONTENT_FILE = PROJECT_ROOT / "data" / "conditions.yaml"
BODY_MAP_SVG = PROJECT_ROOT / "assets" / "body_regions.svg"
COMPONENT_DIR = PROJECT_ROOT / "explorer_ui" / "body_map_component"
CLINIC_FILE = PROJECT_ROOT / "data" / "clinic.yaml"
PICTOGRAM_DIR = PROJECT_ROOT / "assets" / "pictograms"
PAGE_CSS = PROJECT_ROOT / "assets" / "page.css"
WORDS_DIR = PROJECT_ROOT / "data" / "words"
FONT_DIR = PROJECT_ROOT / "assets" / "fonts"
