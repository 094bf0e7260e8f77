"""A page must give the reader something to read (E110).

An empty Markdown file, or an article whose only content is its front matter and headings,
builds a blank page without a word of complaint from MkDocs. This reads the page's final HTML
(so quiz forms, FAQs and care boxes count as text) and ignores headings, which alone tell the
reader nothing.
"""

from __future__ import annotations

import re
from html import unescape

from edusite.errors import ContentProblem
from edusite.structure.sourcepage import SourcePage, front_matter_end

CODE = "E110"
_HEADING = re.compile(r"<h([1-6])\b[^>]*>.*?</h\1>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")


def reader_text(html: str) -> str:
    """The words a reader sees in `html`, headings left out."""
    return " ".join(unescape(_TAG.sub(" ", _HEADING.sub(" ", html))).split())


def check_not_empty(doc: SourcePage, html: str) -> list[ContentProblem]:
    """E110 at the first line after the front matter when the page has no text to read."""
    if reader_text(html):
        return []
    line = doc.line_of(front_matter_end(doc.text))
    return [
        ContentProblem(
            doc.path,
            line,
            CODE,
            "the page has no text for the reader",
            "write the article's text below the front matter (headings alone are not enough), "
            "or delete the file",
            doc.line_text(line),
        )
    ]
