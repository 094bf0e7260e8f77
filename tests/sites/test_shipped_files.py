"""Ship only what is used (issue 9): every file in the built site is something a reader's
browser (or a crawler, or the host) can request.

Starting from the roots (every page, 404.html, `_headers`, the sitemaps, the search index,
robots.txt), the test follows what each fetched file refers to: HTML attributes (`src`,
`href`, `srcset`, and every URL in the quiz runtime's own JSON, `data-edusite-runtime`, and
in Material's `__config`), CSS `url()`/`@import`, and quoted paths in JavaScript resolved
against the script's folder (the runtime's module imports, Pyodide's own files). Material's
search worker builds its language files' names at run time, so they follow Material's rule
(`edusite.unused.lunr_files`) for the languages in the search index. A `sourceMappingURL`
comment is not a request: only developer tools follow it.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from edusite.unused import lunr_files

pytestmark = pytest.mark.slow

ROOTS = ("404.html", "_headers", "sitemap.xml", "sitemap.xml.gz", "robots.txt")
SEARCH_INDEX = "search/search_index.json"
URL_ATTRIBUTES = {"src", "href", "srcset", "poster", "data", "action"}
JSON_ATTRIBUTES = {"data-edusite-runtime"}
SOURCE_MAP = re.compile(r"[#@]\s*sourceMappingURL=\S+")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
JS_PATH = re.compile(r"""["'`]([\w./@%+-]+\.(?:m?js|wasm|json|zip|whl|css|br|gz|tar))["'`]""")


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._json_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if not value:
                continue
            if name in URL_ATTRIBUTES:
                self.found += [part.split()[0] for part in value.split(",") if part.strip()]
            elif name in JSON_ATTRIBUTES:
                self.found += list(_json_strings(json.loads(value)))
        self._json_script = tag == "script" and ("type", "application/json") in attrs

    def handle_data(self, data: str) -> None:
        if self._json_script:  # Material's __config: the search worker's URL
            self.found += list(_json_strings(json.loads(data)))
            self._json_script = False


def _json_strings(value: Any) -> Iterator[str]:
    """Every string in a JSON value, dictionary keys included (the runtime keys files by URL)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def references(site: Path, path: str) -> list[str]:
    """Site-relative paths of files that `path` (site-relative) refers to."""
    data = (site / path).read_bytes()
    base = posixpath.dirname(path)
    if path.endswith(".html"):
        parser = _References()
        parser.feed(data.decode("utf-8"))
        found = [_resolve(base, url, site) for url in parser.found]
        # Runtime JSON URLs are site-relative, attributes page-relative: try both.
        found += [_resolve("", url, site) for url in parser.found]
    elif path.endswith(".css"):
        text = SOURCE_MAP.sub("", data.decode("utf-8"))
        found = [_resolve(base, a or b, site) for a, b in CSS_URL.findall(text)]
    elif path.endswith((".js", ".mjs")):
        text = SOURCE_MAP.sub("", data.decode("utf-8"))
        found = [_resolve(base, url, site) for url in JS_PATH.findall(text)]
    else:
        found = []
    return [f for f in found if f]


def _resolve(base: str, url: str, site: Path) -> str | None:
    """The site file `url` (relative to folder `base`) names, or None if none."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    joined = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    for candidate in (joined, posixpath.join(joined, "index.html")):
        if not candidate.startswith("..") and (site / candidate).is_file():
            return candidate
    return None


def reachable(site: Path) -> set[str]:
    pages = [p.relative_to(site).as_posix() for p in site.rglob("index.html")]
    todo = [*pages, *(r for r in ROOTS if (site / r).is_file())]
    index = site / SEARCH_INDEX
    if index.is_file():
        todo.append(SEARCH_INDEX)
        languages = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]
        todo += [f for f in lunr_files(languages) if (site / f).is_file()]
    seen: set[str] = set()
    while todo:
        path = todo.pop()
        if path not in seen:
            seen.add(path)
            todo += references(site, path)
    return seen


def test_every_file_in_the_site_is_requested_by_something(built_site: Path) -> None:
    shipped = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()}
    unused = sorted(shipped - reachable(built_site))
    assert unused == [], f"files no page, crawler or host requests: {unused}"


def test_the_quiz_runtime_and_search_are_among_the_requested_files(built_site: Path) -> None:
    """The crawl itself must find the files loaded by script, or the test above proves
    nothing: the quiz bundles (the shared one and each quiz's), Pyodide's wasm and the
    search worker."""
    found = reachable(built_site)
    bundles = {f for f in found if f.startswith("_edusite/quiz/")}
    assert any(f.startswith("_edusite/quiz/edusite_shared-") for f in bundles)
    assert any(f.startswith("_edusite/quiz/quizzes.runners_knee.self_check-") for f in bundles)
    assert not any(f.endswith(".whl") for f in found)  # the wheel is not shipped
    assert any(f.endswith("pyodide.asm.wasm.gz") for f in found)  # shipped gzipped only
    assert any(f.startswith("assets/javascripts/workers/search.") for f in found)
    assert SEARCH_INDEX in found
    assert not any(f.endswith(".map") for f in found)
