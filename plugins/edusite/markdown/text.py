"""Shared parts of the article extensions: the page hook, the base of our `///` blocks that
share the render session, and the plain text of an element."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html import unescape
from typing import Any, ClassVar

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER_RE, INLINE_PLACEHOLDER_RE
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block

from edusite.structure.page import RenderSession

PAGE_HOOK = "edusite_page"
ESCAPED = re.compile("\x02(\\d+)\x03")
TAGS = re.compile(r"<[^>]*>")
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?)])")


class PageHook(Preprocessor):
    """Tells the session which text is converted. Registered under one name by every article
    extension, so it runs once per conversion however many extensions share the session."""

    def __init__(self, md: Markdown, session: RenderSession) -> None:
        super().__init__(md)
        self.session = session

    def run(self, lines: list[str]) -> list[str]:
        self.session.begin_text("\n".join(lines))
        return lines


def register_page_hook(md: Markdown, session: RenderSession) -> None:
    """Add the page hook before any other preprocessor can change the lines."""
    md.preprocessors.register(PageHook(md, session), PAGE_HOOK, 40)


class SessionBlock(Block):
    """A `///` block of ours that reads and reports through the render session.

    `OPENING` matches the block's first line in the file: Python-Markdown keeps no line
    numbers, so the n-th block of a kind on a page is at the n-th line that matches."""

    OPENING: ClassVar[str | re.Pattern[str]]
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {}

    def on_init(self) -> None:
        self.session: RenderSession = self.config["session"]
        self.line = 0

    def find_opening(self) -> int:
        """This block's opening line in the page (counted per page by the Blocks tracker)."""
        key = f"{self.NAME}_blocks"
        count = self.tracker[key] = self.tracker.get(key, 0) + 1
        self.line = self.session.page.find_nth_line(self.OPENING, count)
        return self.line

    def problem(self, code: str, message: str, hint: str, line: int = 0) -> None:
        """Report at `line`, by default this block's opening line."""
        self.session.report(line or self.line, code, message, hint)


class SessionBlocksExtension(BlocksExtension):
    """An extension of one `SessionBlock` kind sharing the plugin's `session`.

    `BLOCK` is the block class; `OPTIONS` more config entries, passed on to the block."""

    BLOCK: ClassVar[type[SessionBlock]]
    OPTIONS: ClassVar[dict[str, list[Any]]] = {}

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "session": ["", "RenderSession shared with the plugin and extensions"],
            **{name: list(value) for name, value in self.OPTIONS.items()},
        }
        super().__init__(**kwargs)
        self.session: RenderSession = self.getConfig("session") or RenderSession()

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        register_page_hook(md, self.session)
        options = {name: self.getConfig(name) for name in self.OPTIONS}
        block_mgr.register(self.BLOCK, {"session": self.session, **options})


def plain_text(md: Markdown, el: etree.Element, skip_class: tuple[str, ...] = ()) -> str:
    """The text a reader sees in `el` after inline processing, spaces collapsed; elements
    whose class is in `skip_class` (citation numbers) are left out."""
    parts: list[str] = []
    _collect(md, el, skip_class, parts, top=True)
    return normalise_text("".join(parts))


def normalise_text(text: str) -> str:
    """Spaces collapsed, none before punctuation (left where a citation number was taken out)."""
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(text.split()))


def _collect(
    md: Markdown, el: etree.Element, skip: tuple[str, ...], parts: list[str], top: bool = False
) -> None:
    if not top and set((el.get("class") or "").split()) & set(skip):
        if el.tail:
            parts.append(_resolve(md, el.tail))
        return
    if el.text:
        # Code spans keep their text HTML-escaped already (Python-Markdown's code_escape).
        text = unescape(el.text) if el.tag == "code" else el.text
        parts.append(_resolve(md, text))
    for child in el:
        _collect(md, child, skip, parts)
    if el.tag in ("p", "li", "div", "br", "tr", "h3", "h4") and not top:
        parts.append(" ")
    if not top and el.tail:
        parts.append(_resolve(md, el.tail))


def _resolve(md: Markdown, text: str) -> str:
    """Replace Python-Markdown's placeholders by the text they stand for."""

    def stashed(match: re.Match[str]) -> str:
        index = int(match.group(1))
        blocks = md.htmlStash.rawHtmlBlocks
        raw = blocks[index] if index < len(blocks) else ""
        return unescape(TAGS.sub("", raw if isinstance(raw, str) else ""))

    text = HTML_PLACEHOLDER_RE.sub(stashed, text)
    text = INLINE_PLACEHOLDER_RE.sub("", text)
    text = text.replace(AMP_SUBSTITUTE, "&")
    return ESCAPED.sub(lambda m: chr(int(m.group(1))), text)
