"""Nothing an editor writes runs as script: a site whose every text field holds a payload.

The real site is copied and every front-matter field, an FAQ question, a source's title and
a quiz's title, prompt and option label get an `<img onerror>` payload (tests/browser/
hostile_site.py). The copy must build strictly; then, in Chromium, every page is visited,
the navigation opened and the hostile title searched for: no payload may run (it would set
`window.__pwned` or open a dialog) and the editor's text must be shown as text.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.hostile_site import HOSTILE_TITLE, make_hostile_site, payload
from tests.conftest import SiteServer, build_site

ARTICLE = "runners-knee/"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("hostile")
    config = make_hostile_site(project)
    site_dir = tmp_path_factory.mktemp("hostile-site")
    build_site(site_dir, config)
    server = SiteServer(site_dir)
    yield server.url
    server.close()


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page, and the messages of every dialog a payload opened (dismissed at once)."""
    context = browser.new_context(service_workers="block", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []

    def dismiss(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    yield page, dialogs
    context.close()


def assert_nothing_ran(page: Page, dialogs: list[str]) -> None:
    page.wait_for_timeout(300)  # an `onerror` fires once the broken image fails to load
    assert page.evaluate("() => window.__pwned") is None, page.evaluate("() => window.__pwned")
    assert dialogs == []


def test_every_page_shows_the_payloads_as_text(
    watched: tuple[Page, list[str]], hostile_url: str
) -> None:
    page, dialogs = watched
    for path in ("", ARTICLE, "about/", "plain/", "404.html"):
        page.goto(hostile_url + path, wait_until="load")
        assert_nothing_ran(page, dialogs)
        assert page.locator("img[src='x']").count() == 0, path
        # The navigation names every page by the text its editor wrote.
        nav = page.locator("nav.md-nav--primary")
        expect(nav).to_contain_text(HOSTILE_TITLE)
        expect(nav).to_contain_text(payload("nav"))
    page.goto(hostile_url + ARTICLE, wait_until="load")
    assert page.title() == f"{HOSTILE_TITLE} - Runner's Knee Guide"
    expect(page.locator("h1").first).to_have_text(HOSTILE_TITLE)
    expect(page.locator(".md-header__topic").last).to_contain_text(HOSTILE_TITLE)
    for field in ("description", "summary", "byline", "faq", "source", "quiz-title", "prompt"):
        expect(page.locator("article")).to_contain_text(payload(field))
    expect(page.locator("article label").get_by_text(payload("option"))).to_have_count(1)
    # Search engines get the same text: JSON-LD parses back to exactly what was written.
    data = page.evaluate(
        """() => [...document.querySelectorAll('script[type="application/ld+json"]')]
            .map(s => JSON.parse(s.textContent))"""
    )
    article, faq = data[0], data[1]
    assert article["headline"] == HOSTILE_TITLE
    assert article["about"]["name"] == payload("about") + " Patellofemoral pain syndrome"
    assert payload("tags") in article["keywords"]
    assert faq["mainEntity"][0]["name"].startswith(payload("faq"))
    page.goto(hostile_url + "plain/", wait_until="load")
    shown = "Plain </title><img src=x onerror=\"window.__pwned='h1'\">"
    assert page.title() == f"{shown} - Runner's Knee Guide"
    expect(page.locator("h1").first).to_contain_text(shown)
    page.goto(hostile_url + "about/", wait_until="load")
    # Material heads the page with its `nav:` title, and names the tab after its front matter.
    expect(page.locator("h1").first).to_have_text(payload("nav"))
    assert page.title() == payload("page-title") + " About - Runner's Knee Guide"


def test_the_phone_navigation_drawer_runs_nothing(
    watched: tuple[Page, list[str]], hostile_url: str
) -> None:
    page, dialogs = watched
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(hostile_url + "plain/", wait_until="load")
    shown = "Plain </title><img src=x onerror=\"window.__pwned='h1'\">"
    assert page.title() == f"{shown} - Runner's Knee Guide"
    expect(page.locator("h1").first).to_contain_text(shown)
    page.goto(hostile_url + "about/", wait_until="load")
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.locator("#__drawer")).to_be_checked()
    drawer = page.locator("nav.md-nav--primary")
    expect(drawer.get_by_text(HOSTILE_TITLE)).to_be_visible(timeout=15_000)  # slides in
    assert_nothing_ran(page, dialogs)


def test_searching_for_the_hostile_title_runs_nothing(
    watched: tuple[Page, list[str]], hostile_url: str
) -> None:
    page, dialogs = watched
    page.goto(hostile_url, wait_until="load")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Knee pain adults", delay=30)  # Material reacts to keys
    results = page.locator(".md-search-result__list")
    expect(results).to_contain_text("Knee pain in <18s & adults")
    search.fill("")
    search.press_sequentially("onerror", delay=30)
    first = results.locator(".md-search-result__item").first
    expect(first).to_contain_text(HOSTILE_TITLE)
    assert results.locator("img[src='x']").count() == 0
    assert_nothing_ran(page, dialogs)
    # The result opens the page with the words highlighted (`search.highlight`).
    first.locator("a").first.click()
    page.wait_for_url("**/runners-knee/?h=onerror")
    expect(page.locator("article mark").first).to_be_visible()
    assert_nothing_ran(page, dialogs)
