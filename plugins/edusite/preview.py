"""Live preview (`mkdocs serve`): show content problems in the page instead of a stale page.

`mkdocs build` stops on the first `ContentError` (or, in strict mode, on any warning) before
writing anything. During `mkdocs serve` that would leave the browser on the last good version,
so an editor would not see that the edit broke something. In serve mode the plugin instead
keeps building and puts a banner at the top of every page that lists each problem exactly as
the build would print it. Warnings logged under `mkdocs.*` are captured for the banner too,
and kept from the strict-mode counter that would otherwise abort the preview.
"""

from __future__ import annotations

import logging
from html import escape

from mkdocs.utils import CountHandler

from edusite.errors import ContentProblem

BANNER_ID = "edusite-problems"


class WarningCapture(logging.Filter):
    """Records the warnings strict mode counts; with `divert` it also hides them from it.

    In a build, the plugin uses the record to stop before anything is written (MkDocs itself
    would write the whole site, then abort); in serve mode, to list them in the banner.
    """

    def __init__(self, divert: bool = False) -> None:
        super().__init__()
        self.divert = divert
        self.messages: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            self.messages.append(record.getMessage())
        return not self.divert

    def attach(self) -> None:
        """Watch strict mode's counter for the current build.

        MkDocs adds its `CountHandler` to the `mkdocs` logger before `on_config` (only in
        strict mode) and removes it after the build, so this lasts for one build exactly.
        """
        for handler in logging.getLogger("mkdocs").handlers:
            if isinstance(handler, CountHandler):
                handler.addFilter(self)


def banner(problems: list[ContentProblem], warnings: list[str], page_path: str) -> str:
    """The HTML banner: this page's problems first, then the rest of the site's."""
    if not problems and not warnings:
        return ""
    ordered = sorted(problems, key=lambda p: (p.path != page_path, p))
    items = [f"<li><pre>{escape(str(problem))}</pre></li>" for problem in ordered]
    items += [f"<li><pre>WARNING: {escape(message)}</pre></li>" for message in warnings]
    count = len(items)
    return (
        f'<section id="{BANNER_ID}" class="admonition danger" role="alert" '
        f'aria-labelledby="{BANNER_ID}-title">'
        f'<p class="admonition-title" id="{BANNER_ID}-title">'
        f"{count} content problem{'s' if count != 1 else ''}: this preview is not publishable"
        "</p>"
        "<p>Fix these and save; the page reloads by itself. "
        "<code>mkdocs build</code> and the pull-request check fail until they are fixed.</p>"
        f"<ol>{''.join(items)}</ol></section>"
    )


def inject(output: str, banner_html: str) -> str:
    """Put the banner at the start of the page's content (or of the body as a fallback)."""
    if not banner_html:
        return output
    for marker in ('<article class="md-content__inner', "<body"):
        start = output.find(marker)
        if start != -1:
            end = output.find(">", start) + 1
            return output[:end] + banner_html + output[end:]
    return banner_html + output
