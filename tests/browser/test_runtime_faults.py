"""Every runtime file fault is announced within 5 s, and Retry works once the fault is gone.

The second fixture site (tests/sites/heat, built once per session) is served by
`FaultServer`, which breaks one file at a time (missing, truncated, corrupted, stalled); its
quiz is started and, after Retry, answered. The time is measured in the browser, from the
moment the page starts loading the quiz engine (`edusiteQuiz.timings.start`) to the moment
the status line says the quiz could not start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser.faultserver import FaultServer
from tests.browser.quizpage import BOOT_MS, form, result, wait_ready, wait_wired
from tests.browser.test_quizzes import QUIZ, QUIZ_PAGE, answer_quiz_right
from tests.conftest import SiteServer, StaticHandler

LIMIT_MS = 5000
POLICY = "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'"
STDLIB = "/python_stdlib"
SHARED = "/edusite_shared-"
BUNDLE = "/quizzes.sun_quiz-"
"""The page's own quiz bundle, downloaded while Python starts. It is smaller than the bytes a
"stall" sends before it hangs, so it cannot stall."""

# (fragment of the file's URL, how it fails, the code the page reports)
FAULTS = [
    ("pyodide.asm.wasm", "404", "load-failed"),
    ("pyodide.asm.wasm", "truncate", "integrity-failed"),
    ("pyodide.asm.wasm", "corrupt", "integrity-failed"),
    ("pyodide.asm.wasm", "stall", "stalled"),
    # This host sends no policy header: the worker fetches the script's gzip copy (the plain
    # script's own faults are those of any checked file, as pyodide.mjs's below).
    ("pyodide.asm.js.gz", "truncate", "integrity-failed"),
    ("pyodide.asm.js.gz", "corrupt", "integrity-failed"),
    ("pyodide.asm.js.gz", "stall", "stalled"),
    (STDLIB, "corrupt", "integrity-failed"),
    (STDLIB, "stall", "stalled"),
    (SHARED, "corrupt", "integrity-failed"),
    (SHARED, "404", "load-failed"),
    (BUNDLE, "corrupt", "integrity-failed"),
    (BUNDLE, "404", "load-failed"),
    ("pyodide.mjs", "404", "load-failed"),
    ("pyodide.mjs", "corrupt", "integrity-failed"),
    ("pyodide-lock.json", "truncate", "integrity-failed"),
    ("quiz-worker.js", "404", "worker-error"),
]

FAILED_AFTER = """sel => {
    const status = document.querySelector(sel + " .edusite-quiz__status");
    const start = window.edusiteQuiz.timings.start;
    if (start === null || !/could not start/.test(status.textContent)) return false;
    return performance.now() - start;
}"""


@pytest.fixture
def faulty(fixture_site: Path) -> Iterator[FaultServer]:
    server = FaultServer(fixture_site)
    yield server
    server.close()


def start_quiz(page: Page, server: FaultServer) -> None:
    page.goto(f"{server.url}{QUIZ_PAGE}#quiz")
    wait_wired(page)
    page.locator(f'{form(QUIZ)} input[name="uv"]').first.focus()


def answers_after_retry(page: Page, server: FaultServer) -> None:
    server.faults.clear()
    page.locator(f"{form(QUIZ)} .edusite-quiz__retry").click()
    wait_ready(page)
    answer_quiz_right(page)
    expect(result(page, QUIZ)).to_contain_text("You got 4 of 4 right.", timeout=BOOT_MS)


@pytest.mark.parametrize(("fragment", "mode", "code"), FAULTS, ids=lambda v: str(v).strip("/.-"))
def test_fault_is_announced_within_5_s_and_retry_works(
    page: Page, faulty: FaultServer, fragment: str, mode: str, code: str
) -> None:
    faulty.faults[fragment] = mode
    start_quiz(page, faulty)
    elapsed = page.wait_for_function(
        FAILED_AFTER, arg=form(QUIZ), polling=50, timeout=3 * LIMIT_MS
    ).json_value()
    status = page.locator(f"{form(QUIZ)} .edusite-quiz__status")
    assert elapsed < LIMIT_MS, f"{fragment} {mode}: message after {elapsed:.0f} ms"
    expect(status).to_have_attribute("data-fault", code)
    assert page.evaluate("window.edusiteQuiz.failure") == code
    print(f"{fragment} {mode}: {code} after {elapsed:.0f} ms")  # the report's figures
    answers_after_retry(page, faulty)


@pytest.mark.parametrize(("mode", "code"), [("corrupt", "integrity-failed"), ("stall", "stalled")])
def test_where_the_host_sends_a_policy_the_plain_script_is_checked_too(
    page: Page, fixture_site: Path, mode: str, code: str
) -> None:
    # A policy header binds the worker, which then takes the plain pyodide.asm.js (no blob:).
    server = FaultServer(fixture_site, headers={"Content-Security-Policy": POLICY})
    try:
        server.faults["pyodide.asm.js"] = mode  # its gzip copy is never asked for (below)
        start_quiz(page, server)
        elapsed = page.wait_for_function(
            FAILED_AFTER, arg=form(QUIZ), polling=50, timeout=3 * LIMIT_MS
        ).json_value()
        assert elapsed < LIMIT_MS
        expect(page.locator(f"{form(QUIZ)} .edusite-quiz__status")).to_have_attribute(
            "data-fault", code
        )
        assert not [p for p in server.requests if p.endswith("pyodide.asm.js.gz")]
        answers_after_retry(page, server)
    finally:
        server.close()


def test_slow_files_are_not_faults(page: Page, faulty: FaultServer) -> None:
    for fragment in ("pyodide.asm.wasm", STDLIB, SHARED, BUNDLE):
        faulty.faults[fragment] = "delay"
    start_quiz(page, faulty)
    wait_ready(page)
    assert page.evaluate("window.edusiteQuiz.failure") is None
    page.locator(f"{form(QUIZ)} button[type=submit]").press("Enter")
    expect(result(page, QUIZ)).not_to_be_empty(timeout=BOOT_MS)


def test_retry_after_a_damaged_file_does_not_reuse_the_cached_copy(
    page: Page, faulty: FaultServer
) -> None:
    # The damaged wasm is a complete 200 response the HTTP cache may keep; Retry must fetch
    # it again (and it is only fetched twice: once damaged, once good).
    faulty.faults["pyodide.asm.wasm"] = "corrupt"
    start_quiz(page, faulty)
    page.wait_for_function(FAILED_AFTER, arg=form(QUIZ), polling=50, timeout=3 * LIMIT_MS)
    answers_after_retry(page, faulty)
    assert len([p for p in faulty.requests if p.endswith("pyodide.asm.wasm.gz")]) == 2


def test_wasm_that_does_not_compile_is_announced(page: Page, faulty: FaultServer) -> None:
    # With its digest left out of the page, a corrupt wasm (its gzip copy, which then fails
    # to decode mid-stream) reaches the compiler: Pyodide only logs that instantiation
    # failed, and the worker must still report it.
    def without_wasm_digest(route: Route) -> None:
        response = route.fetch()
        html = re.sub(r'"[^"]*pyodide\.asm\.wasm\.gz": "sha256-[^"]*", ', "", response.text())
        route.fulfill(response=response, body=html)

    page.route(f"**/{QUIZ_PAGE}", without_wasm_digest)
    faulty.faults["pyodide.asm.wasm"] = "corrupt"
    start_quiz(page, faulty)
    elapsed = page.wait_for_function(
        FAILED_AFTER, arg=form(QUIZ), polling=50, timeout=3 * LIMIT_MS
    ).json_value()
    assert elapsed < LIMIT_MS
    assert page.evaluate("window.edusiteQuiz.failure") == "wasm-failed"
    print(f"wasm that does not compile: wasm-failed after {elapsed:.0f} ms")
    answers_after_retry(page, faulty)


class DecodingHost(StaticHandler):
    """A host that sends `x.wasm.gz` as `x.wasm` with `Content-Encoding: gzip` (Apache's
    `AddEncoding gzip .gz`, some CDNs): the browser decodes it before the worker sees it."""

    def guess_type(self, path: str | object) -> str:
        name = str(path)
        return super().guess_type(name.removesuffix(".gz"))

    def end_headers(self) -> None:
        if self.path.split("?")[0].endswith(".gz"):
            self.send_header("Content-Encoding", "gzip")
        super().end_headers()


def test_a_host_that_sends_gzip_copies_as_content_encoding_still_works(
    page: Page, fixture_site: Path
) -> None:
    server = SiteServer(fixture_site, DecodingHost)
    try:
        page.goto(f"{server.url}{QUIZ_PAGE}#quiz")
        wait_wired(page)
        page.locator(f'{form(QUIZ)} input[name="uv"]').first.focus()
        wait_ready(page)
        assert page.evaluate("window.edusiteQuiz.failure") is None
        answer_quiz_right(page)
        expect(result(page, QUIZ)).to_contain_text("You got 4 of 4 right.", timeout=BOOT_MS)
    finally:
        server.close()
