"""The quiz engine in a real headless Chromium, on the second fixture site (tests/sites/heat).

Forms are completed with the keyboard alone (Tab, Space, arrow keys, Enter), starting from
the section's anchor, and every result asserted here was computed by the quiz modules'
Python running in Pyodide inside the page's worker. The fixture is not the runner's knee
guide, so these tests say what the engine does for any site; the guide's own quizzes and
tools are tested in test_guide_quizzes.py.
"""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.browser.quizpage import (
    BOOT_MS,
    QuestionAnswers,
    answer_by_keyboard,
    form,
    questions,
    result,
    tab_into,
    wait_ready,
    wait_wired,
)

QUIZ = "sun-quiz"
QUIZ_PAGE = "sunburn/"
CHECK = "heat-check"
CHECK_PAGE = "heat-exhaustion/"
PYODIDE_FILES = re.compile(r"/_edusite/(pyodide|quiz)/|quiz-worker\.js")


def open_section(page: Page, url: str) -> None:
    page.goto(url)
    wait_wired(page)


def answer_quiz_right(page: Page) -> None:
    """Every answer of `sun-quiz` right, by clicks, and submit."""
    for name, value in (("uv", "3"), ("cloud", "yes"), ("treat", "cool"), ("treat", "water")):
        page.locator(f'{form(QUIZ)} input[name="{name}"][value="{value}"]').check()
    page.locator(f'{form(QUIZ)} input[name="heal"][value="week"]').check()
    page.locator(f"{form(QUIZ)} button[type=submit]").press("Enter")


def test_self_check_red_flag_then_ordinary_answers_by_keyboard(
    page: Page, fixture_url: str
) -> None:
    open_section(page, f"{fixture_url}{CHECK_PAGE}#check")
    answers: QuestionAnswers = {q["id"]: "no" for q in questions(page, CHECK)}
    answers.update(shivery="yes", signs=[], sunburn="yes")
    answer_by_keyboard(page, CHECK, answers)
    expect(result(page, CHECK)).to_contain_text("Get medical help today", timeout=BOOT_MS)
    expect(result(page, CHECK).locator(".edusite-care--urgent")).to_have_count(1)
    expect(result(page, CHECK)).to_contain_text("There is sunburn and a very high temperature")
    expect(result(page, CHECK).locator('a[href="#when-to-get-help"]')).to_be_visible()
    assert page.evaluate("document.activeElement.id") == f"quiz-{CHECK}-result"
    # With no warning sign, the ordinary answers decide (the module's `decide`).
    page.locator(f'{form(CHECK)} input[name="shivery"][value="no"]').check()
    page.locator(f'{form(CHECK)} input[name="signs"][value="headache"]').check()
    page.locator(f"{form(CHECK)} button[type=submit]").press("Enter")
    expect(result(page, CHECK)).to_contain_text("These can be signs of heat exhaustion")
    expect(result(page, CHECK)).to_contain_text("You have: a headache.")
    expect(result(page, CHECK).locator(".edusite-care--urgent")).to_have_count(0)
    # Last, the site's closing sentence (`selfcheck_closing` in its mkdocs.yml).
    closing = result(page, CHECK).locator(":scope > :last-child")
    expect(closing).to_have_class(re.compile(r"\bedusite-quiz__closing\b"))
    expect(closing).to_have_text(
        "This check is not a diagnosis. Only a doctor or pharmacist who sees you can tell what "
        "is wrong."
    )
    assert page.external_requests == []  # type: ignore[attr-defined]


def test_missing_answers_show_beside_fields(page: Page, fixture_url: str) -> None:
    open_section(page, f"{fixture_url}{CHECK_PAGE}#check")
    tab_into(page, CHECK)
    page.keyboard.press("Space")  # the first warning sign: yes
    page.keyboard.press("ArrowDown")  # ... then no; everything else unanswered
    submit = page.locator(f"{form(CHECK)} button[type=submit]")
    expect(submit).to_be_enabled()  # wired: Enter on a disabled button submits nothing
    submit.focus()
    expect(submit).to_be_focused()
    page.keyboard.press("Enter")
    # The result region fills once Python has answered (however slowly it boots under load);
    # only then is it meaningful to look for the field errors.
    expect(result(page, CHECK)).to_contain_text("Please check these", timeout=BOOT_MS)
    error = page.locator(f"#quiz-{CHECK}-no_sweat-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("Answer yes or no")
    expect(
        page.locator(f'{form(CHECK)} input[name="no_sweat"][aria-invalid="true"]')
    ).to_have_count(2)
    expect(
        page.locator(f'{form(CHECK)} input[name="not_better"][aria-invalid="true"]')
    ).to_have_count(0)
    assert page.evaluate("document.activeElement.id") == f"quiz-{CHECK}-result"


def test_submitting_makes_no_request_and_nothing_leaves_the_origin(
    page: Page, fixture_url: str
) -> None:
    open_section(page, f"{fixture_url}{QUIZ_PAGE}#quiz")
    page.locator(f'{form(QUIZ)} input[name="uv"]').first.focus()
    wait_ready(page)
    before = list(page.all_requests)  # type: ignore[attr-defined]
    answer_quiz_right(page)
    expect(result(page, QUIZ)).to_contain_text("You got 4 of 4 right.")
    page.wait_for_timeout(300)
    assert page.all_requests == before  # type: ignore[attr-defined]
    assert page.external_requests == []  # type: ignore[attr-defined]


def test_page_without_quizzes_loads_no_pyodide(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 5000)
    page.keyboard.press("Tab")
    page.wait_for_timeout(500)
    assert not [u for u in page.all_requests if PYODIDE_FILES.search(u)]  # type: ignore[attr-defined]
    assert page.evaluate("window.edusiteQuiz.workersStarted") == 0


def test_blocked_pyodide_keeps_article_readable_and_retry_works(
    page: Page, fixture_url: str
) -> None:
    def block(route) -> None:
        route.abort()

    page.context.route("**/_edusite/pyodide/**", block)
    open_section(page, f"{fixture_url}{QUIZ_PAGE}#quiz")
    status = page.locator(f"{form(QUIZ)} .edusite-quiz__status")
    expect(status).to_contain_text("could not start", timeout=BOOT_MS)
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("#source-who-uv")).to_be_attached()
    retry = status.get_by_role("button", name="Retry")
    expect(retry).to_be_visible()
    page.context.unroute("**/_edusite/pyodide/**", block)
    retry.focus()
    page.keyboard.press("Enter")
    wait_ready(page)
    answer_quiz_right(page)
    expect(result(page, QUIZ)).to_contain_text("You got 4 of 4 right.", timeout=BOOT_MS)
    assert page.evaluate("window.edusiteQuiz.workersStarted") == 2


def test_without_javascript_the_questions_still_read_as_a_list(
    browser: Browser, fixture_url: str
) -> None:
    context = browser.new_context(service_workers="block", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{fixture_url}{CHECK_PAGE}")
        check = form(CHECK)
        expect(page.locator(f"{check} .edusite-quiz__noscript")).to_be_visible()
        expect(page.locator(f"{check} ol.edusite-quiz__questions > li")).to_have_count(10)
        expect(page.locator(f"{check} legend").first).to_contain_text("30 minutes")
        expect(page.locator(f"{check} button[type=submit]")).to_be_disabled()
    finally:
        context.close()


def test_result_text_never_becomes_markup(page: Page, fixture_url: str) -> None:
    open_section(page, f"{fixture_url}{QUIZ_PAGE}#quiz")
    region = page.locator(f"{form(QUIZ)} .edusite-quiz__result")
    region.wait_for(state="attached")
    hostile = '<img src=x onerror="window.__owned=1">'
    page.evaluate(
        """async ([hostile, sel]) => {
            const src = document.querySelector("script[src*='quiz-client.js']").src;
            const { renderResult } = await import(new URL("render.js", src).href);
            renderResult(document.querySelector(sel), [
                { type: "paragraph", text: hostile + " [@who-uv]" },
                { type: "table", caption: hostile, columns: [hostile], rows: [[hostile, "x"]] },
                { type: "links", items: [{ text: "bad", href: "javascript:alert(1)" }] },
                { type: "chart", title: hostile, points: [{ label: hostile, value: 3 }] },
            ]);
        }""",
        [hostile, f"{form(QUIZ)} .edusite-quiz__result"],
    )
    expect(region).to_contain_text(hostile)
    expect(region.locator("img")).to_have_count(0)
    expect(region.locator("a[href^='javascript']")).to_have_count(0)
    expect(region.locator("a[href='#source-who-uv']")).to_have_count(1)
    expect(region.locator("svg rect")).to_have_count(1)
    assert page.evaluate("window.__owned") is None
