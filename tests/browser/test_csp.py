"""The Content-Security-Policy in real Chromium: zero violations, and nothing stops working.

The site is served as a host reading `_headers` would serve it (tests/headers_host.py: the
policy as a real header, which also binds the search and quiz workers), and once more with
no header at all, as GitHub Pages serves it (only the `<meta>` tag, which binds the pages but
not their workers). Violations are collected three ways: a `securitypolicyviolation`
listener installed before any page script, console errors, and (with the header) the
reports Chromium posts for a report-only copy of the policy, which include the workers'.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.quizpage import (
    BOOT_MS,
    QuestionAnswers,
    answer_by_keyboard,
    form,
    questions,
    result,
)
from tests.browser.test_guide_quizzes import ARTICLE, KNOWLEDGE_QUIZ_RIGHT, open_section
from tests.conftest import DEPLOYED_URL, route_sitemap_here
from tests.headers_host import HeadersHost

PAGES = ["", ARTICLE, "about/", "no-such-page/"]  # the last is answered with 404.html
LISTEN = """document.addEventListener("securitypolicyviolation", (e) => {
    const where = `${e.sourceFile}:${e.lineNumber}`;
    const what = `${e.disposition}: ${e.effectiveDirective} ${e.blockedURI || "inline"}`;
    window.edusiteCspViolation(`${what} at ${where}`);
}, true);"""


def _host(built_site: Path, root: Path, *, send_headers: bool) -> tuple[HeadersHost, str]:
    """Serve the site under the path of mkdocs.yml's site_url, as it is deployed."""
    site_path = urlsplit(DEPLOYED_URL).path.strip("/")
    (root / site_path).symlink_to(built_site, target_is_directory=True)
    host = HeadersHost(root, built_site, send_headers=send_headers)
    return host, f"{host.url}{site_path}/"


@pytest.fixture(scope="module")
def header_host(
    built_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[HeadersHost, str]]:
    host, url = _host(built_site, tmp_path_factory.mktemp("csp-host"), send_headers=True)
    yield host, url
    host.close()


@pytest.fixture(scope="module")
def meta_host(
    built_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[HeadersHost, str]]:
    host, url = _host(built_site, tmp_path_factory.mktemp("meta-host"), send_headers=False)
    yield host, url
    host.close()


@pytest.fixture
def watched(context: BrowserContext) -> Page:
    """A page whose violations (`page.violations`) and console errors (`page.errors`) are
    recorded from before its first script, across reloads and instant navigation."""
    violations: list[str] = []
    errors: list[str] = []

    def record(violation: str) -> None:
        violations.append(violation)

    context.expose_function("edusiteCspViolation", record)
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.violations = violations  # type: ignore[attr-defined]
    page.errors = errors  # type: ignore[attr-defined]
    return page


def wait_ready(page: Page) -> None:
    """As test_quizzes.wait_ready, as a function: Playwright evaluates a bare expression
    with eval() in the page, which this very policy forbids."""
    page.wait_for_function("() => window.edusiteQuiz.state === 'ready'", timeout=BOOT_MS)


def assert_clean(page: Page, host: HeadersHost, *, allowed_errors: tuple[str, ...] = ()) -> None:
    """No violation seen by the page's listener, in the console or reported to the host."""
    page.wait_for_timeout(300)  # reports are posted asynchronously
    assert page.violations == []  # type: ignore[attr-defined]
    assert host.reports == []
    errors = [e for e in page.errors if not any(a in e for a in allowed_errors)]  # type: ignore[attr-defined]
    assert errors == []


def search_works(page: Page, url: str) -> None:
    page.goto(url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("kneecap", delay=30)  # Material searches on key events, not fill()
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)


def toggle_persists(page: Page, url: str) -> None:
    """Click the palette toggle; the scheme changes and survives a reload, applied by
    material-palette.js before Material's bundle (blocked on the last load) runs."""
    page.goto(url)
    scheme = "document.body.dataset.mdColorScheme"
    before = page.evaluate(scheme)
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function(f"() => {scheme} !== {before!r}")
    after = page.evaluate(scheme)
    page.reload()
    assert page.evaluate(scheme) == after
    page.route("**/bundle.*.min.js", lambda route: route.abort())
    seen = len(page.errors)  # type: ignore[attr-defined]
    page.reload()
    assert page.evaluate(scheme) == after
    page.unroute("**/bundle.*.min.js")
    del page.errors[seen:]  # type: ignore[attr-defined] # the blocked bundle's own errors


def fresh_section(page: Page, url: str, anchor: str) -> None:
    """Load the article afresh at a section (a new document: Tab starts at the anchor)."""
    page.goto("about:blank")
    open_section(page, url, anchor)


def answer(
    page: Page, url: str, anchor: str, quiz: str, answers: QuestionAnswers, text: str
) -> None:
    fresh_section(page, url, anchor)
    answer_by_keyboard(page, quiz, answers)
    expect(result(page, quiz)).to_contain_text(text, timeout=BOOT_MS)


def self_check(page: Page, url: str) -> None:
    fresh_section(page, url, "check-your-knee")
    quiz = "runners-knee-self-check"
    answers: QuestionAnswers = {q["id"]: "no" for q in questions(page, quiz)}
    answers.update(where="front", when=["stairs"], shoes="under-300", knees="one")
    answers["hot_knee"] = "yes"
    answer_by_keyboard(page, quiz, answers)
    expect(result(page, quiz)).to_contain_text("Get medical help today", timeout=BOOT_MS)


def planner(page: Page, url: str) -> None:
    answer(
        page,
        url,
        "returning-to-running",
        "return-to-running-planner",
        {"current": "10", "goal": "15", "unit": "km", "increase": "10"},
        "you reach 15 km a week in week 5",
    )


def test_every_page_with_the_header_has_no_violation(watched: Page, header_host) -> None:
    host, url = header_host
    for path in PAGES:
        watched.goto(f"{url}{path}")
        watched.wait_for_load_state("networkidle")
    expect(watched.locator("h1")).to_have_text("Page not found")
    watched.goto(f"{url}{ARTICLE}#shoes")  # and the quiz worker boots Pyodide under it
    watched.locator(f"{form('shoe-mileage-check')} input[name=distance]").focus()
    wait_ready(watched)
    assert_clean(watched, host, allowed_errors=("status of 404",))


def test_search_and_palette_work_with_the_header(watched: Page, header_host) -> None:
    host, url = header_host
    search_works(watched, url)
    toggle_persists(watched, f"{url}about/")
    assert_clean(watched, host)


def test_instant_navigation_works_with_the_header(watched: Page, header_host) -> None:
    host, url = header_host
    route_sitemap_here(watched, url)
    watched.goto(url)
    watched.wait_for_load_state("networkidle")
    watched.evaluate("window.__sameDocument = true")
    watched.locator(f'a.md-nav__link[href$="/{ARTICLE}"]').first.click()
    watched.wait_for_url(f"{url}{ARTICLE}")
    expect(watched.locator(form("shoe-mileage-check"))).to_have_count(1)
    watched.locator("a.md-header__button.md-logo").click()
    watched.wait_for_url(url)
    expect(watched.locator(form("shoe-mileage-check"))).to_have_count(0)
    assert watched.evaluate("window.__sameDocument === true"), "a full page load happened"
    assert_clean(watched, host)


def pyodide_scripts_asked_for(host: HeadersHost) -> set[str]:
    """Which of pyodide.asm.js and its gzip copy the host was asked for."""
    return {path.rsplit("/", 1)[-1] for path in host.requested if "/pyodide.asm.js" in path}


def test_every_quiz_answers_with_the_header(watched: Page, header_host) -> None:
    host, url = header_host
    self_check(watched, url)
    planner(watched, url)
    answer(
        watched,
        url,
        "shoes",
        "shoe-mileage-check",
        {"distance": "700", "unit": "km"},
        "Replace them now",
    )
    answer(
        watched,
        url,
        "quiz",
        "runners-knee-quiz",
        KNOWLEDGE_QUIZ_RIGHT,
        "You got 13 of 13 right.",
    )
    assert_clean(watched, host)
    # The header binds the quiz worker and allows no `blob:` module: the plain script.
    assert pyodide_scripts_asked_for(host) == {"pyodide.asm.js"}


def test_with_only_the_meta_tag_everything_works(watched: Page, meta_host) -> None:
    host, url = meta_host
    response = watched.goto(url)
    assert response is not None
    assert "content-security-policy" not in response.headers
    search_works(watched, url)
    toggle_persists(watched, f"{url}about/")
    self_check(watched, url)
    planner(watched, url)
    assert_clean(watched, host)
    # Nothing binds the quiz worker: it imports the gzip copy, decoded, as a `blob:` module.
    assert pyodide_scripts_asked_for(host) == {"pyodide.asm.js.gz"}


EVAL_WORKER = "try { eval('1'); postMessage('eval ran'); } catch (e) { postMessage(e.name); }"
START_WORKER = """async (url) => {
    const worker = new Worker(url, { type: "module" });
    return await new Promise((resolve) => { worker.onmessage = (e) => resolve(e.data); });
}"""


def test_a_worker_is_bound_by_the_header_and_its_violation_reported(
    watched: Page, header_host
) -> None:
    # Why the quiz test's empty report list means Pyodide never evals: a same-origin module
    # worker that does is stopped by its own response's header, and the host hears of it.
    host, url = header_host
    (host.root / "eval-worker.js").write_text(EVAL_WORKER, encoding="utf-8")
    watched.goto(url)
    try:
        assert watched.evaluate(START_WORKER, "/eval-worker.js") == "EvalError"
        watched.wait_for_timeout(300)
        assert [r["blocked-uri"] for r in host.reports] == ["eval"]
    finally:
        host.reports.clear()  # the host is shared by this module's tests


def test_with_only_the_meta_tag_a_worker_is_unrestricted(watched: Page, meta_host) -> None:
    # The documented limit of GitHub Pages: a <meta> policy binds the page, not its workers.
    host, url = meta_host
    (host.root / "eval-worker.js").write_text(EVAL_WORKER, encoding="utf-8")
    watched.goto(url)
    assert watched.evaluate(START_WORKER, "/eval-worker.js") == "eval ran"
