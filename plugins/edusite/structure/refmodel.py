"""The bibliography's model: authors, references and the keyed collection of them.

Kept apart from the file formats (`csljson.py`, `bibtex.py`) so both load into the same
objects and the formatter (`references.py`) never knows which file a reference came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


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
    """One validated bibliography entry, in CSL's terms whatever file it came from.

    `container` is the journal, book (of a chapter) or website; `container_short` the
    journal's abbreviation (NLM style prints it). `accessed` is (year, month, day) or a
    prefix of it: the date a web page was read, which may stand in for a publication year.
    """

    key: str
    type: str
    title: str
    authors: tuple[Author, ...]
    year: int | None
    container: str = ""
    container_short: str = ""
    volume: str = ""
    issue: str = ""
    page: str = ""
    doi: str = ""
    url: str = ""
    accessed: tuple[int, ...] = ()
    editors: tuple[Author, ...] = ()
    publisher: str = ""
    publisher_place: str = ""
    line: int = 1

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def in_text_name(self) -> str:
        """Who wrote it, as a sentence names them before the citation number (`@key`): one
        author's family name, two joined by "and", three or more "X et al."; an
        organisation by its name. Editors stand in for missing authors; the title for both."""
        names = [
            a.literal or a.family for a in self.authors or self.editors if a.literal or a.family
        ]
        if not names:
            return self.title
        if len(names) == 1:
            return names[0]
        if len(names) == 2:
            return f"{names[0]} and {names[1]}"
        return f"{names[0]} et al."


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
