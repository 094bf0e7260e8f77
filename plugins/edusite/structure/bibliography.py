"""The bibliography: CSL-JSON (as Zotero exports it) loaded, validated and indexed by key.

Each problem carries the line of the entry in the JSON file, found by searching the text for
the entry's `"id"`, since `json` keeps no positions. Formatting lives in `references.py`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edusite.errors import Problems

KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
URL = re.compile(r"^https?://\S+$")
TYPES = ("article-journal", "webpage", "book", "chapter", "report", "article")


@dataclass(frozen=True)
class Author:
    """A person (`family`, `given`) or an organisation (`literal`)."""

    family: str = ""
    given: str = ""
    literal: str = ""

    @property
    def is_organization(self) -> bool:
        return bool(self.literal)


@dataclass(frozen=True)
class Reference:
    """One validated bibliography entry."""

    key: str
    type: str
    title: str
    authors: tuple[Author, ...]
    year: int | None
    container: str = ""
    volume: str = ""
    issue: str = ""
    page: str = ""
    doi: str = ""
    url: str = ""
    accessed: tuple[int, ...] = ()
    line: int = 1

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""


@dataclass
class Bibliography:
    """The references of a site by key, in file order, and where the file is."""

    path: str = ""
    references: dict[str, Reference] = field(default_factory=dict)

    def __contains__(self, key: object) -> bool:
        return key in self.references

    def __iter__(self) -> Iterator[str]:
        return iter(self.references)

    def __getitem__(self, key: str) -> Reference:
        return self.references[key]

    def keys(self) -> list[str]:
        return list(self.references)

    def line_of(self, key: str) -> int:
        ref = self.references.get(key)
        return ref.line if ref else 1


def load_bibliography(
    path: str | Path, problems: Problems, label: str | None = None
) -> Bibliography:
    """Read and validate a CSL-JSON file; `label` is the path shown in messages."""
    label = label or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        problems.add(
            label,
            1,
            "E200",
            f"cannot read the bibliography: {exc.strerror}",
            "check the `bibliography` option of the edusite plugin in mkdocs.yml",
        )
        return Bibliography(label)
    return parse_bibliography(text, label, problems)


def parse_bibliography(text: str, label: str, problems: Problems) -> Bibliography:
    """Validate CSL-JSON `text`; valid entries are kept, every problem is reported."""
    bib = Bibliography(label)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.add(
            label,
            exc.lineno,
            "E201",
            f"the bibliography is not valid JSON: {exc.msg}",
            "a missing comma or a trailing comma is the usual cause",
            _line(text, exc.lineno),
        )
        return bib
    if not isinstance(data, list):
        problems.add(
            label,
            1,
            "E201",
            "the bibliography must be a JSON list of entries",
            "export CSL-JSON from your reference manager",
        )
        return bib
    finder = _EntryFinder(text)
    for index, entry in enumerate(data):
        line = finder.line(entry, index)
        ref = _reference(entry, line, label, problems, _line(text, line))
        if ref is None:
            continue
        if ref.key in bib.references:
            problems.add(
                label,
                line,
                "E203",
                f"the key `{ref.key}` is used by two entries",
                f"the first is on line {bib.references[ref.key].line}; keys must be unique",
                _line(text, line),
            )
            continue
        bib.references[ref.key] = ref
    return bib


def _reference(entry: Any, line: int, label: str, problems: Problems, src: str) -> Reference | None:
    if not isinstance(entry, dict):
        problems.add(label, line, "E202", "each bibliography entry must be a JSON object", "", src)
        return None
    before = len(problems)
    key = entry.get("id")
    name = f"entry `{key}`" if isinstance(key, str) else "an entry"

    def bad(message: str, hint: str = "") -> None:
        problems.add(label, line, "E202", f"{name}: {message}", hint, src)

    if not isinstance(key, str) or not KEY.match(key):
        bad("`id` must be a key of letters, digits and - _ . :", 'for example "neal2019"')
    kind = entry.get("type")
    if kind not in TYPES:
        bad(f"`type` must be one of {', '.join(TYPES)}", 'journal articles are "article-journal"')
    title = entry.get("title")
    if not isinstance(title, str) or not title.strip():
        bad("`title` is missing")
    authors = _authors(entry.get("author"), bad)
    year = _year(entry.get("issued"))
    accessed = _date_parts(entry.get("accessed"))
    if year is None and not (kind == "webpage" and accessed):
        bad(
            '`issued` must give the year, as {"date-parts": [[2019]]}',
            "a web page without a date may give `accessed` instead",
        )
    doi = _text(entry.get("DOI"))
    if doi and not DOI.match(doi):
        bad(
            f"the DOI `{doi}` is not of the form 10.xxxx/...",
            "write the DOI itself, without https://doi.org/",
        )
    url = _text(entry.get("URL"))
    if url and not URL.match(url):
        bad(f"the URL `{url}` must start with https:// or http://")
    if len(problems) > before:
        return None
    return Reference(
        key=key,
        type=kind,
        title=title.strip(),
        authors=authors,
        year=year,
        container=_text(entry.get("container-title-short")) or _text(entry.get("container-title")),
        volume=_text(entry.get("volume")),
        issue=_text(entry.get("issue")),
        page=_text(entry.get("page")),
        doi=doi,
        url=url,
        accessed=accessed or (),
        line=line,
    )


def _authors(value: Any, bad: Any) -> tuple[Author, ...]:
    if not isinstance(value, list) or not value:
        bad(
            "`author` must list at least one author",
            'a person is {"family": "Neal", "given": "B S"}, an organisation {"literal": "AAOS"}',
        )
        return ()
    authors = []
    for person in value:
        if isinstance(person, dict) and _text(person.get("literal")):
            authors.append(Author(literal=_text(person["literal"])))
        elif isinstance(person, dict) and _text(person.get("family")):
            authors.append(Author(_text(person["family"]), _text(person.get("given"))))
        else:
            bad("each author needs `family` (and `given`) or, for an organisation, `literal`")
            return ()
    return tuple(authors)


def _date_parts(value: Any) -> tuple[int, ...] | None:
    try:
        parts = value["date-parts"][0]
        numbers = tuple(int(p) for p in parts)
    except (TypeError, KeyError, IndexError, ValueError):
        return None
    return numbers if numbers and 1500 <= numbers[0] <= 2999 else None


def _year(value: Any) -> int | None:
    parts = _date_parts(value)
    return parts[0] if parts else None


def _text(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value.strip() if isinstance(value, str) else ""


class _EntryFinder:
    """Finds the line of each entry: its `"id"` if it has one, else the n-th top-level `{`."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._pos = 0
        self._starts = [m.start() for m in re.finditer(r"^\s{0,4}\{", text, re.MULTILINE)]

    def line(self, entry: Any, index: int) -> int:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            pattern = r'"id"\s*:\s*' + re.escape(json.dumps(entry["id"]))
            match = re.compile(pattern).search(self._text, self._pos)
            if match:
                self._pos = match.end()
                return self._text.count("\n", 0, match.start()) + 1
        if index < len(self._starts):
            return self._text.count("\n", 0, self._starts[index]) + 1
        return 1


def _line(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""
