"""CSL-JSON (as Zotero exports it) read into a `Bibliography`, each problem at its line.

`json` keeps no positions, so the line of each entry is found by searching the text for the
entry's `"id"` (else its opening `{`).
"""

from __future__ import annotations

import bisect
import json
import re
from collections import deque
from typing import Any

from edusite.errors import Problems, quoted_line
from edusite.structure.entries import add_reference, validate_entry
from edusite.structure.refmodel import Bibliography

UNPARSABLE = "E201"
_ID = re.compile(r'"id"\s*:\s*(?P<value>"(?:[^"\\]|\\.)*")')


def parse_csl_json(text: str, label: str, problems: Problems) -> Bibliography:
    """Validate CSL-JSON `text`; valid entries are kept, every problem is reported."""
    bib = Bibliography(label)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.add(
            label,
            exc.lineno,
            UNPARSABLE,
            f"the bibliography is not valid JSON: {exc.msg}",
            "a missing comma or a trailing comma is the usual cause",
            quoted_line(text, exc.lineno),
        )
        return bib
    if not isinstance(data, list):
        problems.add(
            label,
            1,
            UNPARSABLE,
            "the bibliography must be a JSON list of entries",
            "export CSL-JSON from your reference manager",
        )
        return bib
    finder = _EntryFinder(text)
    lines = text.split("\n")
    for index, entry in enumerate(data):
        line = finder.line(entry, index)
        src = quoted_line(lines, line)
        ref = validate_entry(entry, line, label, problems, src)
        if ref is not None:
            add_reference(bib, ref, problems, src)
    return bib


class _EntryFinder:
    """Finds the line of each entry: its `"id"` if it has one, else the n-th top-level `{`.
    Linear in the file's size (a catalogue's bibliography has thousands of entries): every
    `"id": "..."` is found in one pass and read as JSON, so an id is matched however the
    file writes it (`"müller"` or `"m\\u00fcller"`)."""

    def __init__(self, text: str) -> None:
        self._starts = [m.start() for m in re.finditer(r"^\s{0,4}\{", text, re.MULTILINE)]
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        self._ids: dict[str, deque[int]] = {}
        for match in _ID.finditer(text):
            try:
                value = json.loads(match["value"])
            except json.JSONDecodeError:
                continue
            self._ids.setdefault(value, deque()).append(match.start())

    def _line_at(self, offset: int) -> int:
        return bisect.bisect_left(self._newlines, offset) + 1

    def line(self, entry: Any, index: int) -> int:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            offsets = self._ids.get(entry["id"])
            if offsets:  # the next `"id"` with this value, in file order
                return self._line_at(offsets.popleft())
        if index < len(self._starts):
            return self._line_at(self._starts[index])
        return 1
