"""Answers are kept only with the reader's consent, and one control forgets everything.

Checked in a real Chromium against the real built site, through every storage a page (or
Pyodide in its worker) could write to: localStorage, sessionStorage, cookies, IndexedDB and
the Cache API.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.test_quizzes import (
    BOOT_MS,
    answer_by_keyboard,
    form,
    open_section,
    result,
    wait_wired,
)

SHOES = "shoe-mileage-check"
PLANNER = "return-to-running-planner"

# Material itself keeps the light/dark choice of its palette toggle in localStorage
# (`<base path>.__palette`) on every page, quiz or not: a theme setting, no answer, listed in
# content/about.md. Everything else must be empty (and after "Forget", that too).
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


def test_nothing_is_stored_without_opting_in(page: Page, site_url: str) -> None:
    open_section(page, site_url, "shoes")
    expect(page.locator(f"{form(SHOES)} .edusite-quiz__privacy")).to_contain_text(
        "only if you tick"
    )
    answer_by_keyboard(page, SHOES, {"distance": "320", "unit": "km"})
    expect(result(page, SHOES)).to_contain_text("320", timeout=BOOT_MS)
    self_check = f"{form('runners-knee-self-check')} input[name=hot_knee][value=yes]"
    page.locator(self_check).check()  # a warning sign, answered: still nothing kept
    expect(remember_box(page, SHOES)).not_to_be_checked()
    assert page.evaluate(EVERY_STORAGE) == NOTHING
    page.reload()
    wait_wired(page)
    expect(page.locator(f"{form(SHOES)} input[name=distance]")).to_have_value("")


def test_opting_in_keeps_answers_and_forget_clears_everything(page: Page, site_url: str) -> None:
    open_section(page, site_url, "shoes")
    page.locator("label[for='__palette_1']").click()  # the theme now keeps a light/dark choice
    page.wait_for_function("() => Object.keys(localStorage).some((k) => k.endsWith('.__palette'))")
    distance = page.locator(f"{form(SHOES)} input[name=distance]")
    distance.fill("320")
    remember_box(page, SHOES).check()  # consent: the answers so far are kept from now on
    stored = "key => localStorage.getItem(key)"
    assert page.evaluate(stored, f"edusite-quiz:v1:{SHOES}") == '{"distance":"320","unit":"miles"}'
    page.locator(f"{form(SHOES)} input[name=unit][value=km]").check()
    assert '"unit":"km"' in page.evaluate(stored, f"edusite-quiz:v1:{SHOES}")
    page.locator(f"{form(PLANNER)} input[name=current]").fill("10")
    remember_box(page, PLANNER).check()
    page.reload()
    wait_wired(page)
    expect(distance).to_have_value("320")
    expect(remember_box(page, SHOES)).to_be_checked()
    expect(page.locator(f"{form(PLANNER)} input[name=current]")).to_have_value("10")
    # One control forgets everything the site kept, for every quiz.
    forget = page.locator(f"{form(SHOES)} .edusite-quiz__forget")
    forget.focus()
    page.keyboard.press("Space")
    expect(result(page, SHOES)).to_contain_text("deleted")
    expect(distance).to_have_value("")
    expect(remember_box(page, SHOES)).not_to_be_checked()
    expect(remember_box(page, PLANNER)).not_to_be_checked()
    expect(page.locator(f"{form(PLANNER)} input[name=current]")).to_have_value("")
    assert page.evaluate(EVERY_STORAGE) == NOTHING
    assert page.evaluate("Object.keys(localStorage)") == []  # the theme's palette choice too
    page.locator(f"{form(SHOES)} input[name=distance]").fill("100")  # no consent any more
    assert page.evaluate(OURS) == 0


def test_unticking_deletes_that_quizs_answers(page: Page, site_url: str) -> None:
    open_section(page, site_url, "shoes")
    page.locator(f"{form(SHOES)} input[name=distance]").fill("50")
    remember_box(page, SHOES).check()
    assert page.evaluate(OURS) == 1
    remember_box(page, SHOES).uncheck()
    assert page.evaluate(OURS) == 0
