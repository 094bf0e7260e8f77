"""A page's Markdown source prepared for line-exact checks.

Python-Markdown keeps no line numbers, so the checks look at the raw file instead. To avoid
false alarms they must not look inside front matter, fenced code, inline code or HTML
comments (an example of `<script>` in a code block is fine). `SourceDoc.masked` is the text
with those regions blanked out by spaces: every offset and line number stays the same as in
the file, so a match in `masked` is reported at the line an editor sees.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

_FRONT_MATTER_END = re.compile(r"^(---|\.\.\.)[ \t]*$", re.MULTILINE)
_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})", re.MULTILINE)
_CODE_SPAN = re.compile(
    r"(?<!`)(?P<ticks>`+)(?!`)(?P<body>(?:(?!\n[ \t]*\n).)+?)(?<!`)(?P=ticks)(?!`)", re.DOTALL
)
_COMMENT = re.compile(r"<!--.*?(-->|\Z)", re.DOTALL)


def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] with spaces, keeping newlines so line numbers do not move."""
    chunk = re.sub(r"[^\n]", " ", text[start:end])
    return text[:start] + chunk + text[end:]


def front_matter_end(text: str) -> int:
    """Offset just after a leading YAML front matter block, or 0 if the file has none."""
    if not re.match(r"---[ \t]*\n", text):
        return 0
    closing = _FRONT_MATTER_END.search(text, text.index("\n") + 1)
    if closing is None:
        return 0
    newline = text.find("\n", closing.end())
    return len(text) if newline == -1 else newline + 1


def _mask_fences(text: str) -> str:
    """Blank fenced code blocks (``` or ~~~, possibly indented inside a container)."""
    pos = 0
    while match := _FENCE_OPEN.search(text, pos):
        fence = match["fence"]
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.MULTILINE)
        line_end = text.find("\n", match.end())
        if line_end == -1:
            return _blank(text, match.start(), len(text))
        close = closing.search(text, line_end + 1)
        end = len(text) if close is None else close.end()
        text = _blank(text, match.start(), end)
        pos = end
    return text


def mask(text: str) -> str:
    """The text with front matter, code and comments blanked; same length and lines."""
    text = _blank(text, 0, front_matter_end(text))
    text = _mask_fences(text)
    for pattern in (_COMMENT, _CODE_SPAN):
        for match in reversed(list(pattern.finditer(text))):
            text = _blank(text, match.start(), match.end())
    return text


@dataclass
class SourceDoc:
    """One Markdown file: where it is, its raw text and the masked copy the checks search."""

    path: str
    """The path shown to editors, e.g. `content/runners-knee.md`."""
    text: str
    src_uri: str = ""
    """The path inside the docs folder, e.g. `runners-knee.md` (for resolving links)."""
    abs_path: Path | None = None
    masked: str = field(init=False)
    _line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.masked = mask(self.text)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect_right(self._line_starts, offset)

    def line_text(self, line: int) -> str:
        """The raw text of a 1-based line (for quoting it under the message)."""
        lines = self.text.split("\n")
        return lines[line - 1] if 0 < line <= len(lines) else ""
