"""A quiz stuck in an endless loop is stopped within 5 s, and another quiz still answers.

A small fixture site (tests/badinputs' base site plus `runaway/`) has two calculators: one
loops forever when given 99, the other doubles a number. Both are submitted while the first
is stuck: the first says it was stopped, the second waits for the fresh worker and answers
(it must never say that it failed to run).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.badinputs.sitecopy import make_site, mkdocs_build
from tests.browser.quizpage import BOOT_MS, form, result, wait_ready, wait_wired
from tests.conftest import SiteServer

OVERLAY = Path(__file__).parent / "runaway"
LIMIT_MS = 5000


@pytest.fixture(scope="module")
def runaway_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    source = tmp_path_factory.mktemp("runaway-src")
    make_site(source, OVERLAY)
    site = tmp_path_factory.mktemp("runaway-site")
    built = mkdocs_build(source, site)
    assert built.returncode == 0, built.stdout + built.stderr
    server = SiteServer(site)
    yield server.url
    server.close()


STOPPED_AFTER = """sel => {
    const text = document.querySelector(sel + " .edusite-quiz__result").textContent;
    return /took too long/.test(text) && performance.now() - window.__submitted;
}"""


def test_runaway_check_is_stopped_and_the_other_quiz_still_answers(
    page: Page, runaway_url: str
) -> None:
    page.goto(f"{runaway_url}runaway/")
    wait_wired(page)
    page.locator(f"{form('looper')} input[name=n]").fill("99")
    wait_ready(page)
    page.locator(f"{form('doubler')} input[name=n]").fill("4")
    page.evaluate(
        """sel => {
            window.__submitted = performance.now();
            document.querySelector(sel + " button[type=submit]").click();
        }""",
        form("looper"),
    )
    page.wait_for_timeout(300)  # the worker is stuck in the loop now
    page.locator(f"{form('doubler')} button[type=submit]").click()
    elapsed = page.wait_for_function(
        STOPPED_AFTER, arg=form("looper"), polling=50, timeout=3 * LIMIT_MS
    ).json_value()
    assert elapsed < LIMIT_MS, f"the stuck check was stopped after {elapsed:.0f} ms"
    print(f"runaway stopped after {elapsed:.0f} ms")
    expect(result(page, "doubler")).to_contain_text("Twice that is 8", timeout=BOOT_MS)
    expect(result(page, "doubler")).not_to_contain_text("failed to run")
    assert page.evaluate("window.edusiteQuiz.workersStarted") == 2
    # The fresh worker answers the quiz that hung, too, with an answer that ends.
    page.locator(f"{form('looper')} input[name=n]").fill("7")
    page.locator(f"{form('looper')} button[type=submit]").click()
    expect(result(page, "looper")).to_contain_text("You typed 7.", timeout=BOOT_MS)
