"""Content checks that are not part of rendering: headings, raw HTML, images, links.

Each check is a plain function of a page's source (`SourcePage`) returning `ContentProblem`s
with exact lines; nothing here imports MkDocs, so `edusite check`, the plugin and the tests
call the same code. Link checks (pages' links and quizzes' `"#id"` links back into the pages
embedding them) need every page's anchors first (`SiteIndex`), so they run once all pages
are rendered; `SiteChecks` (site.py) drives them for one build, and also measures each
article's reading grade and review age (readability.py, review.py), which need its front matter.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from edusite.checks.headings import check_headings
from edusite.checks.images import check_images
from edusite.checks.links import SiteIndex, check_links
from edusite.checks.quizlinks import check_quiz_links
from edusite.checks.rawhtml import check_raw_html
from edusite.checks.refs import Ref
from edusite.errors import ContentProblem
from edusite.structure.sourcepage import SourcePage

__all__ = [
    "SiteIndex",
    "SourcePage",
    "check_headings",
    "check_images",
    "check_links",
    "check_quiz_links",
    "check_raw_html",
    "check_source",
]


def check_source(
    doc: SourcePage, docs_dir: Path, refs: Sequence[Ref] | None = None
) -> list[ContentProblem]:
    """Every check that needs only this page's own source (and the files beside it)."""
    return [*check_headings(doc), *check_raw_html(doc), *check_images(doc, docs_dir, refs)]
