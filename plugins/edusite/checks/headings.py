"""Headings: none may be empty, and no two on a page may say the same thing.

An empty heading gives screen-reader users a blank entry in the page outline; two headings
with the same words (or the same `{#id}`) make the table of contents ambiguous and give
MkDocs two anchors it has to rename, which silently breaks links to the second one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edusite.errors import ContentProblem
from edusite.structure.sourcepage import SourcePage

_HEADING = re.compile(r"^(?P<indent>[ \t]*)(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?[ \t]*$")
_CONTAINER = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?|===)[ \t]")
_ATTR_LIST = re.compile(r"\s*\{:?(?P<attrs>[^{}]*)\}\s*$")
_ID = re.compile(r"#(?P<id>[\w-]+)")


@dataclass(frozen=True)
class Heading:
    """One ATX heading found in the source."""

    line: int
    level: int
    text: str
    anchor: str


def _indent_width(indent: str) -> int:
    return len(indent.expandtabs(4))


def find_headings(doc: SourcePage) -> list[Heading]:
    """ATX headings (`## Text {#id}`), including those inside admonitions and tabs.

    A heading indented by four spaces counts only inside a call-out (`!!!`, `???`, `===`),
    where Markdown strips that indentation; elsewhere it would be a code block.
    """
    headings: list[Heading] = []
    container_indents: list[int] = []
    for number, line in enumerate(doc.masked.split("\n"), start=1):
        if not line.strip():
            continue
        width = _indent_width(line[: len(line) - len(line.lstrip())])
        while container_indents and width < container_indents[-1]:
            container_indents.pop()
        if opener := _CONTAINER.match(line):
            container_indents.append(_indent_width(opener["indent"]) + 4)
            continue
        match = _HEADING.match(line)
        base = container_indents[-1] if container_indents else 0
        if not match or _indent_width(match["indent"]) - base > 3:
            continue
        text = re.sub(r"(^|\s)#+$", "", match["text"] or "").strip()
        anchor = ""
        if attrs := _ATTR_LIST.search(text):
            if id_match := _ID.search(attrs["attrs"]):
                anchor = id_match["id"]
            text = text[: attrs.start()].strip()
        headings.append(Heading(number, len(match["hashes"]), text, anchor))
    return headings


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[*_`]", "", text).casefold().split())


def check_headings(doc: SourcePage) -> list[ContentProblem]:
    """Empty headings (E601), repeated heading text (E602) and repeated `{#id}` (E603)."""
    problems: list[ContentProblem] = []
    seen_text: dict[str, int] = {}
    seen_id: dict[str, int] = {}
    for heading in find_headings(doc):
        source = doc.line_text(heading.line)
        if not heading.text:
            problems.append(
                ContentProblem(
                    doc.path,
                    heading.line,
                    "E601",
                    "empty heading",
                    "Write the heading's words after the #s, or delete the line.",
                    source,
                )
            )
            continue
        key = _normalise(heading.text)
        if key in seen_text:
            problems.append(
                ContentProblem(
                    doc.path,
                    heading.line,
                    "E602",
                    f'duplicate heading "{heading.text}" (same as line {seen_text[key]})',
                    "Give each heading on a page different words, so the table of contents "
                    "and links can tell them apart.",
                    source,
                )
            )
        else:
            seen_text[key] = heading.line
        if heading.anchor and heading.anchor in seen_id:
            problems.append(
                ContentProblem(
                    doc.path,
                    heading.line,
                    "E603",
                    f'duplicate heading id "#{heading.anchor}" '
                    f"(same as line {seen_id[heading.anchor]})",
                    "Each {#id} must be unique on the page; links use it as the address.",
                    source,
                )
            )
        elif heading.anchor:
            seen_id[heading.anchor] = heading.line
    return problems
