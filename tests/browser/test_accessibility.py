"""Accessibility of the whole built site in a real headless Chromium.

axe-core (node_modules/axe-core, pinned in package.json) checks every page (home, article,
about, 404) in the light and the dark palette, on a desktop and a 360 px phone, against WCAG
2.0/2.1 A and AA plus axe's best practices. The keyboard tests check what axe cannot: a focus
ring that is really drawn (and stands out from what is behind it) on links, disclosure
summaries, inputs and buttons, and a skip link that lands where the reading starts.

The site is served under the path of mkdocs.yml's `site_url`, as it is deployed, because
404.html uses absolute URLs (it is served for any missing path).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import add_axe, add_stylesheet, route_sitemap_here

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PAGES = {"home": "", "article": "runners-knee/", "about": "about/", "404": "404.html"}
WIDTHS = {"desktop": 1280, "phone": 360}
ARTICLE = PAGES["article"]

RUN_AXE = """async (tags) => {
  const found = await axe.run(document, { runOnly: { type: "tag", values: tags } });
  const nodes = (v) => v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ");
  return {
    violations: found.violations.map((v) => `${v.id} (${v.impact}): ${nodes(v)}`),
    passes: found.passes.map((r) => r.id),
    incomplete: found.incomplete.map((r) => r.id),
    inapplicable: found.inapplicable.length,
  };
}"""


def run_axe(page: Page) -> dict[str, Any]:
    add_axe(page)
    return page.evaluate(RUN_AXE, TAGS)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_every_page_passes_axe(
    browser: Browser, subpath_url: str, name: str, scheme: str, width: str
) -> None:
    context = browser.new_context(
        service_workers="block",
        viewport={"width": WIDTHS[width], "height": 900},
        color_scheme=scheme,
    )
    try:
        page = context.new_page()
        page.goto(subpath_url + PAGES[name], wait_until="load")
        # Material follows the system setting: the default or the slate palette.
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        # The stylesheets really loaded (a 404 page with broken asset URLs would pass axe).
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") in {
            "sticky",
            "fixed",
        }
        found = run_axe(page)
    finally:
        context.close()
    print(
        f"\naxe {name} {scheme} {width}: {len(found['passes'])} rules pass, "
        f"{len(found['violations'])} fail, {found['inapplicable']} not applicable, "
        f"to review by hand: {', '.join(found['incomplete']) or 'none'}"
    )
    assert found["violations"] == []
    # The rules that matter most here really ran and found something to check.
    assert {"color-contrast", "landmark-one-main", "page-has-heading-one"} <= set(found["passes"])
    if name == "article":
        assert {"link-in-text-block", "heading-order", "image-alt"} <= set(found["passes"])


def test_dark_palette_chosen_with_the_toggle_passes_axe_and_is_kept(
    page: Page, subpath_url: str
) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(subpath_url, wait_until="load")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.locator("label[for='__palette_1']").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    # Stored by Material: kept on another page and after a reload, against the system setting.
    page.goto(subpath_url + ARTICLE, wait_until="load")
    page.reload(wait_until="load")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    found = run_axe(page)
    assert found["violations"] == []


# --- keyboard --------------------------------------------------------------------------------

FOCUS_STYLE = """(el) => {
  const target = el.matches("input.md-option") ? el.nextElementSibling : el;
  const style = getComputedStyle(target);
  // The ring is drawn outside the element: what is behind it is the parent's background,
  // made of layers up to the first opaque one.
  const layers = [];
  for (let behind = target.parentElement; behind; behind = behind.parentElement) {
    const color = getComputedStyle(behind).backgroundColor;
    layers.push(color);
    if (!color.startsWith("rgba")) break;
  }
  return {
    visible: el.matches(":focus-visible"),
    outline: [style.outlineStyle, parseFloat(style.outlineWidth), style.outlineColor],
    shadow: style.boxShadow,
    layers,
  };
}"""

# Something of each kind a keyboard user reaches; the header's palette toggle is a visually
# hidden radio button whose label carries the ring.
FOCUSABLE = {
    "header button": "input.md-option:not([hidden]) + label:not([hidden])",
    "search box": "input.md-search__input",
    "nav link": "nav.md-nav--primary a.md-nav__link",
    "text link": "article .md-typeset p a:not(.headerlink), article p a:not(.headerlink)",
    "citation link": "sup.citation a",
    "FAQ summary": "section.faq summary",
    "quiz input": "form.edusite-quiz input[type=number]",
    "quiz radio": "form.edusite-quiz input[type=radio]",
    "quiz button": "form.edusite-quiz button[type=submit]",
}


def rgba(color: str) -> tuple[float, float, float, float]:
    values = [float(v) for v in re.findall(r"[\d.]+", color)] + [1.0]
    return values[0], values[1], values[2], values[3]


def flatten(layers: list[str]) -> tuple[float, float, float]:
    """The colour seen through semi-transparent backgrounds, top layer first (white if none
    is opaque, as the page canvas is)."""
    red, green, blue = 255.0, 255.0, 255.0
    for layer in reversed(layers):
        r, g, b, alpha = rgba(layer)
        red, green, blue = (
            alpha * new + (1 - alpha) * old for new, old in ((r, red), (g, green), (b, blue))
        )
    return red, green, blue


def contrast(first: tuple[float, ...], second: tuple[float, ...]) -> float:
    """WCAG contrast ratio of two opaque colours (0-255 channels)."""

    def luminance(color: tuple[float, ...]) -> float:
        def channel(value: float) -> float:
            value /= 255
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        red, green, blue = (channel(v) for v in color[:3])
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    light, dark = sorted([luminance(first), luminance(second)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", FOCUSABLE)
def test_keyboard_focus_is_clearly_visible(
    page: Page, site_url: str, kind: str, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + ARTICLE, wait_until="load")
    selector = FOCUSABLE[kind]
    if kind == "header button":
        element = page.locator(selector).first.evaluate_handle("l => l.previousElementSibling")
    else:
        element = page.locator(selector).first.element_handle()
    assert element is not None, f"no {kind} on the article"
    # The quiz buttons are disabled until quiz-client.js wires their form.
    page.wait_for_function("e => !e.disabled", arg=element)
    # Reach it by keyboard: focus it, step back and Tab forward again.
    element.evaluate("e => { e.scrollIntoView({block: 'center'}); e.focus(); }")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert element.evaluate("e => e === document.activeElement"), f"Tab does not reach {kind}"
    style = element.evaluate(FOCUS_STYLE)
    assert style["visible"], f"{kind} does not match :focus-visible when focused by keyboard"
    outline_style, outline_width, outline_color = style["outline"]
    ring = outline_style not in {"none", "hidden"} and outline_width >= 2
    assert ring or style["shadow"] != "none", f"{kind}: no focus ring ({style})"
    if ring:
        behind = flatten(style["layers"])
        ratio = contrast(rgba(outline_color), behind)
        assert ratio >= 3, f"{kind}: focus ring {outline_color} on {behind}: {ratio:.2f}"


@pytest.mark.parametrize("name", ["home", "article", "about"])
def test_skip_link_is_first_and_lands_where_reading_starts(
    page: Page, site_url: str, name: str
) -> None:
    # networkidle, not load: Material still sets the page up after `load`, and a Tab pressed
    # meanwhile can lose its starting point (a race in this test; the page is fine).
    page.goto(site_url + PAGES[name], wait_until="networkidle")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert skip.evaluate("a => a === document.activeElement"), (
        "Tab does not reach the skip link first"
    )
    assert skip.is_visible() and skip.inner_text().strip() == "Skip to content"
    box = skip.bounding_box()
    assert box and box["width"] > 20 and box["y"] >= 0, f"skip link off screen: {box}"
    target = skip.evaluate("a => a.hash")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
    landed = page.locator(target)
    assert landed.evaluate("e => e.getBoundingClientRect().top") < 200
    if name == "article":
        # Not the first section: the title, key takeaways and disclaimer come before it.
        assert landed.locator("h1").count() == 1
        # The focus lands on the header itself, so the next Tab cannot start anywhere else.
        assert page.evaluate("document.activeElement.id") == "article-start"
        page.keyboard.press("Tab")
        first = page.evaluate("document.activeElement.closest('article') !== null")
        assert first, "Tab after the skip link leaves the article"


def test_404_page_says_what_happened_and_offers_the_way_on(page: Page, subpath_url: str) -> None:
    page.goto(subpath_url + PAGES["404"], wait_until="load")
    assert page.locator("article h1").inner_text() == "Page not found"
    links = page.eval_on_selector_all(
        "ul.edusite-not-found a", "links => links.map(a => [a.textContent, a.href])"
    )
    assert [text for text, _ in links] == ["Home", "Runner's knee", "About"]
    for _, href in links:  # absolute: they work from any missing address
        assert page.request.get(href).status == 200, href


def test_skip_link_follows_instant_navigation(page: Page, subpath_url: str) -> None:
    route_sitemap_here(page, subpath_url)  # Material navigates instantly only within it
    page.goto(subpath_url, wait_until="load")
    assert page.evaluate("document.querySelector('a.md-skip').hash") == "#runners-knee-guide"
    page.evaluate("window.__sameDocument = true")
    page.locator(f'nav.md-nav--primary a.md-nav__link[href$="/{ARTICLE}"]').first.click()
    page.wait_for_url(subpath_url + ARTICLE)
    page.wait_for_function("() => document.querySelector('a.md-skip')?.hash === '#article-start'")
    assert page.evaluate("window.__sameDocument === true"), "a full page load happened"
    page.locator("a.md-header__button.md-logo").click()
    page.wait_for_url(subpath_url)
    page.wait_for_function(
        "() => document.querySelector('a.md-skip')?.hash === '#runners-knee-guide'"
    )


@pytest.mark.parametrize("name", ["home", "article", "about"])
def test_reflows_at_320_css_pixels(browser: Browser, site_url: str, name: str) -> None:
    # WCAG 1.4.10: 1280 px at 400 % zoom is 320 CSS px; nothing may need sideways scrolling.
    context = browser.new_context(service_workers="block", viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(site_url + PAGES[name], wait_until="load")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        wide = page.evaluate(
            """() => [...document.querySelectorAll("article *")]
                .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
                .filter(e => !e.closest(".md-typeset__scrollwrap, pre"))
                .map(e => e.tagName + "." + e.className).slice(0, 5)"""
        )
        width = page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()
    assert width <= 320 and wide == [], f"{name}: {width}px wide; too wide: {wide}"


TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

CLIPPED = """() => [...document.querySelectorAll("article *")].filter((e) => {
  const s = getComputedStyle(e);
  if (!/hidden|clip/.test(s.overflow + s.overflowX + s.overflowY)) return false;
  if (!e.getClientRects().length) return false;
  return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
}).map((e) => `${e.tagName}.${e.className}`)"""


@pytest.mark.parametrize("name", ["home", "article", "about"])
def test_text_spacing_clips_nothing_on_a_phone(browser: Browser, site_url: str, name: str) -> None:
    # WCAG 1.4.12: readers may widen line, letter, word and paragraph spacing.
    context = browser.new_context(service_workers="block", viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(site_url + PAGES[name], wait_until="load")
        add_stylesheet(page, TEXT_SPACING)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        clipped = page.evaluate(CLIPPED)
        width = page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()
    assert clipped == [] and width <= 360, f"{name}: clipped {clipped}, {width}px wide"
