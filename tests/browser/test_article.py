"""Articles in a real browser, on sites built with `mkdocs build --strict`.

What the generator makes of any article is checked on the second fixture site's sunburn page
(tests/sites/heat): citations and Sources link both ways, the FAQ opens from the keyboard,
the JSON-LD parses and matches what readers see, the header has byline, date, takeaways and
disclaimer. The real site's own pages are checked for what depends on them: every entry of
its bibliography is cited, no request leaves the site, a 360 px phone needs no horizontal
scrolling, print hides the chrome (and prints its DOI links), and instant navigation to its
article under the deployed path keeps the FAQ's JSON-LD.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.conftest import route_sitemap_here

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "runners-knee/"
FIXTURE_ARTICLE = "sunburn/"
PAGES = ["", ARTICLE, "about/"]


def bibliography_keys() -> set[str]:
    entries = json.loads((ROOT / "content/references.json").read_text(encoding="utf-8"))
    return {entry["id"] for entry in entries}


def normalise(text: str) -> str:
    """Whitespace collapsed, no space before punctuation (where a citation number was)."""
    return re.sub(r"\s+([.,;:!?)])", r"\1", " ".join(text.split()))


def open_article(page: Page, site_url: str) -> None:
    page.goto(site_url + ARTICLE, wait_until="load")


def test_every_citation_links_to_a_source_entry_and_back(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + FIXTURE_ARTICLE, wait_until="load")
    data = page.evaluate(
        # `a.hash`: Material's instant navigation rewrites hrefs to absolute URLs.
        """() => {
        const sources = [...document.querySelectorAll('ol.sources-list > li')];
        return {
          sources: sources.map(li => li.id),
          cites: [...document.querySelectorAll('sup.citation')].map(sup => ({
            id: sup.id, href: sup.querySelector('a').hash,
            number: sup.textContent.trim()})),
          backs: sources.map(li => [...li.querySelectorAll('a.citation-backref')].map(a => ({
            href: a.hash, label: a.getAttribute('aria-label')}))),
        };
      }"""
    )
    assert data["cites"], "the article cites nothing"
    sources = data["sources"]
    cite_ids = {c["id"] for c in data["cites"]}
    assert len(cite_ids) == len(data["cites"]), "citation ids must be unique"
    for cite in data["cites"]:
        target = cite["href"].removeprefix("#")
        assert target in sources, f"{cite['id']} links to a missing entry {target}"
        assert cite["number"] == str(sources.index(target) + 1)
    for source, backs in zip(sources, data["backs"], strict=True):
        assert backs, f"{source} has no back link"
        key = source.removeprefix("source-")
        for back in backs:
            assert back["href"].removeprefix("#") in cite_ids
            assert back["href"].startswith(f"#cite-{key}-")
            assert back["label"].startswith("Back to citation")
    # Numbers follow the order of first use in the page.
    first_use = list(dict.fromkeys(c["href"].removeprefix("#") for c in data["cites"]))
    assert first_use == sources

    first = data["cites"][0]
    page.click(f"#{first['id']} a")
    assert page.evaluate("location.hash") == first["href"]
    assert page.locator(first["href"]).is_visible()
    page.click(f"{first['href']} a.citation-backref >> nth=0")
    assert page.evaluate("location.hash") == f"#{first['id']}"


def test_every_source_in_the_bibliography_is_cited(page: Page, site_url: str) -> None:
    listed: set[str] = set()
    for path in PAGES:
        page.goto(site_url + path, wait_until="load")
        ids = page.eval_on_selector_all("ol.sources-list > li", "els => els.map(e => e.id)")
        listed |= {i.removeprefix("source-") for i in ids}
    assert listed == bibliography_keys()


def test_faq_opens_and_closes_from_the_keyboard(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + FIXTURE_ARTICLE, wait_until="load")
    summary = page.locator("section.faq summary").first
    details = page.locator("section.faq details").first
    assert page.locator("section.faq h2#faq").inner_text().startswith("Frequently asked")
    assert not details.evaluate("d => d.open")
    # Tab from the FAQ heading's permalink lands on the first question.
    page.locator("h2#faq a.headerlink").focus()
    page.keyboard.press("Tab")
    assert summary.evaluate("s => s === document.activeElement")
    page.keyboard.press("Enter")
    assert details.evaluate("d => d.open")
    assert details.locator(".faq-answer").is_visible()
    page.keyboard.press("Space")
    assert not details.evaluate("d => d.open")


def test_jsonld_parses_and_matches_the_visible_faq(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + FIXTURE_ARTICLE, wait_until="load")
    scripts = page.eval_on_selector_all(
        'script[type="application/ld+json"]', "els => els.map(e => e.textContent)"
    )
    data = {item["@type"]: item for item in map(json.loads, scripts)}
    assert set(data) == {"MedicalWebPage", "FAQPage"}
    visible = page.evaluate(
        """() => [...document.querySelectorAll('section.faq details')].map(d => {
          const answer = d.querySelector('.faq-answer').cloneNode(true);
          answer.querySelectorAll('sup.citation, sup.citation-sep').forEach(s => s.remove());
          return {q: d.querySelector('summary').textContent, a: answer.textContent};
        })"""
    )
    faq = data["FAQPage"]["mainEntity"]
    assert len(faq) == len(visible) == 2
    for entry, shown in zip(faq, visible, strict=True):
        assert entry["name"] == normalise(shown["q"])
        assert entry["acceptedAnswer"]["text"] == normalise(shown["a"])

    article = data["MedicalWebPage"]
    reviewed = page.get_attribute(".edusite-reviewed time", "datetime")
    assert article["lastReviewed"] == article["dateModified"] == reviewed
    assert article["headline"] == page.locator("article h1").inner_text()
    assert article["author"]["@type"] == "Organization"
    assert len(article["citation"]) == page.locator("ol.sources-list > li").count()


def test_article_header_shows_byline_review_date_takeaways_and_disclaimer(
    page: Page, fixture_url: str
) -> None:
    page.goto(fixture_url + FIXTURE_ARTICLE, wait_until="load")
    assert (
        page.locator(".edusite-byline")
        .inner_text()
        .startswith("By the Hot Weather Guide editorial team\n")
    )
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", page.get_attribute("time", "datetime") or "")
    assert page.locator(".edusite-takeaways li").count() >= 3
    assert "not medical advice" in page.locator(".edusite-disclaimer").inner_text().lower()


@pytest.mark.parametrize("path", PAGES)
def test_no_request_leaves_the_site(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path, wait_until="networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(300)
    assert page.external_requests == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", PAGES)
def test_no_horizontal_scroll_on_a_360px_phone(page: Page, site_url: str, path: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + path, wait_until="load")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{path or 'home'} is {width}px wide at 360px"


def test_print_hides_navigation_and_shows_link_addresses(page: Page, site_url: str) -> None:
    open_article(page, site_url)
    page.emulate_media(media="print")
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator(".md-sidebar").first.evaluate("e => getComputedStyle(e).display") == "none"
    doi = page.locator("a.source-doi").first
    assert doi.inner_text().startswith("https://doi.org/10.")
    # The content has no other outside links today: add one, as an editor might.
    after = page.evaluate(
        """() => {
          const a = document.createElement('a');
          a.href = 'https://example.org/x';
          a.className = 'external-link';
          a.textContent = 'a study';
          document.querySelector('.md-content article p').append(a);
          return getComputedStyle(a, '::after').content;
        }"""
    )
    assert after == '" (https://example.org/x)"'
    assert doi.evaluate("a => getComputedStyle(a, '::after').content") == "none"
    # Material opens every <details> before printing, so FAQ answers are on paper too.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("[...document.querySelectorAll('section.faq details')].every(d => d.open)")
    citation = page.locator("sup.citation a").first
    assert citation.evaluate("a => getComputedStyle(a, '::after').content") == "none"


def test_instant_navigation_to_the_article_throws_nothing_and_keeps_the_faq_jsonld(
    page: Page, subpath_url: str
) -> None:
    # A JSON-LD <script> inside the content would be re-created without its type by
    # Material's instant navigation and run as JavaScript: a SyntaxError on every visit.
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    route_sitemap_here(page, subpath_url)
    page.goto(subpath_url)
    page.evaluate("window.__sameDocument = true")
    page.locator(f'a.md-nav__link[href$="/{ARTICLE}"]').first.click()
    page.wait_for_url(f"{subpath_url}{ARTICLE}")
    page.locator("section.faq details").first.wait_for()
    assert page.evaluate("window.__sameDocument === true"), "a full page load happened"
    assert errors == []
    assert page.locator("article script").count() == 0
    scripts = page.eval_on_selector_all(
        'head script[type="application/ld+json"]', "els => els.map(e => e.textContent)"
    )
    data = {item["@type"]: item for item in map(json.loads, scripts)}
    assert set(data) == {"MedicalWebPage", "FAQPage"}
    shown = page.locator("section.faq summary").all_inner_texts()
    assert [q["name"] for q in data["FAQPage"]["mainEntity"]] == [normalise(q) for q in shown]
    page.go_back()  # and instantly back home: the article's JSON-LD leaves the head
    page.wait_for_url(subpath_url)
    expect(page.locator('head script[type="application/ld+json"]')).to_have_count(0)
    assert errors == []


RECORD_PAGE_REQUESTS = """
window.__pageRequests = [];
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  const path = new URL(url, location.href).pathname;
  if (path.endsWith("/") || path.endsWith(".html")) window.__pageRequests.push(path);
  return open.call(this, method, url, ...rest);
};
"""


def _citation(page: Page) -> Locator:
    return page.locator("sup.citation a").first


def _table_of_contents_entry(page: Page) -> Locator:
    return page.locator(".md-sidebar--secondary a.md-nav__link").first


def _search_result_on_this_page(page: Page) -> Locator:
    """A section of this page in Material's search results: its link carries `?h=`."""
    search = page.locator("input.md-search__input")  # in the header on a wide screen
    search.click()
    search.press_sequentially("kneecap", delay=30)  # Material searches on key events, not fill()
    results = page.locator(f'a.md-search-result__link[href*="/{ARTICLE}?h="][href*="#"]')
    results.first.wait_for()
    return results.first


@pytest.mark.parametrize(
    "find_link", [_citation, _table_of_contents_entry, _search_result_on_this_page]
)
def test_a_link_within_the_page_keeps_the_page_and_what_the_reader_typed(
    page: Page, subpath_url: str, find_link: Callable[[Page], Locator]
) -> None:
    # Material 9.8's instant navigation downloaded and re-rendered the page the first time its
    # address changed within the page after a full load (material-same-page-links.js).
    route_sitemap_here(page, subpath_url)  # as deployed: Material takes the links as its own
    page.add_init_script(RECORD_PAGE_REQUESTS)  # in the page: no request can arrive late
    page.goto(subpath_url + ARTICLE, wait_until="networkidle")
    page.locator("form[data-edusite-wired]").first.wait_for()
    page.evaluate("window.__pageRequests = []")
    container = page.locator("[data-md-component=container]")
    container.evaluate("c => { c.dataset.kept = 'yes' }")
    field = page.locator("input[type=number]").first
    field.fill("42")

    link = find_link(page)
    target_id = link.evaluate("a => a.hash.slice(1)")
    link.click()
    # Material's request starts in the task that changes the address (the click's, or the
    # popstate's, which the browser fires as it moves to the #hash), so none can come later.
    page.wait_for_function("hash => location.hash === hash", arg=f"#{target_id}")
    assert page.locator(f"[id='{target_id}']").evaluate("e => e.getBoundingClientRect().top") < 200
    expect(page.locator('[data-md-toggle="search"]')).not_to_be_checked()
    page.go_back()
    page.wait_for_function("() => location.hash === ''")

    assert page.evaluate("window.__pageRequests") == [], "the page was downloaded again"
    assert container.get_attribute("data-kept") == "yes", "the page was rendered again"
    assert field.input_value() == "42"


def test_once_material_has_navigated_to_another_page_it_handles_links_within_pages_again(
    page: Page, subpath_url: str
) -> None:
    route_sitemap_here(page, subpath_url)
    page.add_init_script(RECORD_PAGE_REQUESTS)
    page.goto(subpath_url + ARTICLE, wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")
    _citation(page).click()
    page.wait_for_function("() => location.hash.startsWith('#source-')")
    page.locator('a.md-nav__link[href$="/about/"]').first.click()  # instantly
    page.wait_for_url(f"{subpath_url}about/")
    expect(page.locator("article h1")).not_to_contain_text("Runner")

    page.go_back()  # Material must see this popstate: it brings the article back
    expect(page.locator("article h1")).to_contain_text("Runner's knee")
    assert page.evaluate("location.hash").startswith("#source-")
    page.evaluate("window.__pageRequests = []")
    _table_of_contents_entry(page).click()  # Material's own handling: no download
    page.wait_for_function("() => !location.hash.startsWith('#source-')")
    assert page.evaluate("window.__pageRequests") == []
    assert page.evaluate("window.__sameDocument === true"), "a full page load happened"


def test_on_a_phone_the_entry_for_the_section_the_reader_is_at_closes_the_drawer(
    page: Page, subpath_url: str
) -> None:
    # The address does not change, so the browser fires no hashchange, on which Material
    # closes its drawer: material-same-page-links.js closes it (and search) itself.
    page.set_viewport_size({"width": 360, "height": 740})
    route_sitemap_here(page, subpath_url)
    page.add_init_script(RECORD_PAGE_REQUESTS)
    page.goto(f"{subpath_url}{ARTICLE}#shoes", wait_until="networkidle")
    page.evaluate("window.__pageRequests = []")
    drawer = page.locator("#__drawer")
    page.locator('label.md-header__button[for="__drawer"]').click()
    expect(drawer).to_be_checked()
    page.locator('.md-sidebar--primary label.md-nav__link[for="__toc"]').click()
    entry = page.locator('.md-sidebar--primary a.md-nav__link[href$="#shoes"]')  # made absolute
    entry.click()
    expect(drawer).not_to_be_checked()
    assert page.evaluate("location.hash") == "#shoes"
    assert page.evaluate("window.__pageRequests") == []
