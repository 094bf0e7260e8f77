"""The generator proven general: a second, unrelated site builds and works (issue 10).

tests/sites/heat (the Hot Weather Guide, a test fixture, not advice) has its own name,
address, palette, emergency number, BibTeX bibliography, two articles, a quiz and a tiered
self-check. It is built once per session with `mkdocs build --strict` (`fixture_site` in
tests/conftest.py); nothing of the runner's knee guide may show in it. Its self-check's care
cards are tested in test_triage.py, the quiz engine on its pages in test_quizzes.py.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.badinputs.sitecopy import edusite_check
from tests.browser.quizpage import BOOT_MS, answer_by_keyboard, form, result, wait_wired
from tests.conftest import FIXTURE_CONFIG

pytestmark = pytest.mark.slow  # builds the fixture site (once per session)

NAME = "Hot Weather Guide"
OTHER_SITE = re.compile(r"knee|runner|patellofemoral|\b999\b|A&amp;E|NHS 111", re.IGNORECASE)
"""Words of the real site and of quizkit's default care settings."""
HEADER = re.compile(rf'<div class="md-header__topic">\s*<span class="md-ellipsis">\s*{NAME}\s*<')
"""The site's name in the header bar (Material's first header topic)."""


def html_of(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def jsonld(html: str) -> list[dict]:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(text) for text in found]


def test_every_page_bears_this_sites_name_and_nothing_of_the_other(fixture_site: Path) -> None:
    pages = {
        p.relative_to(fixture_site): p.read_text("utf-8") for p in fixture_site.rglob("*.html")
    }
    assert len(pages) == 4  # home, two articles, 404
    for path, html in pages.items():
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        assert title and title.group(1).strip().endswith(NAME), path
        assert HEADER.search(html), path
        leaked = OTHER_SITE.findall(html)
        assert not leaked, f"{path}: {leaked}"
    article = pages[Path("sunburn/index.html")]
    assert f"<span>By the {NAME} editorial team</span>" in article  # the site's `byline`
    assert "This is test content for a website builder, not health advice." in article
    page = jsonld(article)[0]
    assert page["publisher"] == {"@type": "Organization", "name": "Hot Weather Trust"}
    assert page["author"] == {"@type": "Organization", "name": f"{NAME} editorial team"}
    closing = '<template class="edusite-quiz__closing-template">This check is not a diagnosis.'
    assert closing in pages[Path("heat-exhaustion/index.html")]
    home = pages[Path("index.html")]  # `/// articles`: both, by title, from front matter
    listed = re.findall(r'edusite-articles__title"><a href="([^"]+)">([^<]+)<', home)
    assert listed == [("heat-exhaustion/", "Heat exhaustion"), ("sunburn/", "Sunburn")]
    assert page["url"] == "https://example.org/hot-weather-guide/sunburn/"


def test_sources_come_from_the_bibtex_file_in_order_of_first_citation(fixture_site: Path) -> None:
    assert FIXTURE_CONFIG.parent.joinpath("content/references.bib").is_file()
    expected = {
        "sunburn": ["nhs-sunburn", "who-uv"],
        "heat-exhaustion": ["nhs-heat", "nhs-sunburn"],
    }
    for name, keys in expected.items():
        html = html_of(fixture_site, name)
        sources = re.search(r'<section aria-labelledby="sources".*?</section>', html, re.S)
        assert sources, f"{name}: no Sources list"
        assert re.findall(r'<li id="source-([^"]+)">', sources.group(0)) == keys
    sunburn = html_of(fixture_site, "sunburn")
    assert (
        "World Health Organization. WHO fact sheets [Internet]. 2022 [cited 2026 Nov 25]. "
        "Ultraviolet radiation. Available from: "
    ) in sunburn
    assert [c["name"] for c in jsonld(sunburn)[0]["citation"]] == [
        "Sunburn",
        "Ultraviolet radiation",
    ]
    assert not (fixture_site / "references.bib").exists()


def test_faq_jsonld_matches_the_faq_readers_see(fixture_site: Path) -> None:
    html = html_of(fixture_site, "sunburn")
    faq = jsonld(html)[1]
    assert faq["@type"] == "FAQPage"
    assert [(q["name"], q["acceptedAnswer"]["text"]) for q in faq["mainEntity"]] == [
        (
            "Can I get sunburn on a cloudy day?",
            "Yes. The UV can be high even when there are clouds.",
        ),
        ("How long does sunburn last?", "It usually gets better within 7 days."),
    ]
    for question in faq["mainEntity"]:
        assert f"<summary>{question['name']}</summary>" in html
    assert len(jsonld(html_of(fixture_site, "heat-exhaustion"))) == 1  # no FAQ there


def test_the_articles_warning_boxes_list_as_many_signs_per_tier_as_the_self_check_asks(
    fixture_site: Path,
) -> None:
    html = html_of(fixture_site, "heat-exhaustion")
    article, form = html.split('<form class="edusite-quiz', 1)
    boxes = re.split(r'<div class="edusite-care edusite-care--', article)[1:]
    in_boxes = {box.split('"', 1)[0]: box.count("<li>") for box in boxes}
    asked = Counter(re.findall(r'data-red-flag-tier="([a-z-]+)"', form))
    assert (
        in_boxes
        == {**asked, "self-care": 1}
        == {
            "emergency": 4,
            "urgent": 3,
            "soon": 1,
            "self-care": 1,
        }
    )


def test_edusite_check_finds_no_problem_in_it() -> None:
    done = edusite_check(FIXTURE_CONFIG.parent)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "edusite check: no problems in 3 pages" in done.stdout + done.stderr


def test_the_quiz_is_graded_by_python_in_the_browser(page: Page, fixture_url: str) -> None:
    page.goto(f"{fixture_url}sunburn/#quiz")
    wait_wired(page)
    assert page.title() == f"Sunburn - {NAME}"
    expect(page.locator(".md-header__topic").first).to_have_text(NAME)
    quiz = "sun-quiz"
    answer_by_keyboard(
        page, quiz, {"uv": "3", "cloud": "no", "treat": ["cool", "water"], "heal": "week"}
    )
    expect(result(page, quiz)).to_contain_text("You got 3 of 4 right.", timeout=BOOT_MS)
    expect(result(page, quiz)).to_contain_text("Clouds do not always block it.")
    link = result(page, quiz).locator('a[href="#source-who-uv"]').first
    expect(link).to_have_text("[2]")  # its number in this page's Sources list
    expect(page.locator(f"{form(quiz)} a[href='#protect-your-skin']")).to_be_visible()
    assert page.external_requests == []  # type: ignore[attr-defined]
