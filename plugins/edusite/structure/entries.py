"""One bibliography entry, in CSL-JSON's shape, validated into a `Reference`.

Both file formats end here: CSL-JSON entries as they are, BibTeX entries after `bibtex.py`
has translated their fields. So the rules (a key, a known type, a title, authors, a year or a
web page's access date, the DOI's and URL's form) are written once; only the field names in
the messages follow the editor's file (`Vocabulary`), since an editor fixing a `.bib` file
looks for `year`, not `issued`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from edusite.errors import Problems
from edusite.structure.citesyntax import KEY
from edusite.structure.refmodel import Author, Bibliography, Reference

DOI = re.compile(r"^10\.\d{4,9}/\S+$")
URL = re.compile(r"^https?://\S+$")
TYPES = ("article-journal", "webpage", "book", "chapter", "report", "article")

BAD_ENTRY = "E202"
DUPLICATE_KEY = "E203"


@dataclass(frozen=True)
class Vocabulary:
    """The words of one file format for the fields a message names."""

    key: str
    type: str
    year: str
    accessed: str
    author: str
    doi: str
    url: str
    key_example: str
    type_hint: str
    year_hint: str
    author_hint: str


CSL_JSON = Vocabulary(
    key="`id`",
    type=f"`type` must be one of {', '.join(TYPES)}",
    year='`issued` must give the year, as {"date-parts": [[2019]]}',
    accessed="`accessed`",
    author="`author`",
    doi="DOI",
    url="URL",
    key_example='for example "neal2019"',
    type_hint='journal articles are "article-journal"',
    year_hint="a web page without a date may give `accessed` instead",
    author_hint=(
        'a person is {"family": "Neal", "given": "B S"}, an organisation {"literal": "AAOS"}'
    ),
)


def validate_entry(
    entry: Any,
    line: int,
    label: str,
    problems: Problems,
    src: str,
    words: Vocabulary = CSL_JSON,
) -> Reference | None:
    """The entry as a `Reference`, or None after reporting each of its problems as E202."""
    if not isinstance(entry, dict):
        problems.add(label, line, BAD_ENTRY, "each bibliography entry must be an object", "", src)
        return None
    before = len(problems)
    key = entry.get("id")
    name = f"entry `{key}`" if isinstance(key, str) else "an entry"

    def bad(message: str, hint: str = "") -> None:
        problems.add(label, line, BAD_ENTRY, f"{name}: {message}", hint, src)

    if not isinstance(key, str) or not KEY.match(key):
        bad(
            f"{words.key} must be a citation key: a letter, digit or _ first, then letters, "
            "digits, _ and single inner punctuation : . # $ % & - + ? < > ~ /",
            words.key_example,
        )
    kind = entry.get("type")
    if kind not in TYPES:
        bad(words.type, words.type_hint)
    title = entry.get("title")
    if not isinstance(title, str) or not title.strip():
        bad("`title` is missing")
    authors = _people(entry.get("author"), words, bad)
    year = _year(entry.get("issued"))
    accessed = _date_parts(entry.get("accessed"))
    if entry.get("accessed") and accessed is None:
        bad(f"{words.accessed} must be a date, as 2026-12-01")
    elif year is None and not (kind == "webpage" and accessed):
        bad(words.year, words.year_hint)
    doi = _text(entry.get("DOI"))
    if doi and not DOI.match(doi):
        bad(
            f"the {words.doi} `{doi}` is not of the form 10.xxxx/...",
            "write the DOI itself, without https://doi.org/",
        )
    url = _text(entry.get("URL"))
    if url and not URL.match(url):
        bad(f"the {words.url} `{url}` must start with https:// or http://")
    editors = _people(entry.get("editor"), words, bad, required=False)
    if len(problems) > before:
        return None
    short = _text(entry.get("container-title-short"))
    return Reference(
        key=key,
        type=kind,
        title=title.strip(),
        authors=authors,
        year=year,
        container=_text(entry.get("container-title")) or short,
        container_short=short,
        volume=_text(entry.get("volume")),
        issue=_text(entry.get("issue")),
        page=_text(entry.get("page")),
        doi=doi,
        url=url,
        accessed=accessed or (),
        editors=editors,
        publisher=_text(entry.get("publisher")),
        publisher_place=_text(entry.get("publisher-place")),
        line=line,
    )


def add_reference(bib: Bibliography, ref: Reference, problems: Problems, src: str) -> None:
    """Keep `ref` unless its key is taken: then report E203 at `ref`'s line."""
    first = bib.references.get(ref.key)
    if first is not None:
        problems.add(
            bib.path,
            ref.line,
            DUPLICATE_KEY,
            f"the key `{ref.key}` is used by two entries",
            f"the first is on line {first.line}; keys must be unique",
            src,
        )
        return
    bib.references[ref.key] = ref


def _people(
    value: Any, words: Vocabulary, bad: Callable[..., None], required: bool = True
) -> tuple[Author, ...]:
    if value is None and not required:
        return ()
    if not isinstance(value, list) or not value:
        bad(f"{words.author} must list at least one author", words.author_hint)
        return ()
    people = []
    for person in value:
        if isinstance(person, dict) and _text(person.get("literal")):
            people.append(Author(literal=_text(person["literal"])))
        elif isinstance(person, dict) and _text(person.get("family")):
            people.append(Author(_text(person["family"]), _text(person.get("given"))))
        else:
            bad("each author needs `family` (and `given`) or, for an organisation, `literal`")
            return ()
    return tuple(people)


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
