"""The quizzes in a real headless Chromium against the real built site.

Every form is completed with the keyboard alone (Tab, Space, arrow keys, typing, Enter),
starting from the section's anchor, and every result asserted here was computed by the quiz
modules' Python running in Pyodide inside the page's worker.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.bench import Link, serve
from tests.conftest import DEPLOYED_URL, add_axe, route_sitemap_here

ARTICLE = "runners-knee/"
BOOT_MS = 90_000
PYODIDE_FILES = re.compile(r"/_edusite/(pyodide|quiz)/|quiz-worker\.js")

QuestionAnswers = dict[str, str | list[str]]

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


def form(quiz_id: str) -> str:
    return f'form.edusite-quiz[data-quiz-id="{quiz_id}"]'


def tab_into(page: Page, quiz_id: str, limit: int = 80) -> None:
    """Press Tab until focus is inside the quiz's form (from the section anchor above it)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "sel => !!document.activeElement && !!document.activeElement.closest(sel)",
            form(quiz_id),
        )
        if inside:
            return
    pytest.fail(f"Tab never reached the form of {quiz_id}")


def questions(page: Page, quiz_id: str) -> list[dict[str, Any]]:
    """Each question's id, input type, option values and pre-checked option, in page order."""
    return page.eval_on_selector_all(
        f"{form(quiz_id)} li[data-question-id]",
        """items => items.map(li => {
            const inputs = Array.from(li.querySelectorAll("input"));
            return {
                id: li.dataset.questionId,
                type: inputs[0].type,
                values: inputs.map(i => i.value),
                checked: inputs.findIndex(i => i.checked),
            };
        })""",
    )


def focused_name(page: Page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.name")


def answer_by_keyboard(page: Page, quiz_id: str, answers: QuestionAnswers) -> None:
    """Fill the form in order with the keyboard only, then press Enter on the submit button."""
    tab_into(page, quiz_id)
    first = True
    for question in questions(page, quiz_id):
        want = answers[question["id"]]
        if question["type"] == "checkbox":
            for index, value in enumerate(question["values"]):
                if not (first and index == 0):
                    page.keyboard.press("Tab")
                assert focused_name(page) == question["id"]
                if value in want:
                    page.keyboard.press("Space")
        else:
            if not first:
                page.keyboard.press("Tab")
            assert focused_name(page) == question["id"]
            if question["type"] == "number":
                page.keyboard.press("Control+A")
                page.keyboard.type(str(want))
            else:
                target = question["values"].index(want)
                current = question["checked"]
                if current < 0 and target == 0:
                    page.keyboard.press("Space")
                else:
                    steps = target - max(current, 0)
                    for _ in range(abs(steps)):
                        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
        first = False
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")


WIRED = """() => {
    const forms = [...document.querySelectorAll("form.edusite-quiz")];
    return forms.length > 0 && forms.every((form) => form.dataset.edusiteWired);
}"""


def wait_wired(page: Page) -> None:
    """Wait until the client has wired every quiz form (its buttons are enabled then)."""
    page.wait_for_function(WIRED)


def open_section(page: Page, site_url: str, anchor: str) -> None:
    page.goto(f"{site_url}{ARTICLE}#{anchor}")
    wait_wired(page)


def wait_ready(page: Page) -> None:
    page.wait_for_function("() => window.edusiteQuiz.state === 'ready'", timeout=BOOT_MS)


def result(page: Page, quiz_id: str):
    return page.locator(f"{form(quiz_id)} .edusite-quiz__result")


def test_self_check_red_flag_by_keyboard(page: Page, site_url: str) -> None:
    open_section(page, site_url, "check-your-knee")
    quiz = "runners-knee-self-check"
    answers: QuestionAnswers = {q["id"]: "no" for q in questions(page, quiz)}
    answers.update(
        hot_knee="yes",
        where="front",
        when=["stairs"],
        shoes="under-300",
        flat_feet="no",
        knees="one",
    )
    answer_by_keyboard(page, quiz, answers)
    expect(result(page, quiz)).to_contain_text("Get medical help today", timeout=BOOT_MS)
    expect(result(page, quiz).locator(".edusite-care--urgent")).to_have_count(1)
    expect(result(page, quiz)).to_contain_text("This can be an infection in the joint")
    expect(result(page, quiz).locator('a[href="#when-to-see-a-doctor"]')).to_be_visible()
    assert page.evaluate("document.activeElement.id") == f"quiz-{quiz}-result"
    assert page.external_requests == []  # type: ignore[attr-defined]


def test_missing_answers_show_beside_fields(page: Page, site_url: str) -> None:
    open_section(page, site_url, "check-your-knee")
    quiz = "runners-knee-self-check"
    tab_into(page, quiz)
    page.keyboard.press("Space")  # the first warning sign: yes
    page.keyboard.press("ArrowDown")  # ... then no; everything else unanswered
    submit = page.locator(f"{form(quiz)} button[type=submit]")
    expect(submit).to_be_enabled()  # wired: Enter on a disabled button submits nothing
    submit.focus()
    expect(submit).to_be_focused()
    page.keyboard.press("Enter")
    # The result region fills once Python has answered (however slowly it boots under load);
    # only then is it meaningful to look for the field errors.
    expect(result(page, quiz)).to_contain_text("Please check these", timeout=BOOT_MS)
    error = page.locator(f"#quiz-{quiz}-no_weight-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("Answer yes or no")
    expect(
        page.locator(f'{form(quiz)} input[name="no_weight"][aria-invalid="true"]')
    ).to_have_count(2)
    expect(
        page.locator(f'{form(quiz)} input[name="calf_breathless"][aria-invalid="true"]')
    ).to_have_count(0)
    assert page.evaluate("document.activeElement.id") == f"quiz-{quiz}-result"


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


def test_submitting_makes_no_request_and_nothing_leaves_the_origin(
    page: Page, site_url: str
) -> None:
    open_section(page, site_url, "shoes")
    page.locator(f"{form('shoe-mileage-check')} input[name=distance]").focus()
    wait_ready(page)
    before = list(page.all_requests)  # type: ignore[attr-defined]
    page.keyboard.type("120")
    page.keyboard.press("Enter")
    expect(result(page, "shoe-mileage-check")).not_to_be_empty()
    page.wait_for_timeout(300)
    assert page.all_requests == before  # type: ignore[attr-defined]
    assert page.external_requests == []  # type: ignore[attr-defined]


def test_page_without_quizzes_loads_no_pyodide(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 5000)
    page.keyboard.press("Tab")
    page.wait_for_timeout(500)
    assert not [u for u in page.all_requests if PYODIDE_FILES.search(u)]  # type: ignore[attr-defined]
    assert page.evaluate("window.edusiteQuiz.workersStarted") == 0


def test_blocked_pyodide_keeps_article_readable_and_retry_works(page: Page, site_url: str) -> None:
    def block(route) -> None:
        route.abort()

    page.context.route("**/_edusite/pyodide/**", block)
    open_section(page, site_url, "shoes")
    quiz = "shoe-mileage-check"
    status = page.locator(f"{form(quiz)} .edusite-quiz__status")
    expect(status).to_contain_text("could not start", timeout=BOOT_MS)
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("#source-aaos-pfps")).to_be_attached()
    retry = status.get_by_role("button", name="Retry")
    expect(retry).to_be_visible()
    page.context.unroute("**/_edusite/pyodide/**", block)
    retry.focus()
    page.keyboard.press("Enter")
    wait_ready(page)
    page.locator(f"{form(quiz)} input[name=distance]").fill("100")
    page.locator(f"{form(quiz)} button[type=submit]").press("Enter")
    expect(result(page, quiz)).to_contain_text("100", timeout=BOOT_MS)
    assert page.evaluate("window.edusiteQuiz.workersStarted") == 2


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


def test_without_javascript_the_questions_still_read_as_a_list(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}{ARTICLE}")
        quiz = form("runners-knee-self-check")
        expect(page.locator(f"{quiz} .edusite-quiz__noscript")).to_be_visible()
        expect(page.locator(f"{quiz} ol.edusite-quiz__questions > li")).to_have_count(24)
        expect(page.locator(f"{quiz} legend").first).to_contain_text("calf")
        expect(page.locator(f"{quiz} button[type=submit]")).to_be_disabled()
    finally:
        context.close()


def test_result_text_never_becomes_markup(page: Page, site_url: str) -> None:
    open_section(page, site_url, "shoes")
    region = page.locator(f"{form('shoe-mileage-check')} .edusite-quiz__result")
    region.wait_for(state="attached")
    hostile = '<img src=x onerror="window.__owned=1">'
    page.evaluate(
        """async ([hostile, sel]) => {
            const src = document.querySelector("script[src*='quiz-client.js']").src;
            const { renderResult } = await import(new URL("render.js", src).href);
            renderResult(document.querySelector(sel), [
                { type: "paragraph", text: hostile + " [@aaos-pfps]" },
                { type: "table", caption: hostile, columns: [hostile], rows: [[hostile, "x"]] },
                { type: "links", items: [{ text: "bad", href: "javascript:alert(1)" }] },
                { type: "chart", title: hostile, points: [{ label: hostile, value: 3 }] },
            ]);
        }""",
        [hostile, f"{form('shoe-mileage-check')} .edusite-quiz__result"],
    )
    expect(region).to_contain_text(hostile)
    expect(region.locator("img")).to_have_count(0)
    expect(region.locator("a[href^='javascript']")).to_have_count(0)
    expect(region.locator("a[href='#source-aaos-pfps']")).to_have_count(1)
    expect(region.locator("svg rect")).to_have_count(1)
    assert page.evaluate("window.__owned") is None


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
