"""The one error type for editors' mistakes, and a collector that reports them all at once.

Every problem an editor can cause is a `ContentProblem` with a stable code (listed on the
editors' page), the file and 1-based line it was found at, what is wrong and what to do.
Code that finds problems appends them to a `Problems` collector instead of raising at the
first one, so a single run reports everything; `Problems.raise_if_any()` then raises one
`ContentError`. No MkDocs import: the compiler and the structure packages use this too; the
plugin raises its MkDocs flavour (`edusite.plugin.ContentPluginError`, a `PluginError` that
MkDocs prints without a traceback).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentProblem:
    """One mistake in the content, located at `path:line`."""

    path: str
    line: int
    code: str
    message: str
    hint: str = ""
    source_line: str = field(default="", compare=False)

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message} [{self.code}]"
        if self.source_line.strip():
            text += f"\n    | {self.source_line.rstrip()}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


def quoted_line(text: str | list[str], number: int) -> str:
    """The text of 1-based line `number` of a file (`text`, or its lines), quoted under a
    problem; "" outside the file. The one definition every line finder uses."""
    lines = text.split("\n") if isinstance(text, str) else text
    return lines[number - 1] if 0 < number <= len(lines) else ""


class ContentError(Exception):
    """Raised once with every problem found."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        heading = f"{count} content problem{'s' if count != 1 else ''} found:"
        super().__init__("\n".join([heading, *map(str, self.problems)]))


class Problems:
    """Collects problems from every check; raise them together at the end."""

    def __init__(self) -> None:
        self._items: list[ContentProblem] = []

    def add(
        self,
        path: str | Path,
        line: int,
        code: str,
        message: str,
        hint: str = "",
        source_line: str = "",
    ) -> None:
        self._items.append(
            ContentProblem(str(path), max(line, 1), code, message, hint, source_line)
        )

    def append(self, problem: ContentProblem) -> None:
        self._items.append(problem)

    def extend(self, problems: Iterable[ContentProblem]) -> None:
        self._items.extend(problems)

    def __iter__(self):
        return iter(sorted(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def raise_if_any(self, error: type[ContentError] = ContentError) -> None:
        """Raise every problem at once as `error` (a `ContentError` type), if there is any."""
        if self._items:
            raise error(list(self._items))
