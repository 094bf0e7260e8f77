"""Drawings that could run code: every `.svg` file under the docs folder (E506).

An SVG opened on its own (a reader clicks "open image", or a page links to it) is a document
of this site: its `<script>`, `on…=` handlers, `javascript:` links and `<foreignObject>` HTML
run with the site's rights. Drawings come from pull requests like articles, so they get the
same parsed check (htmlscan.py), reported at `path:line` under one code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from edusite.checks import htmlscan
from edusite.checks.rawhtml import describe
from edusite.errors import ContentProblem, quoted_line
from edusite.structure.sourcepage import normalise

HINT = (
    "Drawings may only draw: remove the script, event handler, link or embedded HTML (save "
    "the file again as plain SVG from the drawing program, or run it through an optimiser)."
)


def check_svg(path: str, text: str) -> list[ContentProblem]:
    """Everything in one SVG file's text that could run code."""
    lines = text.split("\n")
    return [
        ContentProblem(
            path,
            finding.line,
            "E506",
            f"{describe(finding)} in an SVG drawing",
            HINT,
            quoted_line(lines, finding.line),
        )
        for finding in htmlscan.scan_html(text)
    ]


def check_svg_files(
    docs_dir: Path, src_uris: Iterable[str], shown_path: Callable[[Path], str]
) -> list[ContentProblem]:
    """Check every `.svg` among the site's files (`src_uris`, relative to `docs_dir`)."""
    problems: list[ContentProblem] = []
    for uri in sorted(src_uris):
        if not uri.lower().endswith(".svg"):
            continue
        file = docs_dir / uri
        text = normalise(file.read_text(encoding="utf-8", errors="replace"))
        problems.extend(check_svg(shown_path(file), text))
    return problems
