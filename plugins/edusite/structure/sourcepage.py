"""One Markdown page as its editor wrote it, worked out once per build.

Python-Markdown keeps no line numbers, so everything that reports `path:line` (the render
session's extensions, the quiz embed, the site checks) looks back at the file itself. A
`SourcePage` is made once per page (in the plugin's `on_files`, so also under
`edusite check`) and handed to all of them: the path as editors see it, the text with its
BOM and Windows newlines normalised, the front matter split and parsed once (with its line
offset), a line index, the masked copy the checks search, and `problem()`, which fills in
the path and the quoted line.

`masked` blanks front matter, fenced code, inline code and HTML comments by spaces, so an
example of `<script>` in a code block is not an alarm while every offset and line number
stays the same as in the file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from edusite.errors import ContentProblem, Problems, quoted_line
from edusite.structure.frontmatter import FRONT_MATTER, FrontMatter, parse_front_matter

_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})", re.MULTILINE)
_CODE_SPAN = re.compile(
    r"(?<!`)(?P<ticks>`+)(?!`)(?P<body>(?:(?!\n[ \t]*\n).)+?)(?<!`)(?P=ticks)(?!`)", re.DOTALL
)
_COMMENT = re.compile(r"<!--.*?(-->|\Z)", re.DOTALL)


def normalise(text: str) -> str:
    """The text as every line finder reads it: no BOM, `\\n` newlines."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def editor_path(project_dir: Path, path: Path) -> str:
    """A path as editors see it: relative to the folder of mkdocs.yml when inside it."""
    path = path if path.is_absolute() else project_dir / path
    try:
        return path.resolve().relative_to(project_dir).as_posix()
    except ValueError:
        return str(path)


def front_matter_end(text: str) -> int:
    """Offset just after the front matter block (the one rule, MkDocs's), or 0 without one."""
    match = FRONT_MATTER.match(text)
    return match.end() if match else 0


@dataclass(frozen=True)
class SourcePage:
    """One Markdown file: where it is, its text, its front matter and its lines."""

    path: str
    """The path shown to editors, e.g. `content/runners-knee.md`."""
    text: str
    """The file's text, normalised (`normalise`)."""
    src_uri: str = ""
    """The path inside the docs folder, e.g. `runners-knee.md` (for resolving links)."""
    abs_path: Path | None = None
    front_matter: FrontMatter = field(default_factory=FrontMatter)
    front_matter_problems: tuple[ContentProblem, ...] = ()
    """What is wrong with the front matter; reported when the page is rendered."""

    @classmethod
    def read(
        cls, path: str, text: str, src_uri: str = "", abs_path: Path | None = None
    ) -> SourcePage:
        """The page of file `text`, its front matter parsed and validated once."""
        text = normalise(text)
        found = Problems()
        matter = parse_front_matter(path, text, found)
        return cls(path, text, src_uri, abs_path, matter, tuple(found))

    @classmethod
    def snippet(cls, path: str, text: str, src_uri: str = "") -> SourcePage:
        """Text converted on its own (no front matter): a snippet, an excerpt, a test."""
        return cls(path, normalise(text), src_uri)

    @property
    def body_offset(self) -> int:
        """File lines before the Markdown body that MkDocs renders."""
        return self.front_matter.body_offset

    @property
    def body(self) -> str:
        """The Markdown MkDocs renders: the text after the front matter."""
        return "\n".join(self.lines[self.body_offset :])

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def masked(self) -> str:
        """The text with front matter, code and comments blanked; same length and lines."""
        return mask(self.text)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect_right(self._line_starts, offset)

    def line_text(self, number: int) -> str:
        """The text of a 1-based line (quoted under a message), "" outside the file."""
        return quoted_line(self.lines, number)

    def find_line(self, pattern: str | re.Pattern[str], start: int = 0) -> int:
        """1-based file line of the first body line at or after `start` matching `pattern`.

        Returns the first body line when nothing matches, so a message still points at the file.
        """
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        for number in range(max(start, self.body_offset + 1), len(self.lines) + 1):
            if regex.search(self.lines[number - 1]):
                return number
        return self.body_offset + 1

    def find_nth_line(self, pattern: str | re.Pattern[str], nth: int) -> int:
        """1-based file line of the `nth` body line matching `pattern` (e.g. the line of the
        third `/// care` block, which Python-Markdown numbers for us by counting blocks)."""
        line = self.body_offset
        for _ in range(nth):
            line = self.find_line(pattern, line + 1)
        return line

    def problem(self, line: int, code: str, message: str, hint: str = "") -> ContentProblem:
        """A problem at `line` of this page, the line quoted under it."""
        return ContentProblem(self.path, max(line, 1), code, message, hint, self.line_text(line))


def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] with spaces, keeping newlines so line numbers do not move."""
    chunk = re.sub(r"[^\n]", " ", text[start:end])
    return text[:start] + chunk + text[end:]


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
    """`text` with front matter, code and comments blanked; same length and lines."""
    text = _blank(text, 0, front_matter_end(text))
    text = _mask_fences(text)
    for pattern in (_COMMENT, _CODE_SPAN):
        for match in reversed(list(pattern.finditer(text))):
            text = _blank(text, match.start(), match.end())
    return text
