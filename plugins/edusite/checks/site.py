"""The checks for one build: each page's source as it is read, then links once all are rendered.

Articles are also measured for reading grade (E701) and review age (W702); the grades are
kept in `readings` so `edusite check` can print them.

The plugin creates a fresh `SiteChecks` in `on_config`, so nothing is kept between
`mkdocs serve` rebuilds but the content-keyed results of `cache_file` (checkcache.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from edusite.checks import check_source
from edusite.checks.checkcache import CheckCache
from edusite.checks.empty import check_not_empty
from edusite.checks.leftovers import check_leftovers
from edusite.checks.links import SiteIndex, check_links
from edusite.checks.quizlinks import QuizModule, check_quiz_links, embedded_quizzes
from edusite.checks.readability import Reading, check_reading_grade
from edusite.checks.refs import Ref, find_refs
from edusite.checks.review import check_review_age
from edusite.checks.svg import check_svg_files
from edusite.errors import ContentProblem
from edusite.structure.sourcepage import SourcePage, editor_path


@dataclass
class _Page:
    doc: SourcePage
    url: str
    refs: list[Ref]
    """Its links and images, found once for the image check and the link check."""


class SiteChecks:
    """Runs the source checks per page and the link checks across pages."""

    def __init__(
        self,
        project_dir: Path,
        docs_dir: Path,
        *,
        reading_grade_max: float = 8.0,
        review_max_age_years: float = 3.0,
        today: dt.date | None = None,
        cache_file: Path | None = None,
    ) -> None:
        self.project_dir = project_dir
        self.docs_dir = docs_dir
        self.reading_grade_max = reading_grade_max
        self.review_max_age_years = review_max_age_years
        self.today = today
        self.index = SiteIndex()
        self.readings: dict[str, Reading] = {}
        """Each article's reading level, by the path shown to editors, in build order."""
        self._pages: dict[str, _Page] = {}
        self._cache = CheckCache(cache_file)
        self._embeds: dict[str, list[str]] = {}

    def page(self, page: SourcePage, url: str) -> list[ContentProblem]:
        """Run every check that needs only this page on its source."""
        refs = find_refs(page)
        self._pages[page.src_uri] = _Page(page, url, refs)
        self._embeds[page.src_uri] = embedded_quizzes(page)
        return check_source(page, self.docs_dir, refs)

    def article(self, page: SourcePage) -> list[ContentProblem]:
        """Reading grade (E701) and review age (W702) of an article; other pages: nothing."""
        matter = page.front_matter
        if not matter.is_article:
            return []
        reading = self.readings[page.path] = self._cache.reading(page.text)
        reviewed_line = matter.lines.get("reviewed", 0)
        return [
            *check_reading_grade(page.path, reading, self.reading_grade_max),
            *check_review_age(
                page.path,
                matter,
                self.review_max_age_years,
                self.today,
                page.line_text(reviewed_line),
            ),
        ]

    def rendered(self, src_uri: str, url: str, html: str) -> list[ContentProblem]:
        """Record the anchors of a page's final HTML (for links from any page); E110 when it
        has no text for the reader; markup shown to the reader as text (E310, E320-E322)."""
        rendered = self._cache.rendered(html)  # one parse, shared by links and leftovers
        self.index.add_anchors(src_uri, url, rendered.ids)
        page = self._pages.get(src_uri)
        if page is None:
            return []
        return [*check_not_empty(page.doc, html), *check_leftovers(page.doc, rendered)]

    def finish(
        self,
        all_files: Iterable[str],
        quizzes: Mapping[str, tuple[str, int]] | None = None,
        bibliography_keys: Collection[str] = (),
    ) -> list[ContentProblem]:
        """Check every SVG drawing (E506), every page's internal links against all pages'
        anchors and files, and the in-page links and citations of quizzes (`quizzes`: quiz
        id -> (module path, line), as compiled)."""
        self._cache.save()
        files = list(all_files)
        self.index.files.update(files)
        problems = check_svg_files(self.docs_dir, files, partial(editor_path, self.project_dir))
        for page in self._pages.values():
            problems.extend(check_links(page.doc, page.url, self.index, page.refs))
        modules = {
            quiz_id: QuizModule(shown, self.project_dir / shown)
            for quiz_id, (shown, _) in (quizzes or {}).items()
        }
        problems.extend(check_quiz_links(self._embeds, modules, self.index, bibliography_keys))
        return problems
