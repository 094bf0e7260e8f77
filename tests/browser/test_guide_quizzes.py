"""The runner's knee guide's own quizzes and tools in a real headless Chromium.

The quiz engine itself is tested on the second fixture site (test_quizzes.py, test_triage.py,
test_runtime_faults.py, test_answer_storage.py). These tests stay on the real site because
they need what only it has: tools whose results are tables and charts (the planner), four
quizzes on one page (progress and the spoken status handed from one to the next), its
13-question quiz graded right, and instant navigation under its deployed path. Every form is
completed with the keyboard alone and every result was computed by Python in Pyodide.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.bench import Link, serve
from tests.browser.quizpage import (
    BOOT_MS,
    QuestionAnswers,
    answer_by_keyboard,
    form,
    result,
    wait_ready,
    wait_wired,
)
from tests.conftest import DEPLOYED_URL, add_axe, route_sitemap_here

ARTICLE = "runners-knee/"

KNOWLEDGE_QUIZ_RIGHT: QuestionAnswers = {
    "where": "kneecap",
    "activities": ["stairs", "squatting", "sitting"],
    "who": "women",
    "increase": "5-10",
    "shoes": "300-400",
    "exercise": "exercise",
    "taping": "no",
    "flat-feet": "yes",
    "cadence": "yes",
    "ice": "15",
    "pain-rule": "rule",
    "outlook": "four",
    "red-flags": ["hot", "locks", "night"],
}
"""The right answer to every question of the runner's knee quiz (13 of 13)."""


def open_section(page: Page, site_url: str, anchor: str) -> None:
    page.goto(f"{site_url}{ARTICLE}#{anchor}")
    wait_wired(page)


def test_knowledge_quiz_score_and_citation_links(page: Page, site_url: str) -> None:
    open_section(page, site_url, "quiz")
    quiz = "runners-knee-quiz"
    answers = KNOWLEDGE_QUIZ_RIGHT
    answer_by_keyboard(page, quiz, answers)
    expect(result(page, quiz)).to_contain_text("You got 13 of 13 right.", timeout=BOOT_MS)
    link = result(page, quiz).locator('a[href="#source-aaos-pfps"]').first
    number = page.evaluate(
        """() => { const li = document.getElementById("source-aaos-pfps");
                   return [...li.parentElement.children].indexOf(li) + 1; }"""
    )
    expect(link).to_have_text(f"[{number}]")


def test_return_to_running_planner_table_and_chart(page: Page, site_url: str) -> None:
    open_section(page, site_url, "returning-to-running")
    quiz = "return-to-running-planner"
    answer_by_keyboard(page, quiz, {"current": "10", "goal": "15", "unit": "km", "increase": "10"})
    table = result(page, quiz).locator("table")
    expect(table).to_be_visible(timeout=BOOT_MS)
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(6)
    expect(rows.nth(3)).to_contain_text("13.3")
    expect(rows.nth(5)).to_contain_text("15")
    expect(result(page, quiz)).to_contain_text("you reach 15 km a week in week 5")
    chart = result(page, quiz).locator("svg[role=img]")
    expect(chart.locator("rect")).to_have_count(5)
    expect(chart).to_have_attribute("aria-label", re.compile(r"Week 3: 13\.3, .*Week 5: 15"))


def test_shoe_mileage_check(page: Page, site_url: str) -> None:
    open_section(page, site_url, "shoes")
    quiz = "shoe-mileage-check"
    answer_by_keyboard(page, quiz, {"distance": "700", "unit": "km"})
    expect(result(page, quiz)).to_contain_text("Replace them now", timeout=BOOT_MS)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_quiz_forms_and_results_pass_axe(page: Page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)  # Material follows it: default or slate palette
    open_section(page, site_url, "returning-to-running")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    quiz = "return-to-running-planner"
    answer_by_keyboard(page, quiz, {"current": "10", "goal": "15", "unit": "km", "increase": "10"})
    expect(result(page, quiz).locator("table")).to_be_visible(timeout=BOOT_MS)
    check = "runners-knee-self-check"  # and one form showing field errors
    page.locator(f"{form(check)} button[type=submit]").press("Enter")
    expect(page.locator(f"#quiz-{check}-calf_breathless-error")).to_be_visible(timeout=BOOT_MS)
    add_axe(page)
    violations = page.evaluate(
        """async () => {
            const found = await axe.run({ include: [["form.edusite-quiz"]] });
            return found.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target).join(" ")}`);
        }"""
    )
    assert violations == []


def test_loading_shows_real_byte_progress(page: Page, built_site: Path) -> None:
    # Loopback is too fast to see progress: serve the site at 40 Mbit/s (at the server,
    # since Chrome's throttling does not reach workers).
    with serve(built_site, Link(40e6 / 8, 0.0), gzip_host=False) as url:
        page.goto(f"{url}{ARTICLE}#shoes")
        wait_wired(page)
        quiz = form("shoe-mileage-check")
        page.locator(f"{quiz} input[name=distance]").focus()
        status = page.locator(f"{quiz} .edusite-quiz__status")
        # The quiz in use speaks at once, even when loading had already started (a quiz
        # near the viewport starts it) and no further progress message comes.
        expect(status).to_have_attribute("aria-live", "polite")
        others = page.locator(".edusite-quiz__status[aria-live='off']")
        expect(others).to_have_count(3)
        # Text and bar read together, in one evaluation, while bytes are still arriving.
        page.wait_for_function(
            """sel => {
                const form = document.querySelector(sel);
                const text = form.querySelector(".edusite-quiz__status").textContent;
                const bar = form.querySelector("progress");
                return !!bar && /[1-9]0% of \\d\\.\\d MB/.test(text) && !bar.hidden
                    && bar.value > 0 && bar.value < bar.max;
            }""",
            arg=quiz,
            polling=50,
            timeout=BOOT_MS,
        )
        wait_ready(page)
        expect(status).to_contain_text("Ready")
        expect(page.locator(f"{quiz} progress")).to_be_hidden()
        # Once loading is over no progress message comes: moving to another quiz must
        # still hand the voice over at once.
        planner = form("return-to-running-planner")
        page.locator(f"{planner} input[name=current]").focus()
        expect(page.locator(f"{planner} .edusite-quiz__status")).to_have_attribute(
            "aria-live", "polite"
        )
        expect(status).to_have_attribute("aria-live", "off")


def test_instant_navigation_under_a_subpath_keeps_one_worker(page: Page, subpath_url: str) -> None:
    local = subpath_url.split(urlsplit(DEPLOYED_URL).path)[0]
    route_sitemap_here(page, subpath_url)
    page.goto(f"{subpath_url}{ARTICLE}#shoes")
    wait_wired(page)
    quiz = "shoe-mileage-check"
    page.locator(f"{form(quiz)} input[name=distance]").focus()
    wait_ready(page)
    page.evaluate("window.__sameDocument = true")
    page.locator("a.md-header__button.md-logo").click()  # instant navigation to home
    page.wait_for_url(subpath_url)
    expect(page.locator(form(quiz))).to_have_count(0)
    page.locator(f'a.md-nav__link[href$="/{ARTICLE}"]').first.click()  # and back
    page.wait_for_url(f"{subpath_url}{ARTICLE}")
    expect(page.locator(form(quiz))).to_have_count(1)
    wait_wired(page)
    assert page.evaluate("window.__sameDocument === true"), "a full page load happened"
    page.locator(f"{form(quiz)} input[name=distance]").fill("700")
    page.locator(f"{form(quiz)} button[type=submit]").press("Enter")
    expect(result(page, quiz)).to_contain_text("Replace them now", timeout=BOOT_MS)
    assert page.evaluate("window.edusiteQuiz.workersStarted") == 1
    requests = page.all_requests  # type: ignore[attr-defined]
    assert len([u for u in requests if u.endswith("quiz-worker.js")]) == 1
    assert len([u for u in requests if u.endswith("pyodide.asm.wasm.gz")]) == 1
    assert all(u.startswith(local + "/runners-knee-guide/") for u in requests if "_edusite" in u)
