"""One parse of a page's final HTML, shared by the checks that read it.

The link checks need every `id` (and `<a name>`) on the page (links.py) and the leftovers
check needs the text a reader sees (leftovers.py). `html.parser` is most of their cost, so
the page is parsed once, here, and both read the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from edusite.markdown.citations import UNRESOLVED

_SKIP = {"code", "pre", "script", "style", "template", "textarea", "kbd", "samp"}
"""Elements whose text the leftovers check does not read (code, scripts, form values)."""
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
_BLOCK = {"p", "li", "dt", "dd", "td", "th", "div", "section", "blockquote", "summary", "br"}
_BLOCK |= {f"h{n}" for n in range(1, 7)}


@dataclass(frozen=True)
class RenderedHtml:
    """What the checks read in a page's final HTML."""

    ids: set[str]
    """Every `id` (and `<a name>`): what links may point to."""
    lines: list[str]
    """The lines of text a reader sees, stripped, empty ones left out (not code, scripts,
    attributes, or a citation already reported as unresolved)."""


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, is its text hidden?)
        self.hidden = 0  # how many open elements hide their text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag in _VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        hidden = tag in _SKIP or UNRESOLVED in classes
        self.stack.append((tag, hidden))
        self.hidden += hidden

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")
        # Close up to the matching element: raw HTML may leave an element unclosed.
        stack = self.stack
        for index in range(len(stack) - 1, -1, -1):
            if stack[index][0] == tag:
                self.hidden -= sum(hidden for _, hidden in stack[index:])
                del stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def parse_rendered(html: str) -> RenderedHtml:
    """The ids and the reader's lines of text of a page's final HTML, in one parse."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).split("\n")
    return RenderedHtml(parser.ids, [line.strip() for line in text if line.strip()])
