"""What only a browser shows about the content: the drawing loads, stays legible on the dark
palette, fits a phone screen, keeps its labels on the card, and the red-flag call-out is
visible.

Uses the browser fixtures of tests/browser, imported by this folder's conftest.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

pytestmark = pytest.mark.browser

FIGURE_IMG = "figure img[src$='knee-anatomy.svg']"


def _open(
    chromium: Browser, url: str, scheme: str, width: int = 1280
) -> tuple[BrowserContext, Page]:
    """A fresh context with the given colour-scheme preference, on `url`."""
    context = chromium.new_context(
        service_workers="block", color_scheme=scheme, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.goto(url)
    return context, page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_anatomy_drawing_loads_on_a_light_card(
    browser: Browser, site_url: str, scheme: str
) -> None:
    context, page = _open(browser, site_url + "runners-knee/", scheme)
    try:
        body_scheme = page.get_attribute("body", "data-md-color-scheme")
        assert body_scheme == ("slate" if scheme == "dark" else "default")
        img = page.locator(FIGURE_IMG)
        img.scroll_into_view_if_needed()
        page.wait_for_function(
            "sel => { const i = document.querySelector(sel); return i && i.complete; }",
            arg=FIGURE_IMG,
        )
        assert page.eval_on_selector(FIGURE_IMG, "i => i.naturalWidth") > 0
        assert "kneecap" in (img.get_attribute("alt") or "")
        # Sample the drawing's own background next to its corner: it must be white whatever
        # the page palette, so the dark labels keep their contrast.
        pixel = page.evaluate(
            """sel => {
                const img = document.querySelector(sel);
                const canvas = document.createElement('canvas');
                canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
                const ctx = canvas.getContext('2d');
                ctx.drawImage(img, 0, 0);
                return Array.from(ctx.getImageData(30, 80, 1, 1).data);
            }""",
            FIGURE_IMG,
        )
        assert pixel[:3] == [255, 255, 255] and pixel[3] == 255
    finally:
        context.close()


def test_drawing_fits_a_phone_screen(browser: Browser, site_url: str) -> None:
    context, page = _open(browser, site_url + "runners-knee/", "light", width=360)
    try:
        box = page.locator(FIGURE_IMG).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


def test_warning_sign_boxes_are_visible_by_tier(browser: Browser, site_url: str) -> None:
    context, page = _open(browser, site_url + "runners-knee/", "light")
    try:
        boxes = page.locator("#when-to-see-a-doctor ~ .edusite-care")
        assert boxes.count() == 4
        assert [boxes.nth(i).locator("li").count() for i in range(4)] == [5, 7, 5, 1]
        assert boxes.first.locator(".edusite-care__title").inner_text().startswith("Call 999")
        assert all(boxes.nth(i).is_visible() for i in range(4))
        assert page.locator(".admonition.danger").count() == 0  # red is for warnings only
    finally:
        context.close()


@pytest.mark.parametrize(
    "name",
    [
        "knee-anatomy.svg",
        "where-it-hurts.svg",
        "exercise-clamshell.svg",
        "exercise-bridge.svg",
        "exercise-wall-sit.svg",
        "exercise-step-up.svg",
    ],
)
def test_drawing_labels_stay_on_the_card(browser: Browser, site_url: str, name: str) -> None:
    """Larger labels on a narrow card must not run off its edge or under the rounded corner."""
    context, page = _open(browser, site_url + "images/" + name, "light")
    try:
        result = page.evaluate(
            """() => {
                const svg = document.documentElement;
                const vb = svg.viewBox.baseVal;
                const boxes = [...svg.querySelectorAll('text')].map(t => {
                    const b = t.getBBox();
                    return [t.textContent, b.x, b.y, b.x + b.width, b.y + b.height];
                });
                return {width: vb.width, height: vb.height, boxes};
            }"""
        )
        assert result["boxes"]
        for text, left, top, right, bottom in result["boxes"]:
            assert left >= 4 and top >= 4, f"{name}: {text!r} starts off the card"
            assert right <= result["width"] - 4, f"{name}: {text!r} runs off the card"
            assert bottom <= result["height"] - 4, f"{name}: {text!r} runs off the card"
    finally:
        context.close()
