"""The site on paper and in both palettes, in a real headless Chromium.

Print (emulated print media, and a real PDF from Chromium's print engine) keeps the article,
its key takeaways, disclaimer, FAQ answers and Sources, drops the site's chrome, uses dark
text on white whatever palette the reader chose, and prints the address of every link to
another site. The reader-facing polish a screenshot review found is pinned here too: the
navigation order, citation numbers set against the word they follow, and the takeaways box.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import ROOT, SiteServer, build_site

ARTICLE = "runners-knee/"
OUTSIDE_LINK = "https://www.example.org/knee-pain/"
SITE_URL = "https://example.org/runners-knee-guide/"  # mkdocs.yml's site_url

HIDDEN_ON_PAPER = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
    ".md-top",
    ".md-skip",
    ".headerlink",
]
SCREEN_ONLY_HIDDEN = [".edusite-print-source"]
KEPT_ON_PAPER = [
    "article h1",
    ".edusite-print-source",
    ".edusite-byline",
    ".edusite-takeaways",
    ".edusite-disclaimer",
    "figure img",
    "h2#when-to-see-a-doctor",
    "section.faq .faq-answer",
    "section.sources ol.sources-list > li",
]


def display(page: Page, selector: str) -> list[bool]:
    """For each match: is it laid out (no `display: none` on it or an ancestor)?"""
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getClientRects().length > 0)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_print_keeps_the_article_and_drops_the_chrome(
    page: Page, site_url: str, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + ARTICLE, wait_until="load")
    for selector in SCREEN_ONLY_HIDDEN:
        assert not any(display(page, selector)), f"{selector} is shown on screen"
    page.emulate_media(media="print", color_scheme=scheme)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # Material opens <details>
    for selector in HIDDEN_ON_PAPER:
        shown = display(page, selector)
        assert shown and not any(shown), f"{selector} is printed"
    for selector in KEPT_ON_PAPER:
        shown = display(page, selector)
        assert shown and all(shown), f"{selector} is missing on paper"
    sources = page.locator("section.sources ol.sources-list > li")
    cited = json.loads((ROOT / "content" / "references.json").read_text(encoding="utf-8"))
    assert sources.count() == len(cited)  # the guide cites every source in the bibliography
    # Where the printout came from (shown on paper only).
    origin = page.locator(".edusite-print-source")
    assert origin.inner_text() == f"From Runner's Knee Guide: {SITE_URL}{ARTICLE}"
    # Dark text on white paper, even for a reader who chose the dark palette.
    colours = page.evaluate(
        """() => [document.body, document.querySelector("article p")].map(
            e => [getComputedStyle(e).color, getComputedStyle(document.body).backgroundColor])"""
    )
    for text, background in colours:
        assert background == "rgb(255, 255, 255)", f"{scheme}: paper is {background}"
        assert text.startswith(("rgb(0, 0, 0", "rgba(0, 0, 0")), f"{scheme}: text is {text}"


@pytest.fixture(scope="module")
def site_with_outside_link(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site, with one link to another site added to the About page as an editor
    would write it, built with `mkdocs build --strict` and served."""
    project = tmp_path_factory.mktemp("outside-link")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for shared in ["site_overrides", "quizzes", "node_modules", ".cache"]:
        (project / shared).symlink_to(ROOT / shared, target_is_directory=True)
    about = project / "content" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8")
        + f"\nMore help: the [knee pain pages]({OUTSIDE_LINK}) of a health service.\n",
        encoding="utf-8",
    )
    build_site(project / "site", project / "mkdocs.yml")
    server = SiteServer(project / "site")
    yield server.url
    server.close()


def test_print_shows_where_links_to_other_sites_go(page: Page, site_with_outside_link: str) -> None:
    page.goto(site_with_outside_link + "about/", wait_until="load")
    page.emulate_media(media="print")
    after = page.eval_on_selector_all(
        "article a:not(.headerlink)",
        """links => links.map(a => ({
            href: a.getAttribute("href"), outside: a.host !== location.host,
            after: getComputedStyle(a, "::after").content}))""",
    )
    outside = [link for link in after if link["href"] == OUTSIDE_LINK]
    assert len(outside) == 1
    assert outside[0]["after"] == f'" ({OUTSIDE_LINK})"'
    # Material makes every href absolute in the browser: tell ours apart by host.
    inside = [link for link in after if not link["outside"]]
    assert inside, "the About page links nowhere inside the site"
    assert all(link["after"] in {"none", "normal"} for link in inside), inside
    # On screen the address stays out of the way.
    page.emulate_media(media="screen")
    shown = page.locator(f'article a[href="{OUTSIDE_LINK}"]')
    assert shown.evaluate("a => getComputedStyle(a, '::after').content") in {"none", "normal"}


def test_sources_links_print_their_address_as_their_text(page: Page, site_url: str) -> None:
    page.goto(site_url + ARTICLE, wait_until="load")
    page.emulate_media(media="print")
    links = page.eval_on_selector_all(
        "section.sources .source-text a",
        "links => links.map(a => [a.getAttribute('href'), a.textContent.trim()])",
    )
    assert len(links) >= 10  # the entries with a DOI or a web address
    for href, text in links:
        assert text == href, f"{href} prints as {text!r}"


def test_the_article_prints_to_a_pdf(browser: Browser, site_url: str) -> None:
    context = browser.new_context(service_workers="block", color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(site_url + ARTICLE, wait_until="load")
        pdf = page.pdf(format="A4", margin={"top": "15mm", "bottom": "15mm"})
    finally:
        context.close()
    assert pdf.startswith(b"%PDF-")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    print(f"\narticle PDF: {len(pdf) // 1024} KiB, {pages} A4 pages")
    assert 4 <= pages <= 40, f"{pages} pages"
    assert len(pdf) > 50_000


# --- polish found by looking at the pages -----------------------------------------------------


def test_navigation_reads_home_guide_about(page: Page, site_url: str) -> None:
    page.goto(site_url + ARTICLE, wait_until="load")
    labels = page.eval_on_selector_all(
        "nav.md-nav--primary > ul > li > a.md-nav__link",
        "links => links.map(a => a.textContent.trim())",
    )
    assert labels == ["Home", "Runner's knee", "About"]


def test_citation_numbers_sit_against_the_word(page: Page, site_url: str) -> None:
    page.goto(site_url + ARTICLE, wait_until="load")
    before = page.evaluate(
        """() => [...document.querySelectorAll("sup.citation, .citation-group")]
            .filter(e => !e.parentElement.classList.contains("citation-group"))
            .map(e => e.previousSibling?.nodeType === 3 ? e.previousSibling.data : "")"""
    )
    assert before, "the article cites nothing"
    spaced = [text[-20:] for text in before if text[-1:].isspace()]
    assert spaced == [], f"space before a citation number: {spaced}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_key_takeaways_box_is_set_apart_in_both_palettes(
    page: Page, site_url: str, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + ARTICLE, wait_until="load")
    box = page.locator(".edusite-takeaways")
    style = box.evaluate(
        """b => { const s = getComputedStyle(b);
          return [s.backgroundColor, s.borderLeftColor, s.borderLeftWidth,
                  getComputedStyle(document.body).backgroundColor,
                  getComputedStyle(document.querySelector(".md-header")).backgroundColor]; }"""
    )
    background, border, width, page_background, header = style
    assert background != page_background, "the box does not stand out from the page"
    assert border == header, "the box's edge is not the site's teal"
    assert float(width.removesuffix("px")) >= 3
