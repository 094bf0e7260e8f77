"""Driving the quiz forms in a real Chromium as a reader does, on any built site.

Shared by the browser tests: find a form by quiz id, fill it with the keyboard alone (Tab,
Space, arrow keys, typing, Enter) and wait for the client and for Python in its worker.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

BOOT_MS = 90_000
"""How long Pyodide may take to start on a busy 2-core machine (not a speed test)."""

QuestionAnswers = dict[str, str | list[str]]


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


def wait_ready(page: Page) -> None:
    page.wait_for_function("() => window.edusiteQuiz.state === 'ready'", timeout=BOOT_MS)


def result(page: Page, quiz_id: str):
    return page.locator(f"{form(quiz_id)} .edusite-quiz__result")
