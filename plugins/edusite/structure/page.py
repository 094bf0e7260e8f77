"""The page being rendered and what the extensions learn about it, shared without globals.

A `RenderSession` is created once per build (by the plugin's `on_config`, or by a test) and
handed to every extension instance. Before each page is rendered, `begin_page()` tells the
extensions which file they read; they record what they found in `session.result`, which the
plugin reads back after rendering. Python-Markdown keeps no line numbers, so extensions find
a directive's line with `PageContext.find_line()` in the raw file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizkit.care import CareSettings

from edusite.errors import Problems
from edusite.structure.bibliography import Bibliography
from edusite.structure.catalog import Catalog
from edusite.structure.frontmatter import FrontMatter


@dataclass(frozen=True)
class PageContext:
    """One Markdown file: its path as shown in messages, its raw text, lines before the body."""

    path: str = "<markdown>"
    source: str = ""
    body_offset: int = 0
    front_matter: FrontMatter = field(default_factory=FrontMatter)

    @property
    def lines(self) -> list[str]:
        return self.source.splitlines()

    def find_line(self, pattern: str | re.Pattern[str], start: int = 0) -> int:
        """1-based file line of the first body line at or after `start` matching `pattern`.

        Returns the first body line when nothing matches, so a message still points at the file.
        """
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        lines = self.lines
        for number in range(max(start, self.body_offset + 1), len(lines) + 1):
            if regex.search(lines[number - 1]):
                return number
        return self.body_offset + 1

    def find_nth_line(self, pattern: str | re.Pattern[str], nth: int) -> int:
        """1-based file line of the `nth` body line matching `pattern` (e.g. the line of the
        third `/// care` block, which Python-Markdown numbers for us by counting blocks)."""
        line = self.body_offset
        for _ in range(nth):
            line = self.find_line(pattern, line + 1)
        return line

    def line_text(self, number: int) -> str:
        lines = self.lines
        return lines[number - 1] if 0 < number <= len(lines) else ""


@dataclass(frozen=True)
class FaqEntry:
    """One question and its answer as plain text (what FAQPage JSON-LD carries)."""

    question: str
    answer: str


@dataclass
class PageResult:
    """What the extensions found on one page."""

    cited: list[str] = field(default_factory=list)
    faq: list[FaqEntry] = field(default_factory=list)


class RenderSession:
    """State shared by the extensions during one build: bibliography, problems, the site's
    care settings (emergency number, services), the site's articles (`catalog`, which the
    plugin sets before any page is rendered), current page."""

    def __init__(
        self,
        bibliography: Bibliography | None = None,
        problems: Problems | None = None,
        care: CareSettings | None = None,
    ) -> None:
        self.bibliography = bibliography or Bibliography()
        self.problems = problems if problems is not None else Problems()
        self.care = care or CareSettings()
        self.catalog = Catalog()
        self.page = PageContext()
        self.result = PageResult()
        self.results: dict[str, PageResult] = {}
        self.announced = PageContext()
        """The page last announced with `begin_page` (conversions since then do not change it)."""
        self._explicit = False

    def begin_page(self, page: PageContext) -> None:
        """Start rendering `page`; its findings are kept under `results[page.path]`."""
        self.page = self.announced = page
        self.result = PageResult()
        self.results[page.path] = self.result
        self._explicit = True

    def begin_text(self, markdown: str) -> None:
        """Called once per conversion with the text being converted. A conversion nobody
        announced with `begin_page()` (standalone use, or a snippet, excerpt or docstring that
        another plugin converts with the same extensions) renders as a page of its own whose
        findings are never stored: it cannot touch an announced page's results."""
        if self._explicit:
            self._explicit = False
            return
        self.page = PageContext(self.page.path, markdown, 0)
        self.result = PageResult()

    def announced_result(self) -> PageResult:
        """What the extensions found on the announced page (empty when none was announced)."""
        return self.results.get(self.announced.path, PageResult())

    def cited_everywhere(self) -> set[str]:
        """Every key cited by any page rendered so far."""
        return {key for result in self.results.values() for key in result.cited}
