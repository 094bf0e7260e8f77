"""How a reference looks: Vancouver (NLM "Citing Medicine") HTML for the Sources list, and
schema.org JSON-LD.

The text comes from `citeproc-py`, a CSL processor, with the NLM citation-sequence style
shipped in `styles/vancouver.csl` (CC BY-SA 3.0, see `styles/NOTICE.md`): the rules of
Citing Medicine for articles, books, chapters, reports and web pages are the style's, not
ours. Two things are done here around it:

- Safety. citeproc-py's HTML formatter does not escape variable text, so the entry is
  rendered as plain text, HTML-escaped as a whole, and only then are the DOI and the address
  made links (`source-doi`, `source-url`) whose text is their address (printed pages show
  it: the print style adds no address after source links). A title with `& < > " '` is
  safe wherever the result is inserted.
- Dates. citeproc-py ignores the delimiter of a style's localised date, printing
  "[cited 2026Nov25]"; the access date is handed over already written ("2026 Nov 25", as
  Citing Medicine writes it) as a CSL literal date.

The style's own list number ("1.") is dropped: the Sources list is an `<ol>`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from functools import cache
from html import escape
from importlib.metadata import version
from pathlib import Path
from typing import Any

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from edusite.structure.refmodel import Author, Reference

STYLE = Path(__file__).with_name("styles") / "vancouver.csl"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LIST_NUMBER = re.compile(r"^\d+\.\s*")


@cache
def _style() -> CitationStylesStyle:
    """The CSL style, parsed once per process (schema validation off: it is a known file)."""
    return CitationStylesStyle(str(STYLE), validate=False)


_FORMATTED: dict[str, str] = {}
"""Content key (`formatted_key`) -> formatted text. citeproc-py takes about 15 ms per entry
and a catalogue's pages share their sources, so each entry is formatted once per process,
and `load_formatted`/`save_formatted` keep the texts between builds. A value depends on its
key alone, so it can never be stale."""


@cache
def _fingerprint() -> bytes:
    """What else decides the text: the style, citeproc-py's version and this module's code."""
    parts = (STYLE.read_bytes(), version("citeproc-py").encode(), Path(__file__).read_bytes())
    return b"\0".join(parts)


def formatted_key(ref: Reference) -> str:
    """The content hash of everything `format_reference_text` turns into text."""
    item = json.dumps(csl_json(ref), sort_keys=True).encode()
    return hashlib.sha256(_fingerprint() + b"\0" + item).hexdigest()


def format_reference_text(ref: Reference) -> str:
    """The reference as plain text in the CSL style, without its list number."""
    key = formatted_key(ref)
    if (known := _FORMATTED.get(key)) is not None:
        return known
    source = CiteProcJSON([csl_json(ref)])
    bibliography = CitationStylesBibliography(_style(), source, formatter.plain)
    # citeproc-py keys its sources in lower case; one reference per call, so no two collide.
    bibliography.register(Citation([CitationItem(ref.key.lower())]))
    text = LIST_NUMBER.sub("", str(bibliography.bibliography()[0])).strip()
    _FORMATTED[key] = text
    return text


def load_formatted(path: Path) -> None:
    """Read texts a previous build saved (a missing or damaged file is an empty cache)."""
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(saved, dict):
        _FORMATTED.update({k: v for k, v in saved.items() if isinstance(v, str)})


def save_formatted(path: Path, refs: Iterable[Reference]) -> None:
    """Keep the texts of `refs` (the bibliography: the file does not grow with old entries)
    that were formatted, for the next build; written whole, then renamed into place."""
    keys = (formatted_key(ref) for ref in refs)
    texts = {key: _FORMATTED[key] for key in keys if key in _FORMATTED}
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(json.dumps(texts, indent=0, sort_keys=True), encoding="utf-8")
    partial.replace(path)


def format_reference_html(ref: Reference) -> str:
    """The reference as escaped HTML (one line, no block element), DOI and address linked."""
    html = escape(format_reference_text(ref))
    if ref.doi:
        doi = escape(ref.doi)
        # The link's text is its address, as for every source link, so paper shows it too.
        link = f'<a class="source-doi" href="{escape(ref.doi_url)}">{escape(ref.doi_url)}</a>'
        html = _replace_last(html, f"doi:{doi}", f"doi:\u00a0{link}")
    if ref.url:
        url = escape(ref.url)
        link = f'<a class="source-url" href="{url}">{url}</a>'
        html = _replace_last(html, f"Available from: {url}", f"Available from: {link}")
    return html


def _replace_last(text: str, old: str, new: str) -> str:
    head, found, tail = text.rpartition(old)
    return head + new + tail if found else text


def csl_json(ref: Reference) -> dict[str, Any]:
    """The reference as one CSL-JSON item, the processor's input."""
    item: dict[str, Any] = {
        "id": ref.key,
        "type": ref.type,
        "title": ref.title,
        "author": [_csl_name(a) for a in ref.authors],
    }
    if ref.editors:
        item["editor"] = [_csl_name(a) for a in ref.editors]
    if ref.year:
        item["issued"] = {"date-parts": [[ref.year]]}
    if ref.accessed:
        item["accessed"] = {"literal": cited_date(ref.accessed)}
    optional = {
        "container-title": ref.container,
        "container-title-short": ref.container_short,
        "volume": ref.volume,
        "issue": ref.issue,
        "page": ref.page,
        "DOI": ref.doi,
        "URL": ref.url,
        "publisher": ref.publisher,
        "publisher-place": ref.publisher_place,
    }
    item.update({name: value for name, value in optional.items() if value})
    return item


def cited_date(parts: tuple[int, ...]) -> str:
    """(2026, 11, 25) -> '2026 Nov 25', as Citing Medicine writes a date of citation."""
    year = str(parts[0])
    month = MONTHS[parts[1] - 1] if len(parts) > 1 and 1 <= parts[1] <= 12 else ""
    day = str(parts[2]) if len(parts) > 2 and month else ""
    return " ".join(p for p in (year, month, day) if p)


def _csl_name(author: Author) -> dict[str, str]:
    if author.is_organization:
        return {"literal": author.literal}
    return {"family": author.family, "given": author.given}


def reference_jsonld(ref: Reference) -> dict[str, Any]:
    """The reference as a schema.org ScholarlyArticle (journal) or CreativeWork (others)."""
    data: dict[str, Any] = {
        "@type": "ScholarlyArticle" if ref.type.startswith("article") else "CreativeWork",
        "name": ref.title,
        "author": [_person(a) for a in ref.authors],
    }
    if ref.year:
        data["datePublished"] = str(ref.year)
    container = ref.container_short or ref.container
    if container:
        data["isPartOf"] = {
            "@type": "Periodical" if ref.type.startswith("article") else "WebSite",
            "name": container,
        }
    if ref.doi:
        data["sameAs"] = ref.doi_url
    if ref.url or ref.doi:
        data["url"] = ref.url or ref.doi_url
    return data


def _person(author: Author) -> dict[str, str]:
    if author.is_organization:
        return {"@type": "Organization", "name": author.literal}
    return {
        "@type": "Person",
        "familyName": author.family,
        "givenName": author.given,
        "name": f"{author.given} {author.family}".strip(),
    }
