"""Self-check triage in a real Chromium: a warning sign's advice shows at once, at its tier.

The page knows each red flag's tier from the build, so these tests block every Pyodide and
quiz-package request: the advice must appear without Python. They run on the second fixture
site (tests/sites/heat), whose `mkdocs.yml` sets another emergency number (112) and other
service words than the real site's: the care cards must show only those.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

QUIZ = "heat-check"
ARTICLE = "heat-exhaustion/"
FORM = f'form.edusite-quiz[data-quiz-id="{QUIZ}"]'
CARE = f"{FORM} .edusite-quiz__care:not(:empty)"
REGIONS = f"{FORM} .edusite-quiz__care"
PYTHON = re.compile(r"/_edusite/(pyodide|quiz)/|quiz-worker\.js")


def answer(page: Page, question: str, value: str) -> None:
    page.locator(f'{FORM} input[name="{question}"][value="{value}"]').check()


def open_without_python(page: Page, url: str) -> list[str]:
    """Open the fixture's self-check with every Python download refused; return them."""
    refused: list[str] = []

    def refuse(route) -> None:
        refused.append(route.request.url)
        route.abort()

    page.route(PYTHON, refuse)
    page.goto(f"{url}{ARTICLE}#check")
    page.wait_for_function(f"() => document.querySelector('{FORM}')?.dataset.edusiteWired")
    return refused


def test_one_yes_shows_its_tier_at_once_without_python(page: Page, fixture_url: str) -> None:
    open_without_python(page, fixture_url)
    expect(page.locator(CARE)).to_have_count(0)
    answer(page, "blisters", "yes")
    care = page.locator(CARE)
    expect(care).to_have_count(1)
    # Right under the question just answered, where the reader is looking.
    expect(page.locator(f'{FORM} li[data-question-id="blisters"] .edusite-care')).to_be_visible()
    expect(care.locator(".edusite-care--urgent")).to_be_visible()
    expect(care).to_contain_text("Get medical help today")
    expect(care).to_contain_text("Do not wait: call your doctor's out-of-hours service today.")
    expect(care).to_contain_text("Is sunburnt skin blistered or swollen?")
    expect(care).to_have_attribute("aria-live", "assertive")
    expect(care).to_be_in_viewport()
    # Nothing else was answered, and nothing complains about it.
    expect(page.locator(f"{FORM} .edusite-quiz__error:not([hidden])")).to_have_count(0)
    assert page.evaluate("window.edusiteQuiz.state") != "ready"


def test_the_most_urgent_yes_wins_and_no_takes_it_back(page: Page, fixture_url: str) -> None:
    open_without_python(page, fixture_url)
    care = page.locator(CARE)
    answer(page, "slow_healing", "yes")
    expect(care.locator(".edusite-care--soon")).to_be_visible()
    expect(care).to_contain_text("See a doctor or pharmacist in the next few days")
    answer(page, "baby", "yes")
    expect(care.locator(".edusite-care--urgent")).to_be_visible()
    answer(page, "confused", "yes")
    expect(care.locator(".edusite-care--emergency")).to_be_visible()
    expect(care).to_contain_text("Call 112 or go to the emergency department now")
    expect(care.locator(".edusite-care")).to_have_count(1)
    expect(care.locator("li")).to_have_count(3)
    expect(page.locator(f'{FORM} li[data-question-id="confused"] .edusite-care')).to_be_visible()
    answer(page, "confused", "no")  # the card moves under the last "yes", at its tier
    expect(
        page.locator(f'{FORM} li[data-question-id="slow_healing"] .edusite-care--urgent')
    ).to_be_visible()
    expect(care).to_have_count(1)
    for question in ("baby", "slow_healing"):
        answer(page, question, "no")
    expect(care).to_have_count(0)


def test_each_tier_has_its_own_icon_and_word_not_only_colour(page: Page, fixture_url: str) -> None:
    page.goto(f"{fixture_url}{ARTICLE}#when-to-get-help")
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


def test_the_emergency_number_is_a_setting_used_everywhere(
    fixture_site: Path, fixture_url: str, page: Page
) -> None:
    pages = {p: p.read_text(encoding="utf-8") for p in fixture_site.rglob("*.html")}
    assert not [p for p, html in pages.items() if re.search(r"\b999\b|A&amp;E|NHS 111", html)]
    article = pages[fixture_site / "heat-exhaustion" / "index.html"]
    # The box and the form's card.
    assert article.count("Call 112 or go to the emergency department now") == 2
    open_without_python(page, fixture_url)
    answer(page, "no_sweat", "yes")
    expect(page.locator(CARE)).to_contain_text("Call 112 or go to the emergency department now")


def test_a_one_page_summary_to_show_a_clinician_made_on_the_device(
    page: Page, fixture_url: str
) -> None:
    refused = open_without_python(page, fixture_url)
    answer(page, "blisters", "yes")
    answer(page, "baby", "no")
    assert page.evaluate("window.edusiteQuiz.state") != "ready"
    page.evaluate(
        "() => { window.print = () => { window.__printed = (window.__printed ?? 0) + 1; }; }"
    )
    sent: list[str] = []  # anything that could carry an answer: not a plain GET of a file
    page.on(
        "request",
        lambda r: (
            sent.append(r.url)
            if r.method != "GET" or "?" in r.url or not r.url.startswith(fixture_url)
            else None
        ),
    )
    page.locator(f"{FORM} .edusite-quiz__print").click()
    assert page.evaluate("window.__printed") == 1
    summary = page.locator("body > .edusite-summary")
    expect(summary).to_contain_text("Get medical help today")
    expect(summary).to_contain_text("What the page advised")
    rows = summary.locator("tr")
    expect(rows).to_have_count(1 + 10)  # a header row, 8 warning signs and 2 questions
    expect(rows.filter(has_text="Is sunburnt skin blistered")).to_contain_text("Yes")
    expect(rows.filter(has_text="Does a baby or young child")).to_contain_text("No")
    expect(rows.filter(has_text="Which of these do you have now?")).to_contain_text("Not answered")
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
