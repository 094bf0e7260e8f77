"""How the quiz forms look: question numbers on the prompt's line, and forms on paper.

In a real headless Chromium against the real built site (fixtures in tests/conftest.py).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

ARTICLE = "runners-knee/"
QUIZZES = [
    "runners-knee-self-check",
    "runners-knee-quiz",
    "return-to-running-planner",
    "shoe-mileage-check",
]
WIRED = """() => {
    const forms = [...document.querySelectorAll("form.edusite-quiz")];
    return forms.length > 0 && forms.every((form) => form.dataset.edusiteWired);
}"""


def open_article(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}")
    page.wait_for_function(WIRED)


@pytest.mark.parametrize("width", [360, 1280])
def test_each_question_number_sits_on_its_prompts_line(
    page: Page, site_url: str, width: int
) -> None:
    # A list marker lines up with the first line inside a <fieldset>, which is below its
    # <legend>: "3." then sat beside the options, not the question.
    page.set_viewport_size({"width": width, "height": 900})
    open_article(page, site_url)
    layout = page.eval_on_selector_all(
        "form.edusite-quiz li[data-question-id]",
        """items => items.map(li => {
            const prompt = li.querySelector(".edusite-quiz__prompt");
            const number = getComputedStyle(prompt, "::before");
            const first = prompt.getClientRects()[0];
            const item = li.getBoundingClientRect();
            return {
                id: li.dataset.questionId,
                marker: getComputedStyle(li).listStyleType,
                number: number.content,
                numberLeft: first.left - parseFloat(number.width),
                promptTop: first.top - item.top,
                itemLeft: item.left,
            };
        })""",
    )
    assert len(layout) > 20
    for question in layout:
        assert question["marker"] == "none", question  # no marker on another line
        assert "counter(edusite-question)" in question["number"], question
        assert abs(question["promptTop"]) <= 1, question  # the prompt is the item's first line
        assert question["numberLeft"] < question["itemLeft"], question  # it hangs like a marker


def test_the_number_is_not_read_twice(page: Page, site_url: str) -> None:
    open_article(page, site_url)
    quiz = 'form[data-quiz-id="runners-knee-self-check"]'
    expect(page.locator(f"{quiz} fieldset").first).to_have_accessible_name(
        "Is there pain or swelling in the calf, and also chest pain or trouble breathing?"
    )
    expect(page.locator(f"{quiz} li[data-question-id]")).to_have_count(24)


def test_printed_forms_keep_the_questions_and_drop_the_controls(page: Page, site_url: str) -> None:
    open_article(page, site_url)
    shoes = 'form[data-quiz-id="shoe-mileage-check"]'
    page.locator(f"{shoes} input[name=distance]").focus()  # start loading: status + bar
    expect(page.locator(f"{shoes} .edusite-quiz__status")).not_to_be_empty()
    page.emulate_media(media="print")
    for quiz in QUIZZES:
        form = page.locator(f'form[data-quiz-id="{quiz}"]')
        expect(form.locator("li[data-question-id]").first).to_be_visible()
        for part in ["button", ".edusite-quiz__privacy", ".edusite-quiz__status", "progress"]:
            for element in form.locator(part).all():
                expect(element).to_be_hidden()
    page.emulate_media(media="screen")
    expect(page.locator(f"{shoes} button[type=submit]")).to_be_visible()
    expect(page.locator(f"{shoes} .edusite-quiz__privacy")).to_be_visible()
