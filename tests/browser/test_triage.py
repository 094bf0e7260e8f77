"""Self-check triage in a real Chromium: a warning sign's advice shows at once, at its tier.

The page knows each red flag's tier from the build, so these tests block every Pyodide and
quiz-package request: the advice must appear without Python. The emergency number comes
from `mkdocs.yml`: a copy of the project built with another number shows only that one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.badinputs.sitecopy import copy_project
from tests.conftest import SiteServer, build_site

QUIZ = "runners-knee-self-check"
FORM = f'form.edusite-quiz[data-quiz-id="{QUIZ}"]'
CARE = f"{FORM} .edusite-quiz__care:not(:empty)"
REGIONS = f"{FORM} .edusite-quiz__care"
PYTHON = re.compile(r"/_edusite/(pyodide|quiz)/|quiz-worker\.js")


def answer(page: Page, question: str, value: str) -> None:
    page.locator(f'{FORM} input[name="{question}"][value="{value}"]').check()


def open_without_python(page: Page, url: str) -> list[str]:
    """Open the article's self-check with every Python download refused; return them."""
    refused: list[str] = []

    def refuse(route) -> None:
        refused.append(route.request.url)
        route.abort()

    page.route(PYTHON, refuse)
    page.goto(f"{url}runners-knee/#check-your-knee")
    page.wait_for_function(f"() => document.querySelector('{FORM}')?.dataset.edusiteWired")
    return refused


def test_one_yes_shows_its_tier_at_once_without_python(page: Page, site_url: str) -> None:
    open_without_python(page, site_url)
    expect(page.locator(CARE)).to_have_count(0)
    answer(page, "hot_knee", "yes")
    care = page.locator(CARE)
    expect(care).to_have_count(1)
    # Right under the question just answered, where the reader is looking.
    expect(page.locator(f'{FORM} li[data-question-id="hot_knee"] .edusite-care')).to_be_visible()
    expect(care.locator(".edusite-care--urgent")).to_be_visible()
    expect(care).to_contain_text("Get medical help today")
    expect(care).to_contain_text("Has the knee suddenly become very painful, swollen or hot")
    expect(care).to_have_attribute("aria-live", "assertive")
    expect(care).to_be_in_viewport()
    # Nothing else was answered, and nothing complains about it.
    expect(page.locator(f"{FORM} .edusite-quiz__error:not([hidden])")).to_have_count(0)
    assert page.evaluate("window.edusiteQuiz.state") != "ready"


def test_the_most_urgent_yes_wins_and_no_takes_it_back(page: Page, site_url: str) -> None:
    open_without_python(page, site_url)
    care = page.locator(CARE)
    answer(page, "night_pain", "yes")
    expect(care.locator(".edusite-care--soon")).to_be_visible()
    answer(page, "calf", "yes")
    expect(care.locator(".edusite-care--urgent")).to_be_visible()
    answer(page, "calf_breathless", "yes")
    expect(care.locator(".edusite-care--emergency")).to_be_visible()
    expect(care).to_contain_text("Call 999 or go to A&E now")
    expect(care.locator(".edusite-care")).to_have_count(1)
    expect(care.locator("li")).to_have_count(3)
    expect(
        page.locator(f'{FORM} li[data-question-id="calf_breathless"] .edusite-care')
    ).to_be_visible()
    answer(page, "calf_breathless", "no")  # the card moves under the last "yes", at its tier
    expect(
        page.locator(f'{FORM} li[data-question-id="night_pain"] .edusite-care--urgent')
    ).to_be_visible()
    expect(care).to_have_count(1)
    for question in ("calf", "night_pain"):
        answer(page, question, "no")
    expect(care).to_have_count(0)


def test_each_tier_has_its_own_icon_and_word_not_only_colour(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}runners-knee/#when-to-see-a-doctor")
    boxes = page.locator("article .edusite-care")
    expect(boxes).to_have_count(4)
    labels = boxes.locator(".edusite-care__label span").all_inner_texts()
    assert [text.lower() for text in labels] == ["emergency", "urgent", "soon", "self-care"]
    icons = boxes.locator("svg.edusite-care__icon").evaluate_all(
        "icons => icons.map(icon => icon.innerHTML)"
    )
    assert len(set(icons)) == 4
    styles = boxes.evaluate_all(
        "boxes => boxes.map(box => getComputedStyle(box).borderRightStyle"
        " + getComputedStyle(box).borderLeftWidth)"
    )
    assert len(set(styles)) >= 3


@pytest.fixture(scope="module")
def site_with_112(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("project-112")
    config = copy_project(project)
    text = config.read_text(encoding="utf-8")
    text = text.replace('care_emergency_number: "999"', 'care_emergency_number: "112"')
    text = text.replace('care_emergency_department: "A&E"', 'care_emergency_department: "hospital"')
    config.write_text(text, encoding="utf-8")
    site = project / "site"
    build_site(site, config)
    return site


def test_the_emergency_number_is_a_setting_used_everywhere(
    site_with_112: Path, browser: Browser
) -> None:
    pages = {p: p.read_text(encoding="utf-8") for p in site_with_112.rglob("*.html")}
    assert not [p for p, html in pages.items() if "999" in html or "A&amp;E" in html]
    article = pages[site_with_112 / "runners-knee" / "index.html"]
    assert article.count("Call 112 or go to hospital now") == 2  # the box and the form's card
    server = SiteServer(site_with_112)
    context = browser.new_context()
    try:
        page = context.new_page()
        open_without_python(page, server.url)
        answer(page, "deformity", "yes")
        expect(page.locator(CARE)).to_contain_text("Call 112 or go to hospital now")
    finally:
        context.close()
        server.close()


def test_a_one_page_summary_to_show_a_clinician_made_on_the_device(
    page: Page, site_url: str
) -> None:
    refused = open_without_python(page, site_url)
    answer(page, "hot_knee", "yes")
    answer(page, "calf", "no")
    assert page.evaluate("window.edusiteQuiz.state") != "ready"
    page.evaluate(
        "() => { window.print = () => { window.__printed = (window.__printed ?? 0) + 1; }; }"
    )
    sent: list[str] = []  # anything that could carry an answer: not a plain GET of a file
    page.on(
        "request",
        lambda r: (
            sent.append(r.url)
            if r.method != "GET" or "?" in r.url or not r.url.startswith(site_url)
            else None
        ),
    )
    page.locator(f"{FORM} .edusite-quiz__print").click()
    assert page.evaluate("window.__printed") == 1
    summary = page.locator("body > .edusite-summary")
    expect(summary).to_contain_text("Get medical help today")
    expect(summary).to_contain_text("What the page advised")
    rows = summary.locator("tr")
    expect(rows).to_have_count(1 + 24)
    expect(rows.filter(has_text="Has the knee suddenly become")).to_contain_text("Yes")
    expect(rows.filter(has_text="pain or swelling in the calf of one leg")).to_contain_text("No")
    expect(rows.filter(has_text="Where does your knee hurt most?")).to_contain_text("Not answered")
    # Laid out for paper: alone on the printed page, on one A4 sheet.
    page.emulate_media(media="print")
    expect(summary).to_be_visible()
    expect(page.locator("article h1").first).to_be_hidden()
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1
    assert sent == []  # nothing that could carry an answer left the page
    assert all(PYTHON.search(url) for url in refused)  # and Python never loaded
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator(".edusite-summary")).to_have_count(0)
    assert page.evaluate("document.documentElement.classList.contains('edusite-printing')") is False
