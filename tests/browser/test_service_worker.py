"""The service worker (issue 9): returning readers download no runtime file, a visited
article and its quiz work offline, and a new deploy is never answered with old files.

The second fixture site (tests/sites/heat) is served under a sub-path (`/guide/`, as on a
GitHub Pages project site) by a host that sends `Cache-Control: no-cache` (every reuse of the
browser's HTTP cache must ask the host again: the worst of short lifetimes such as GitHub
Pages' 10 minutes). The host records every path it is asked for, which is what counts:
requests the service worker answers from its cache never reach it.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.faultserver import FaultServer
from tests.browser.quizpage import BOOT_MS, form, result, wait_ready, wait_wired
from tests.browser.test_quizzes import QUIZ, QUIZ_PAGE, answer_quiz_right
from tests.browser.test_runtime_faults import DecodingHost
from tests.conftest import FIXTURE_CONFIG, ROOT, SiteServer, StaticHandler, build_site

SUB_PATH = "guide/"
RIGHT = "You got 4 of 4 right."
CACHES = "caches.keys()"
COUNT_CONTROLLER_CHANGES = """
window.__controllerChanges = 0;
navigator.serviceWorker?.addEventListener("controllerchange", () => {
  window.__controllerChanges += 1;
});
"""


class ShortLivedHost:
    """Serves `root/guide/` -> a built site with `Cache-Control: no-cache`, recording each
    requested path; `deploy(site)` points the sub-path at another build, as a deploy does."""

    def __init__(self, root: Path, site: Path) -> None:
        self.root = root
        self.paths: list[str] = []
        lock = threading.Lock()
        paths = self.paths

        class Handler(StaticHandler):
            def end_headers(self) -> None:
                self.send_header("Cache-Control", "no-cache")
                super().end_headers()

            def send_head(self):  # type: ignore[no-untyped-def]
                with lock:
                    paths.append(self.path)
                return super().send_head()

        self.deploy(site)
        self.server = SiteServer(root, Handler)
        self.url = f"{self.server.url}{SUB_PATH}"

    def deploy(self, site: Path) -> None:
        link = self.root / SUB_PATH.rstrip("/")
        if link.is_symlink():
            link.unlink()
        link.symlink_to(site, target_is_directory=True)

    def asked_for(self, fragment: str) -> list[str]:
        return [path for path in self.paths if fragment in path]


@pytest.fixture
def host(fixture_site: Path, tmp_path: Path) -> Iterator[ShortLivedHost]:
    (tmp_path / "root").mkdir()
    server = ShortLivedHost(tmp_path / "root", fixture_site)
    yield server
    server.server.close()


def controlled(page: Page) -> None:
    """Wait until the service worker controls the page (it registers after `load`). A
    function, not an expression: Playwright evaluates a bare expression with `eval`, which
    the site's CSP blocks whenever the first check fails and it polls again."""
    page.wait_for_function("() => Boolean(navigator.serviceWorker?.controller)")


def answer_on_a_new_page(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.goto(f"{url}{QUIZ_PAGE}#quiz")
    wait_wired(page)
    answer_quiz_right(page)
    expect(result(page, QUIZ)).to_contain_text(RIGHT, timeout=BOOT_MS)
    return page


def test_returning_reader_downloads_no_runtime_and_reads_offline(
    sw_context: BrowserContext, host: ShortLivedHost
) -> None:
    context = sw_context
    first = answer_on_a_new_page(context, host.url)
    controlled(first)
    registration = first.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert registration == host.url  # the whole site under its sub-path, nothing above it
    assert host.asked_for(f"/{SUB_PATH}service-worker.js")
    first.close()

    host.paths.clear()
    answer_on_a_new_page(context, host.url).close()
    assert host.asked_for(QUIZ_PAGE)  # pages: network first
    assert host.asked_for("/_edusite/pyodide/") == []
    assert host.asked_for("/_edusite/") == []

    host.server.close()  # the host is gone, and the browser is offline
    context.set_offline(True)
    offline = context.new_page()
    offline.goto(f"{host.url}{QUIZ_PAGE}#quiz")
    expect(offline.locator("h1")).to_contain_text("Sunburn")
    wait_wired(offline)
    answer_quiz_right(offline)
    expect(result(offline, QUIZ)).to_contain_text(RIGHT, timeout=BOOT_MS)


def test_no_service_worker_on_a_page_opened_as_a_file(
    sw_context: BrowserContext, fixture_site: Path
) -> None:
    page = sw_context.new_page()
    page.goto((fixture_site / QUIZ_PAGE / "index.html").as_uri())
    expect(page.locator(form(QUIZ))).to_have_count(1)
    page.wait_for_load_state("load")
    assert (
        page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
    )


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with one quiz explanation changed: a new quiz bundle, so a new
    runtime version. Copied three folders deep so its `../../../` paths still resolve."""
    top = tmp_path_factory.mktemp("deploy2")
    for name in ("site_overrides", "node_modules", ".cache"):
        (top / name).symlink_to(ROOT / name, target_is_directory=True)
    project = top / "a" / "b" / "heat"
    shutil.copytree(FIXTURE_CONFIG.parent, project, ignore=shutil.ignore_patterns("__pycache__"))
    quiz = project / "quizzes" / "sun_quiz.py"
    text = quiz.read_text(encoding="utf-8")
    assert "gets better within 7 days" in text
    quiz.write_text(text.replace("gets better within 7 days", "heals within 7 days"), "utf-8")
    site = top / "site"
    build_site(site, project / "mkdocs.yml")
    return site


def _version(site: Path) -> str:
    text = (site / "service-worker.js").read_text(encoding="utf-8")
    return text.split('const VERSION = "', 1)[1].split('"', 1)[0]


def test_a_new_deploy_is_not_answered_with_the_old_runtime(
    sw_context: BrowserContext, host: ShortLivedHost, fixture_site: Path, changed_site: Path
) -> None:
    context = sw_context
    context.add_init_script(COUNT_CONTROLLER_CHANGES)
    old, new = _version(fixture_site), _version(changed_site)
    assert old != new
    installing = context.new_page()
    installing.goto(host.url)
    controlled(installing)  # from now on every page of the site is controlled from its start
    installing.close()
    first = answer_on_a_new_page(context, host.url)
    expect(result(first, QUIZ)).to_contain_text("gets better within 7 days")
    assert any(old in key for key in first.evaluate(CACHES))
    first.close()

    host.deploy(changed_site)
    host.paths.clear()
    page = answer_on_a_new_page(context, host.url)
    expect(result(page, QUIZ)).to_contain_text("heals within 7 days")
    # The changed quiz's new bundle came from the host (the shared bundle did not change).
    assert [p for p in host.asked_for("/_edusite/quiz/") if "edusite_shared" not in p]
    # The new worker is installed but waits: this page kept its worker from start to result.
    page.wait_for_function(
        "() => navigator.serviceWorker.getRegistration().then(r => Boolean(r?.waiting))"
    )
    assert page.evaluate("window.__controllerChanges") == 0
    page.close()

    # No page uses the old worker now: the next visit is the new worker's, old caches gone.
    later = context.new_page()
    later.goto(f"{host.url}{QUIZ_PAGE}")
    later.wait_for_function(
        "([old, now]) => caches.keys().then(keys => "
        "!keys.some(k => k.includes(old)) && keys.some(k => k.includes(now)))",
        arg=[old, new],
    )


def test_a_host_that_decodes_gzip_copies_is_answered_from_the_cache_too(
    sw_context: BrowserContext, fixture_site: Path
) -> None:
    """A host that sends `x.gz` with `Content-Encoding: gzip` (the browser decodes it): the
    worker keeps the decoded bytes with that header, and the quiz worker checks them against
    the plain file's size and digest, so a visit answered from the cache works as well."""
    asked: list[str] = []

    class ShortLivedDecodingHost(DecodingHost):
        def end_headers(self) -> None:
            self.send_header("Cache-Control", "no-cache")
            super().end_headers()

        def send_head(self):  # type: ignore[no-untyped-def]
            asked.append(self.path)
            return super().send_head()

    server = SiteServer(fixture_site, ShortLivedDecodingHost)
    try:
        installing = sw_context.new_page()
        installing.goto(server.url)
        controlled(installing)  # the first visit's runtime files go through the worker
        installing.close()
        answer_on_a_new_page(sw_context, server.url).close()
        assert [path for path in asked if path.endswith(".gz")]  # the host decoded these
        asked.clear()
        again = answer_on_a_new_page(sw_context, server.url)
        assert again.evaluate("window.edusiteQuiz.failure") is None
        assert [path for path in asked if "/_edusite/" in path] == []  # all from the cache
        assert any(QUIZ_PAGE in path for path in asked)  # the page: network first
    finally:
        server.close()


def test_a_damaged_file_kept_by_the_worker_is_named_and_retry_replaces_it(
    sw_context: BrowserContext, fixture_site: Path
) -> None:
    """The service worker keeps any complete 200 response, damaged bytes included: the quiz
    worker's check still names the damage, Retry (a fetch that bypasses caches) replaces
    the kept copy, and the next visit is answered from the cache with the good one."""
    server = FaultServer(fixture_site)
    try:
        installing = sw_context.new_page()
        installing.goto(server.url)
        controlled(installing)
        installing.close()
        server.faults["edusite_shared-"] = "corrupt"
        page = sw_context.new_page()
        page.goto(f"{server.url}{QUIZ_PAGE}#quiz")
        wait_wired(page)
        page.locator(f'{form(QUIZ)} input[name="uv"]').first.focus()
        status = page.locator(f"{form(QUIZ)} .edusite-quiz__status")
        expect(status).to_contain_text("could not start", timeout=BOOT_MS)
        expect(status).to_have_attribute("data-fault", "integrity-failed")
        server.faults.clear()
        status.get_by_role("button", name="Retry").click()
        wait_ready(page)
        page.close()

        server.requests.clear()
        again = answer_on_a_new_page(sw_context, server.url)
        assert again.evaluate("window.edusiteQuiz.failure") is None
        assert [path for path in server.requests if "/_edusite/" in path] == []
    finally:
        server.close()
