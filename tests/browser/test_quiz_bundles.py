"""Per-page quiz bundles on the heat fixture site (two articles, one quiz module each): a
page downloads the shared bundle and its own quiz's bundle, never the other page's; after
Material's instant navigation to the other article, the same worker loads that page's
bundle (once) and answers its quiz. The site is served under the path of its `site_url`,
as deployed, since Material navigates instantly only to pages its sitemap lists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Page, Route, expect

from tests.browser.faultserver import FaultServer
from tests.browser.quizpage import BOOT_MS, form, result, wait_ready, wait_wired
from tests.browser.test_quizzes import QUIZ, QUIZ_PAGE, answer_quiz_right
from tests.conftest import FIXTURE_CONFIG

OTHER = "heat-check"
OTHER_PAGE = "heat-exhaustion/"
DEPLOYED = yaml.load(FIXTURE_CONFIG.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["site_url"]


@pytest.fixture
def served(fixture_site: Path, tmp_path: Path) -> Iterator[tuple[FaultServer, str]]:
    """The fixture site under its deployed path; the server records every request."""
    site_path = urlsplit(DEPLOYED).path.strip("/")
    (tmp_path / site_path).symlink_to(fixture_site, target_is_directory=True)
    server = FaultServer(tmp_path)
    yield server, f"{server.url}{site_path}/"
    server.close()


def _sitemap_here(page: Page, base: str) -> None:
    def sitemap(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(DEPLOYED, base))

    page.route("**/sitemap.xml", sitemap)


def _bundles(server: FaultServer) -> list[str]:
    return sorted(p.rsplit("/", 1)[-1] for p in server.requests if "/_edusite/quiz/" in p)


def _start_on_the_sun_page(page: Page, base: str) -> None:
    """Open the sunburn article and wait until its quiz's engine is ready."""
    _sitemap_here(page, base)
    page.goto(f"{base}{QUIZ_PAGE}#quiz")
    wait_wired(page)
    page.locator(f'{form(QUIZ)} input[name="uv"]').first.focus()
    wait_ready(page)


def _navigate_instantly_to_the_other_page(page: Page, base: str) -> None:
    """Follow the navigation link to the heat exhaustion article (Material's instant
    navigation: the same document, so the same worker) and wait for its quiz's form."""
    page.locator(f'a.md-nav__link[href$="/{OTHER_PAGE}"]').first.click()
    page.wait_for_url(f"{base}{OTHER_PAGE}")
    wait_wired(page)


def test_a_page_loads_its_own_bundle_and_instant_navigation_loads_the_next_in_one_worker(
    page: Page, served: tuple[FaultServer, str]
) -> None:
    server, base = served
    _start_on_the_sun_page(page, base)
    answer_quiz_right(page)
    expect(result(page, QUIZ)).to_contain_text("You got 4 of 4 right.", timeout=BOOT_MS)
    first = _bundles(server)
    assert [name.split("-")[0] for name in first] == ["edusite_shared", "quizzes.sun_quiz"]

    page.evaluate("window.__sameDocument = true")
    _navigate_instantly_to_the_other_page(page, base)
    assert page.evaluate("window.__sameDocument === true"), "a full page load happened"
    other = page.locator(form(OTHER))
    other.locator("input").first.focus()
    other.locator("button[type=submit]").press("Enter")
    expect(result(page, OTHER)).not_to_be_empty(timeout=BOOT_MS)
    expect(other.locator(".edusite-quiz__status")).to_contain_text("Ready")
    assert page.evaluate("window.edusiteQuiz.workersStarted") == 1
    after = _bundles(server)
    assert [name.split("-")[0] for name in after] == [
        "edusite_shared",
        "quizzes.heat_check",
        "quizzes.sun_quiz",
    ]  # each once: the shared one and the first page's are not downloaded again
    assert len([p for p in server.requests if p.endswith("quiz-worker.js")]) == 1


def test_a_damaged_quiz_bundle_after_navigation_is_named_and_retry_loads_it(
    page: Page, served: tuple[FaultServer, str]
) -> None:
    server, base = served
    _start_on_the_sun_page(page, base)
    server.faults["quizzes.heat_check-"] = "corrupt"
    _navigate_instantly_to_the_other_page(page, base)
    other = page.locator(form(OTHER))
    other.locator("input").first.focus()
    status = other.locator(".edusite-quiz__status")
    expect(status).to_contain_text("could not start", timeout=BOOT_MS)
    expect(status).to_have_attribute("data-fault", "integrity-failed")
    server.faults.clear()
    status.get_by_role("button", name="Retry").click()
    expect(status).to_contain_text("Ready", timeout=BOOT_MS)
    other.locator("button[type=submit]").press("Enter")
    expect(result(page, OTHER)).not_to_be_empty(timeout=BOOT_MS)
    assert page.evaluate("window.edusiteQuiz.workersStarted") == 1
    assert len([p for p in server.requests if "quizzes.heat_check-" in p]) == 2
