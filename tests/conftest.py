"""Shared fixtures, above all for tests in a real headless Chromium against a built site.

Two sites: the real one (`built_site`, `site_url`) and a second, unrelated fixture site
(`fixture_site`, `fixture_url`: tests/sites/heat, on which the engine's tests run). Each is
built once per test session with `mkdocs build --strict` into a temporary folder and served
on 127.0.0.1 by a small threaded static server. Chromium is Debian's
(/usr/bin/chromium, installed by `.ci/setup --browser`), driven by Playwright for Python;
Playwright's own browser download does not work on this project's machines.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    Route,
    sync_playwright,
)

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Every build in the test session is dated 2026-12-01 (SOURCE_DATE_EPOCH, read by the
# review-age check, W702): the fixture articles say `reviewed: 2026-11-25`, and a test must
# not start failing on its own when that date grows old. Set it outside to test another day.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1796083200")
CHROMIUM = os.environ.get("EDUSITE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives Chromium, so `-m "not browser"` gives a quick run."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


def build_site(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml") -> None:
    """Build a site exactly as `make build` does, failing the test session on any problem."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--clean",
            "--config-file",
            str(config_file),
            "--site-dir",
            str(site_dir),
        ],
        cwd=config_file.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site with the MIME types module workers and WebAssembly need."""

    extensions_map = {  # noqa: RUF012 - class-level table, as in the base class
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
        ".zip": "application/zip",
    }

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the tests read requests from the browser, not from the log."""


class SiteServer:
    """A static server for one folder on a free loopback port, stopped by `close()`;
    `handler` may be a `StaticHandler` subclass that sends more (headers, reports)."""

    def __init__(self, directory: Path, handler_class: type = StaticHandler) -> None:
        handler = functools.partial(handler_class, directory=str(directory))
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        host, port = self._httpd.server_address[:2]
        self.url = f"http://{host}:{port}/"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


FIXTURE_CONFIG = ROOT / "tests" / "sites" / "heat" / "mkdocs.yml"
"""The second, unrelated site (tests/sites/heat/README.md): engine tests that need a quiz, a
self-check or care boxes use it, so they do not depend on the runner's knee content."""


@pytest.fixture(scope="session")
def site_builds(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """`build(config)`: the site of that mkdocs.yml, built strictly once per session."""
    built: dict[Path, Path] = {}

    def build(config: Path) -> Path:
        if config not in built:
            site_dir = tmp_path_factory.mktemp(config.parent.name or "site")
            build_site(site_dir, config)
            built[config] = site_dir
        return built[config]

    return build


@pytest.fixture(scope="session")
def built_site(site_builds: Callable[[Path], Path]) -> Path:
    """The real site (mkdocs.yml at the repository root), built once per session."""
    return site_builds(ROOT / "mkdocs.yml")


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL (ending in '/') of the built site served on 127.0.0.1."""
    server = SiteServer(built_site)
    yield server.url
    server.close()


@pytest.fixture(scope="session")
def fixture_site(site_builds: Callable[[Path], Path]) -> Path:
    """The second fixture site (`FIXTURE_CONFIG`), built once per session."""
    return site_builds(FIXTURE_CONFIG)


@pytest.fixture(scope="session")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    """Base URL (ending in '/') of the second fixture site served on 127.0.0.1."""
    server = SiteServer(fixture_site)
    yield server.url
    server.close()


# mkdocs.yml's site_url: Material navigates instantly only to URLs listed in sitemap.xml,
# which holds this address, so instant-navigation tests serve the site under its path.
DEPLOYED_URL: str = yaml.load(
    (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader
)["site_url"]


@pytest.fixture(scope="session")
def subpath_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served under the path of mkdocs.yml's site_url, as it is deployed."""
    site_path = urlsplit(DEPLOYED_URL).path.strip("/")
    root = tmp_path_factory.mktemp("host")
    (root / site_path).symlink_to(built_site, target_is_directory=True)
    server = SiteServer(root)
    yield f"{server.url}{site_path}/"
    server.close()


def route_sitemap_here(page: Page, subpath_url: str) -> None:
    """Rewrite sitemap.xml's deployed host to this server's, so Material's instant
    navigation treats the served pages as its own (it checks links against the sitemap)."""
    deployed_host = DEPLOYED_URL.split(urlsplit(DEPLOYED_URL).path)[0]
    local_host = subpath_url.split(urlsplit(DEPLOYED_URL).path)[0]

    def sitemap(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(deployed_host, local_host))

    page.route("**/sitemap.xml", sitemap)


def _serve_here(page: Page, name: str, body: bytes, content_type: str) -> str:
    """Answer a same-origin URL with `body`: the site's Content-Security-Policy (`<meta>` in
    every page) blocks the inline `<script>`/`<style>` that `add_*_tag(content=...)` adds,
    as it should, and allows files from the site's own origin."""
    url = urljoin(page.url, f"/__tests__/{name}")
    page.route(url, lambda route: route.fulfill(body=body, content_type=content_type))
    return url


def add_axe(page: Page) -> None:
    """Load axe-core into the page as a same-origin script file."""
    page.add_script_tag(url=_serve_here(page, "axe.min.js", AXE.read_bytes(), "text/javascript"))


def add_stylesheet(page: Page, css: str) -> None:
    """Add a test's CSS to the page as a same-origin stylesheet."""
    page.add_style_tag(url=_serve_here(page, "test.css", css.encode(), "text/css"))


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run `.ci/setup --browser` (installs Debian's chromium)"
        )
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile per test: no cache, no storage, no cookies shared. Service
    workers are blocked, as for a reader whose browser has none (the site must work so), and
    so that request counts and `page.route` see every download; the service worker is tested
    with its own contexts (`sw_context`, tests/browser/test_service_worker.py)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    yield context
    context.close()


@pytest.fixture
def sw_context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile that lets the site install its service worker."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow")
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """A page that records every request (`page.all_requests`) and those to another origin
    than its first document's (`page.external_requests`), including its workers' requests.
    It serves any site: a test opens the one it needs (`site_url`, `fixture_url`, ...)."""
    page = context.new_page()
    page.all_requests = []  # type: ignore[attr-defined]
    page.external_requests = []  # type: ignore[attr-defined]

    def record(request) -> None:
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        page.all_requests.append(url)  # type: ignore[attr-defined]
        site_origin = _origin(page.all_requests[0])  # type: ignore[attr-defined]
        if _origin(url) != site_origin:
            page.external_requests.append(url)  # type: ignore[attr-defined]

    context.on("request", record)
    return page


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
