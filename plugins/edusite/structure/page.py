"""The page being rendered and what the extensions learn about it, shared without globals.

A `RenderSession` is created once per build (by the plugin's `on_config`, or by a test) and
handed to every extension instance. Before each page is rendered, `begin_page()` tells the
extensions which file they read; they record what they found in `session.result`, which the
plugin reads back after rendering. Python-Markdown keeps no line numbers, so extensions find
a directive's line in the page's one `SourcePage` (`find_line()`) and report through its
`problem()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quizkit.care import CareSettings

from edusite.errors import Problems
from edusite.structure.bibliography import Bibliography
from edusite.structure.catalog import Catalog
from edusite.structure.sourcepage import SourcePage


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
        self.page = SourcePage.snippet("<markdown>", "")
        self.result = PageResult()
        self.results: dict[str, PageResult] = {}
        self.announced = self.page
        """The page last announced with `begin_page` (conversions since then do not change it)."""
        self._explicit = False

    def begin_page(self, page: SourcePage) -> None:
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
        self.page = SourcePage.snippet(self.page.path, markdown, self.page.src_uri)
        self.result = PageResult()

    def announced_result(self) -> PageResult:
        """What the extensions found on the announced page (empty when none was announced)."""
        return self.results.get(self.announced.path, PageResult())

    def report(self, line: int, code: str, message: str, hint: str = "") -> None:
        """A problem at `line` of the page being rendered."""
        self.problems.append(self.page.problem(line, code, message, hint))

    def cited_everywhere(self) -> set[str]:
        """Every key cited by any page rendered so far."""
        return {key for result in self.results.values() for key in result.cited}
