"""Answers are kept only with the reader's consent, and one control forgets everything.

Checked in a real Chromium on the second fixture site (tests/sites/heat: a quiz on one page,
a self-check on another), through every storage a page (or Pyodide in its worker) could
write to: localStorage, sessionStorage, cookies, IndexedDB and the Cache API.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.quizpage import BOOT_MS, answer_by_keyboard, form, result, wait_wired
from tests.browser.test_quizzes import CHECK, CHECK_PAGE, QUIZ, QUIZ_PAGE

# Material itself keeps the light/dark choice of its palette toggle in localStorage
# (`<base path>.__palette`) on every page, quiz or not: a theme setting, no answer, listed in
# the real site's content/about.md. Everything else must be empty (and after "Forget", that too).
EVERY_STORAGE = """async () => ({
    local: Object.keys(localStorage).filter((key) => !key.endsWith(".__palette")),
    session: Object.keys(sessionStorage),
    cookies: document.cookie,
    indexedDB: (await indexedDB.databases()).map((db) => db.name),
    caches: await caches.keys(),
})"""
NOTHING = {"local": [], "session": [], "cookies": "", "indexedDB": [], "caches": []}
OURS = "Object.keys(localStorage).filter((key) => key.startsWith('edusite-quiz:')).length"


def remember_box(page: Page, quiz: str):
    return page.locator(f"{form(quiz)} .edusite-quiz__remember-box")


def choice(page: Page, quiz: str, name: str, value: str):
    return page.locator(f'{form(quiz)} input[name="{name}"][value="{value}"]')


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    wait_wired(page)


def test_nothing_is_stored_without_opting_in(page: Page, fixture_url: str) -> None:
    open_page(page, f"{fixture_url}{QUIZ_PAGE}#quiz")
    expect(page.locator(f"{form(QUIZ)} .edusite-quiz__privacy")).to_contain_text("only if you tick")
    answer_by_keyboard(page, QUIZ, {"uv": "3", "cloud": "yes", "treat": ["cool"], "heal": "week"})
    expect(result(page, QUIZ)).to_contain_text("You got", timeout=BOOT_MS)
    expect(remember_box(page, QUIZ)).not_to_be_checked()
    assert page.evaluate(EVERY_STORAGE) == NOTHING
    open_page(page, f"{fixture_url}{CHECK_PAGE}#check")
    choice(page, CHECK, "blisters", "yes").check()  # a warning sign, answered: still nothing
    assert page.evaluate(EVERY_STORAGE) == NOTHING
    open_page(page, f"{fixture_url}{QUIZ_PAGE}#quiz")
    expect(page.locator(f"{form(QUIZ)} input:checked")).to_have_count(0)


def test_opting_in_keeps_answers_and_forget_clears_everything(page: Page, fixture_url: str) -> None:
    open_page(page, f"{fixture_url}{QUIZ_PAGE}#quiz")
    page.locator("label[for='__palette_1']").click()  # the theme now keeps a light/dark choice
    page.wait_for_function("() => Object.keys(localStorage).some((k) => k.endsWith('.__palette'))")
    choice(page, QUIZ, "uv", "3").check()
    remember_box(page, QUIZ).check()  # consent: the answers so far are kept from now on
    stored = "key => localStorage.getItem(key)"
    assert page.evaluate(stored, f"edusite-quiz:v1:{QUIZ}") == '{"uv":"3","treat":[]}'
    choice(page, QUIZ, "treat", "water").check()
    assert '"treat":["water"]' in page.evaluate(stored, f"edusite-quiz:v1:{QUIZ}")
    # The self-check on another page of the same site, kept too.
    open_page(page, f"{fixture_url}{CHECK_PAGE}#check")
    choice(page, CHECK, "blisters", "yes").check()
    remember_box(page, CHECK).check()
    page.reload()
    wait_wired(page)
    expect(choice(page, CHECK, "blisters", "yes")).to_be_checked()
    expect(remember_box(page, CHECK)).to_be_checked()
    open_page(page, f"{fixture_url}{QUIZ_PAGE}#quiz")
    expect(choice(page, QUIZ, "uv", "3")).to_be_checked()
    expect(choice(page, QUIZ, "treat", "water")).to_be_checked()
    expect(remember_box(page, QUIZ)).to_be_checked()
    # One control forgets everything the site kept, for every quiz on every page.
    forget = page.locator(f"{form(QUIZ)} .edusite-quiz__forget")
    forget.focus()
    page.keyboard.press("Space")
    expect(result(page, QUIZ)).to_contain_text("deleted")
    expect(choice(page, QUIZ, "uv", "3")).not_to_be_checked()
    expect(remember_box(page, QUIZ)).not_to_be_checked()
    assert page.evaluate(EVERY_STORAGE) == NOTHING
    assert page.evaluate("Object.keys(localStorage)") == []  # the theme's palette choice too
    choice(page, QUIZ, "uv", "8").check()  # no consent any more
    assert page.evaluate(OURS) == 0
    open_page(page, f"{fixture_url}{CHECK_PAGE}#check")
    expect(choice(page, CHECK, "blisters", "yes")).not_to_be_checked()
    expect(remember_box(page, CHECK)).not_to_be_checked()


def test_unticking_deletes_that_quizs_answers(page: Page, fixture_url: str) -> None:
    open_page(page, f"{fixture_url}{QUIZ_PAGE}#quiz")
    choice(page, QUIZ, "uv", "3").check()
    remember_box(page, QUIZ).check()
    assert page.evaluate(OURS) == 1
    remember_box(page, QUIZ).uncheck()
    assert page.evaluate(OURS) == 0
