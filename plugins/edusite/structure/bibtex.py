"""BibTeX (as Zotero, Mendeley, JabRef and Google Scholar export it) read into a `Bibliography`.

`bibtexparser` 2 splits the file into blocks with their start lines, separates co-authors and
splits each name into first/von/last/jr (its `SeparateCoAuthors` and `SplitNameParts`
middleware). A block it cannot parse, a key used twice and a field given twice come back as
"failed blocks" with their lines, and are reported there (E201, E203, E202).

LaTeX is decoded here with `pylatexenc` (the library bibtexparser's `LatexDecodingMiddleware`
wraps) rather than by that middleware, for two reasons found in bibtexparser 2.1: the
middleware leaves split names undecoded (it decodes a `NameParts`, but split authors are a
list of them), and it decodes every field, so a URL's `%20` reads as a LaTeX comment and the
rest of the address is lost. So prose fields and name parts are decoded; `url`, `doi` and
`urldate` are kept as written. A name that is one braced group, `{{National Health
Service}}`, is an organisation (CSL `literal`).

Each entry becomes a CSL-JSON dict and goes through the same checks as a CSL-JSON entry
(`entries.validate_entry`), with messages in BibTeX's field names.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import bibtexparser
from bibtexparser import middlewares, model
from pylatexenc.latex2text import LatexNodes2Text

from edusite.errors import Problems, quoted_line
from edusite.structure.entries import (
    BAD_ENTRY,
    DUPLICATE_KEY,
    Vocabulary,
    add_reference,
    validate_entry,
)
from edusite.structure.refmodel import Bibliography

UNPARSABLE = "E201"

CSL_TYPES = {
    "article": "article-journal",
    "book": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "techreport": "report",
    "report": "report",
    "misc": "webpage",
    "online": "webpage",
    "webpage": "webpage",
    "electronic": "webpage",
}
"""BibTeX (and biblatex) entry types read, and the CSL type each becomes."""

BIBTEX = Vocabulary(
    key="the key after `@type{`",
    type="this entry type is not read",
    year="`year` is missing",
    accessed="`urldate`",
    author="`author`",
    doi="`doi`",
    url="`url`",
    key_example="for example @article{neal2019, ...",
    type_hint="use @article, @book, @incollection, @inbook, @techreport, @report, @misc or @online",
    year_hint="a web page (@misc, @online) without a date may give `urldate` instead",
    author_hint="separate authors with `and`; write an organisation in double braces, "
    "author = {{National Health Service}}",
)

DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
URL_MACRO = re.compile(r"^\\url\{(.*)\}$")
URL = re.compile(r"^https?://\S+$")
PAGE_DASH = re.compile(r"\s*(?:-+|\u2013|\u2014)\s*")
"""`10--20`, `10 -- 20` or an en dash: CSL wants one hyphen between page numbers."""
DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_LATEX = LatexNodes2Text()


def parse_bibtex(text: str, label: str, problems: Problems) -> Bibliography:
    """Validate BibTeX `text`; valid entries are kept, every problem is reported."""
    bib = Bibliography(label)
    stack = [*middlewares.default_parse_stack(), middlewares.SeparateCoAuthors()]
    stack.append(middlewares.SplitNameParts())
    with _quiet_parser():
        library = bibtexparser.parse_string(text, parse_stack=stack)
    lines = text.split("\n")  # once: quoting a line must not split the file per entry
    for block in library.blocks:
        line = (block.start_line or 0) + 1
        src = quoted_line(lines, line)
        if isinstance(block, model.DuplicateBlockKeyBlock):
            first = library.entries_dict[block.key].start_line + 1
            problems.add(
                label,
                line,
                DUPLICATE_KEY,
                f"the key `{block.key}` is used by two entries",
                f"the first is on line {first}; keys must be unique",
                src,
            )
        elif isinstance(block, model.Entry):
            ref = validate_entry(_csl(block), line, label, problems, src, _words(block))
            if ref is not None:
                add_reference(bib, ref, problems, src)
        elif isinstance(block, model.ParsingFailedBlock):
            _report_failed(block, line, label, problems, src)
    return bib


def _report_failed(
    block: model.ParsingFailedBlock, line: int, label: str, problems: Problems, src: str
) -> None:
    if isinstance(block, model.DuplicateFieldKeyBlock):
        fields = ", ".join(f"`{k}`" for k in sorted(block.duplicate_keys))
        problems.add(label, line, BAD_ENTRY, f"the entry gives {fields} twice", "keep one", src)
    elif isinstance(block, model.MiddlewareErrorBlock):
        problems.add(label, line, BAD_ENTRY, f"the entry cannot be read: {block.error}", "", src)
    else:
        reason = getattr(block.error, "abort_reason", "") or str(block.error)
        problems.add(
            label,
            line,
            UNPARSABLE,
            f"this BibTeX entry cannot be parsed: {reason.strip()}",
            "a missing `}` or `,` at the end of a field is the usual cause",
            src,
        )


def _words(entry: model.Entry) -> Vocabulary:
    return replace(BIBTEX, type_hint=f"found @{entry.entry_type}; {BIBTEX.type_hint}")


def _csl(entry: model.Entry) -> dict[str, Any]:
    """The entry's fields in CSL-JSON's names and shapes."""
    fields = {f.key.lower(): f.value for f in entry.fields}
    kind = CSL_TYPES.get(entry.entry_type.lower())
    csl: dict[str, Any] = {"id": entry.key, "type": kind, "title": _prose(fields.get("title"))}
    for name in ("author", "editor"):
        if name in fields:
            csl[name] = _people(fields[name])
    container = fields.get("journal") or fields.get("journaltitle") or fields.get("booktitle")
    if kind == "webpage":
        container = container or fields.get("organization")
    csl["container-title"] = _prose(container)
    csl["container-title-short"] = _prose(fields.get("shortjournal"))
    csl["volume"] = _prose(fields.get("volume"))
    if kind == "article-journal":
        csl["issue"] = _prose(fields.get("number") or fields.get("issue"))
    csl["page"] = PAGE_DASH.sub("-", _raw(fields.get("pages")))
    publisher = fields.get("publisher") or fields.get("institution")
    csl["publisher"] = _prose(
        publisher or (None if kind == "webpage" else fields.get("organization"))
    )
    csl["publisher-place"] = _prose(fields.get("address") or fields.get("location"))
    year = DATE.match(_raw(fields.get("year")) or _raw(fields.get("date")))
    if year:
        csl["issued"] = {"date-parts": [[int(year.group(1))]]}
    if fields.get("urldate"):
        csl["accessed"] = _date(_raw(fields["urldate"]))
    csl["DOI"] = DOI_PREFIX.sub("", _raw(fields.get("doi")))
    csl["URL"] = _raw(fields.get("url")) or _url_in(_raw(fields.get("howpublished")))
    return csl


def _people(value: Any) -> list[dict[str, str]] | None:
    """Split names as CSL names; a name that is one braced group is an organisation."""
    if not isinstance(value, list):
        return None
    people = []
    for name in value:
        if not isinstance(name, middlewares.NameParts):
            return None
        last = " ".join(name.von + name.last)
        if not name.first and not name.von and not name.jr and last.startswith("{"):
            people.append({"literal": _prose(last)})
            continue
        family = _prose(last) + (f", {_prose(' '.join(name.jr))}" if name.jr else "")
        people.append({"family": family, "given": _prose(" ".join(name.first))})
    return people


def _date(value: str) -> dict[str, list[list[int]]] | str:
    """`2026-12-01` (or `2026-12`, `2026`) as CSL date parts; anything else left as text."""
    match = DATE.fullmatch(value)
    if not match:
        return value
    return {"date-parts": [[int(part) for part in match.groups() if part]]}


def _url_in(howpublished: str) -> str:
    """`howpublished = {\\url{https://...}}` or a bare address, else ""."""
    match = URL_MACRO.match(howpublished)
    address = match.group(1) if match else howpublished
    return address if URL.match(address) else ""


def _prose(value: Any) -> str:
    """LaTeX accents, escapes and braces decoded: `{\\"u}ber {B}esier` -> 'über Besier'."""
    if not isinstance(value, str):
        return ""
    return " ".join(_LATEX.latex_to_text(value).split())


def _raw(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


@contextmanager
def _quiet_parser() -> Iterator[None]:
    """bibtexparser logs each failed block; they are reported here instead, once, with a hint."""
    logger = logging.getLogger("bibtexparser")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)
