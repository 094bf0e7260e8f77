"""The real site's content folder, and a page's front matter as a plain dict, for the tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from edusite.structure.frontmatter import split_front_matter as split_raw

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"


def split_front_matter(markdown: str) -> tuple[dict[str, Any], str]:
    """The page's YAML front matter (empty if none) and the Markdown body after it."""
    raw, body, _ = split_raw(markdown)
    return (yaml.safe_load(raw) or {}) if raw else {}, body
