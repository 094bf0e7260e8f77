"""The drawings' labels stay readable on a phone.

An SVG shown with <img> scales as a whole: on a 360 px phone the article column is 328 px
wide, so a label's on-screen size is its font-size times 328 / viewBox width. The labels
must come out at 12 CSS px or more there, whatever font sizes or viewBox a later edit picks.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.content.pages import CONTENT_DIR

IMAGES = CONTENT_DIR / "images"
ARTICLE = CONTENT_DIR / "runners-knee.md"
SVG_NS = "{http://www.w3.org/2000/svg}"
#: Every drawing in content/images, so a new figure is checked without editing this list.
DRAWINGS = sorted(path.name for path in IMAGES.glob("*.svg"))
PHONE_COLUMN_PX = 328  # 360 px viewport minus the article's side padding
MIN_LABEL_PX = 12.0


def _font_size(element: ET.Element, inherited: float | None) -> float | None:
    """The element's own font-size (attribute or inline style), else the inherited one."""
    style = re.search(r"font-size\s*:\s*([^;]+)", element.get("style", ""))
    raw = style.group(1) if style else element.get("font-size")
    if raw is None:
        return inherited
    match = re.fullmatch(r"\s*([\d.]+)\s*(px)?\s*", raw)
    assert match, f"font-size {raw!r} is not in user units; the check cannot size it"
    return float(match.group(1))


def label_sizes(root: ET.Element) -> list[tuple[str, float]]:
    """(text, font-size in viewBox units) for every piece of visible text in the drawing."""
    sizes: list[tuple[str, float]] = []

    def walk(element: ET.Element, inherited: float | None) -> None:
        size = _font_size(element, inherited)
        if element.tag in {f"{SVG_NS}text", f"{SVG_NS}tspan"} and (element.text or "").strip():
            assert size is not None, f"{element.text!r} has no font-size (browser default 16px)"
            sizes.append((element.text.strip(), size))
        for child in element:
            if child.tag not in {f"{SVG_NS}title", f"{SVG_NS}desc", f"{SVG_NS}defs"}:
                walk(child, size)

    walk(root, None)
    return sizes


def smallest_label_px(name: str, shown_width: float = PHONE_COLUMN_PX) -> tuple[str, float]:
    root = ET.parse(IMAGES / name).getroot()
    viewbox_width = float(root.get("viewBox", "").split()[2])
    text, size = min(label_sizes(root), key=lambda pair: pair[1])
    return text, size * shown_width / viewbox_width


@pytest.mark.parametrize("name", DRAWINGS)
def test_labels_are_readable_on_a_phone(name: str) -> None:
    root = ET.parse(IMAGES / name).getroot()
    assert len(label_sizes(root)) >= 4, f"{name}: expected labelled text"
    text, px = smallest_label_px(name)
    assert px >= MIN_LABEL_PX, (
        f"{name}: label {text!r} shows at {px:.1f} CSS px when the drawing is "
        f"{PHONE_COLUMN_PX} px wide; use a narrower viewBox or a larger font-size "
        f"(at least {MIN_LABEL_PX} * viewBox width / {PHONE_COLUMN_PX})"
    )


@pytest.mark.parametrize("name", DRAWINGS)
def test_figure_size_in_markdown_matches_the_drawing(name: str) -> None:
    """The width/height the article gives the <img> keep the drawing's own proportions,
    so the browser reserves the right space and never stretches the labels."""
    root = ET.parse(IMAGES / name).getroot()
    _, _, vb_width, vb_height = (float(v) for v in root.get("viewBox", "").split())
    body = ARTICLE.read_text(encoding="utf-8")
    match = re.search(
        rf"\(images/{re.escape(name)}\)\{{[^}}]*width=\"(\d+)\"[^}}]*height=\"(\d+)\"", body
    )
    assert match, f"the article gives {name} no width and height"
    width, height = int(match.group(1)), int(match.group(2))
    assert abs(width / height - vb_width / vb_height) < 0.01


def test_every_drawing_is_checked() -> None:
    assert {"knee-anatomy.svg", "where-it-hurts.svg"} <= set(DRAWINGS)
    assert len([name for name in DRAWINGS if name.startswith("exercise-")]) >= 4


@pytest.mark.parametrize("name", DRAWINGS)
def test_drawing_is_used_with_alt_text(name: str) -> None:
    body = ARTICLE.read_text(encoding="utf-8")
    match = re.search(rf"!\[(?P<alt>[^\]]*)\]\(images/{re.escape(name)}\)", body)
    assert match, f"{name} is not shown in the article"
    assert len(match["alt"]) > 40, f"{name}: alt text too short to describe the drawing"
