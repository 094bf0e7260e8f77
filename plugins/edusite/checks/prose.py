"""A page's Markdown turned into the sentences a reader reads, each with its line number.

Readability formulas count words per sentence and syllables per word, so everything that is
not running prose goes first: front matter, code, HTML comments and tags, images, citation
markers, quiz embeds (`/// quiz`), block fences (`/// faq`), headings (FAQ questions too),
call-out titles (`!!! danger "Title"`; the call-out's text stays), tables, link definitions
and the Sources list. Paragraphs and list items are then split at . ! or ?.

The rule for what counts as a sentence: it ends with . ! or ? (closing quotes or brackets may
follow) and has at least `MIN_WORDS` words. A bullet fragment such as "- ice and rest" is
left out, because counting it as a sentence makes the text look easier than it is; so are
one- and two-word labels such as "Yes." or "Step 1.".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from edusite.structure.citesyntax import strip_citations
from edusite.structure.sourcepage import mask

MIN_WORDS = 3
"""Fewer words than this, even with a full stop, is a label rather than a sentence."""

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?")
_LINK = re.compile(r"\[(?P<text>[^\]@][^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_ATTR_LIST = re.compile(r"\{[:#. ][^}]*\}")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_SKIP_LINE = re.compile(
    r"^\s*(?:#{1,6}(?:\s|$)|:::|///|!!!|\?\?\?|===|\[[^\]]+\]:\s|\|)"  # headings, blocks, tables
)
_TABLE_ROW = re.compile(r"(?<!\\)\|.*(?<!\\)\|")
_SOURCES_HEADING = re.compile(r"^#{1,6}\s+(?:Sources|References)\b")
_MARKER = re.compile(r"^\s*(?:>\s*)*(?:(?P<bullet>[-*+]|\d+[.)])\s+)?")
_SENTENCE = re.compile(r".+?(?:[.!?][\"'\u2019\u201d)\]]*(?=\s|$)|$)", re.S)
_END = re.compile(r"[.!?][\"'\u2019\u201d)\]]*$")
WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019.,-][A-Za-z0-9]+)*%?")
"""A word as the reading grade counts it: letters and digits, with inner ' . , - joined
("runner's", "10,000", "2.5", "well-known"), and a trailing % ("10%")."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of running text, markup removed, and the file line it starts on."""

    line: int
    text: str

    @property
    def words(self) -> list[str]:
        return WORD.findall(self.text)


def _clean_inline(line: str) -> str:
    """The words a reader sees on one line: markup, citations and tags taken out."""
    line = _IMAGE.sub(" ", line)
    line = strip_citations(line)
    line = _LINK.sub(lambda m: m["text"], line)
    line = _ATTR_LIST.sub(" ", line)
    line = _TAG.sub(" ", line)
    line = _EMPHASIS.sub(lambda m: m[2], line)
    return " ".join(line.split())


@dataclass(frozen=True)
class ProseUnit:
    """A paragraph or list item: its cleaned text and the file line each part starts on."""

    text: str
    line_starts: tuple[tuple[int, int], ...]
    """(offset in `text`, file line) for each source line the unit spans."""

    def line_at(self, offset: int) -> int:
        offsets = [start for start, _ in self.line_starts]
        return self.line_starts[bisect_right(offsets, offset) - 1][1]


def _join(pieces: list[tuple[int, str]]) -> ProseUnit | None:
    text, starts = "", []
    for line, piece in pieces:
        if piece:
            # A citation moved to the next line leaves its full stop there: glue it back.
            gap = " " if text and not piece.startswith((".", ",", ";", ":", "!", "?")) else ""
            starts.append((len(text) + len(gap), line))
            text = f"{text}{gap}{piece}"
    return ProseUnit(text, tuple(starts)) if re.search(r"[A-Za-z]", text) else None


def prose_units(text: str) -> list[ProseUnit]:
    """Paragraphs and list items of running text (a file's whole text), in page order."""
    units: list[ProseUnit] = []
    current: list[tuple[int, str]] = []

    def flush() -> None:
        if unit := _join(current):
            units.append(unit)
        current.clear()

    for number, line in enumerate(mask(text).split("\n"), start=1):
        if _SOURCES_HEADING.match(line):
            break
        if not line.strip() or _SKIP_LINE.match(line) or _TABLE_ROW.search(line):
            flush()
            continue
        marker = _MARKER.match(line)
        if marker and marker["bullet"]:
            flush()
        current.append((number, _clean_inline(line[marker.end() if marker else 0 :])))
    flush()
    return units


def all_sentences(text: str) -> list[Sentence]:
    """Every piece of running text split at end punctuation, fragments included."""
    return [
        Sentence(unit.line_at(match.start()), match[0].strip())
        for unit in prose_units(text)
        for match in _SENTENCE.finditer(unit.text)
        if match[0].strip()
    ]


def prose_sentences(text: str) -> list[Sentence]:
    """The sentences the reading grade counts: full sentences only (see the module's rule)."""
    return [
        sentence
        for sentence in all_sentences(text)
        if _END.search(sentence.text) and len(sentence.words) >= MIN_WORDS
    ]
