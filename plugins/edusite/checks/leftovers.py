"""No markup reaches a reader as literal text (E310, E320, E321, E322).

Markdown shows what it does not understand as text, and the build goes on: a misspelt
`/// fqa` or `/// quizz | x`, a citation where Markdown is not read (inside raw HTML), a
footnote mark `[^1]` without the footnotes extension. This reads the page's final HTML, the
text a reader sees (not code, scripts, attributes, or a citation the citation extension has
already reported, `span.citation-unresolved`), finds such markup and reports it at the line of
the page's source where it was written. What is escaped in the source (`\\[@key]`, `\\[^1]`)
is shown as text on purpose and is not reported.
"""

from __future__ import annotations

import re
from difflib import get_close_matches

from edusite.checks.renderedhtml import RenderedHtml
from edusite.errors import ContentProblem
from edusite.markdown.articles import ArticlesBlock
from edusite.markdown.care import CareBlock
from edusite.markdown.faq import FaqBlock
from edusite.markdown.quizembed import NAME as QUIZ
from edusite.markdown.quizembed import QuizBlock, embed_line
from edusite.structure.citesyntax import ACCEPTED_FORMS, BRACKETED, CITATION_KEY
from edusite.structure.sourcepage import SourcePage, front_matter_end

CODE_BLOCK = "E310"
CODE_CITATION = "E320"
CODE_DIRECTIVE = "E321"
CODE_FOOTNOTE = "E322"

BLOCKS = (FaqBlock.NAME, CareBlock.NAME, ArticlesBlock.NAME, QuizBlock.NAME)
"""Our `///` blocks, for "did you mean"."""
FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
_LINE_START = r"^[ \t>]*(?:(?:[-*+]|\d+[.)])[ \t]+)?"
"""Where a line's text starts in Markdown: after indentation, `>` and a list marker."""


class _Locator:
    """Finds where a piece of leftover text was written; repeated text, at successive lines."""

    def __init__(self, doc: SourcePage) -> None:
        self.doc = doc
        self.body = front_matter_end(doc.text)
        self.after: dict[str, int] = {}

    def line(self, *patterns: str) -> int | None:
        """The line of the next match, not escaped by a backslash, of the first of `patterns`
        found in the page's Markdown (code, comments and front matter masked); None when it
        is there only escaped (shown as text on purpose); the first body line when none is."""
        for pattern in patterns:
            start = self.after.get(pattern, self.body)
            found = re.compile(r"(?<!\\)" + pattern, re.M).search(self.doc.masked, start)
            if found is not None:
                self.after[pattern] = found.end()
                return self.doc.line_of(found.start())
            if re.search(pattern, self.doc.masked, re.M):
                return None
        return self.doc.line_of(self.body)


def check_leftovers(doc: SourcePage, rendered: RenderedHtml) -> list[ContentProblem]:
    """Every citation-, directive- or footnote-like piece of markup shown as text, in the
    page's final HTML as parsed once for all checks (`parse_rendered`)."""
    where = _Locator(doc)
    problems: list[ContentProblem] = []

    def report(patterns: tuple[str, ...], code: str, message: str, hint: str) -> None:
        line = where.line(*patterns)
        if line is not None:
            problems.append(
                ContentProblem(doc.path, line, code, message, hint, doc.line_text(line))
            )

    opened: set[str] = set()  # markers whose misspelt opening line was reported
    for text in rendered.lines:
        if text.startswith((":::", "///")):
            marker = text[:3]
            words = text.lstrip(":/").split()
            if not words and marker in opened:
                continue  # the closing line of a block already reported: one mistake
            opened.add(marker)
            name = re.escape(words[0]) if words else r"[ \t]*$"
            pattern = r":::" if marker == ":::" else r"/{3,}"
            source = (rf"{_LINE_START}{pattern}[ \t]*{name}",)
            if marker == ":::":
                report(source, CODE_DIRECTIVE, *_directive(text))
            else:
                report(source, CODE_BLOCK, *_block(text))
        for match in BRACKETED.finditer(text):
            shown = " ".join(match.group(0).split())
            key = re.search(rf"-?@{CITATION_KEY}", match.group(0))
            as_written = r"\s+".join(map(re.escape, match.group(0).split()))
            report(
                (as_written, r"\[[^\[\]]*?" + re.escape(key.group(0) if key else "@")),
                CODE_CITATION,
                f"the citation `{shown}` is shown as text",
                "Markdown is not read inside raw HTML: move the citation out of the HTML "
                f"element, or let Markdown in with `<div markdown>`; {ACCEPTED_FORMS}; to "
                "show brackets as "
                "text, write `\\[`",
            )
        for match in FOOTNOTE.finditer(text):
            report((re.escape(match.group(0)),), CODE_FOOTNOTE, *_footnote(doc, match.group(0)))
    return problems


def _directive(text: str) -> tuple[str, str]:
    words = text[3:].split()
    name = words[0] if words else ""
    close = get_close_matches(name, [QUIZ], n=1, cutoff=0.6)
    hint = f"did you mean `{embed_line(' '.join(words[1:]))}`? " if close else ""
    return (
        f"the line `{text}` is shown as text: `{name or ':::'}` is not a directive",
        hint + f"a quiz is embedded with `{embed_line('<id>')}` and a `///` line; for a "
        "call-out write `!!! note`",
    )


def _block(text: str) -> tuple[str, str]:
    name = text.lstrip("/").split("|")[0].strip()
    close = get_close_matches(name, BLOCKS, n=1, cutoff=0.6)
    known = ", ".join(f"`/// {block}`" for block in BLOCKS[:-1]) + f" or `/// {BLOCKS[-1]}`"
    return (
        f"the block `{text}` was not recognised",
        (
            f"did you mean `{text.replace(name, close[0], 1)}`? "
            if close and close[0] != name
            else ""
        )
        + f"the site's blocks are {known}, besides those of the `markdown_extensions` in "
        "mkdocs.yml (a misspelt name or option makes the block plain text); close each with "
        "a `///` line",
    )


def _footnote(doc: SourcePage, mark: str) -> tuple[str, str]:
    defined = re.search(rf"^[ \t]*{re.escape(mark)}:", doc.masked, re.M)
    hint = (
        "footnotes are not enabled: add `footnotes` to `markdown_extensions` in mkdocs.yml, "
        "or write the note in the text"
        if defined
        else f"there is no footnote text `{mark}: ...` on the page (and footnotes need "
        "`footnotes` in mkdocs.yml's `markdown_extensions`): add it, or remove the mark"
    )
    return (
        f"the footnote mark `{mark}` is shown as text",
        hint + "; to show it as text, write `\\[^`",
    )
