"""How a reference looks: Vancouver-style HTML for the Sources list, and schema.org JSON-LD.

Vancouver style as the NLM's "Citing Medicine" gives it, slightly simplified:
`Family GI, Family GI, et al. Title. Journal. Year;Volume(Issue):Pages. doi link`, the first
six authors then "et al.". Every piece of text is HTML-escaped here, so a title with
`& < > " '` is safe wherever the result is inserted.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from edusite.structure.bibliography import Author, Reference

MAX_AUTHORS = 6
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def initials(given: str) -> str:
    """'Kay M.' -> 'KM', 'Jean-Paul' -> 'JP', 'G G M' -> 'GGM'."""
    return "".join(part[0].upper() for part in re.split(r"[\s.\-]+", given) if part)


def author_name(author: Author) -> str:
    """One author as Vancouver writes it: 'Crossley KM' or the organisation's name."""
    if author.is_organization:
        return author.literal
    return f"{author.family} {initials(author.given)}".strip()


def author_list(authors: tuple[Author, ...]) -> str:
    """The first six authors, then 'et al.'; no trailing period."""
    names = [author_name(a) for a in authors[:MAX_AUTHORS]]
    if len(authors) > MAX_AUTHORS:
        names.append("et al")
    return ", ".join(names)


def _sentence(text: str) -> str:
    """Text ending with one full stop (or its own ? or !)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _link(url: str, text: str, cls: str) -> str:
    return f'<a class="{cls}" href="{escape(url)}">{escape(text)}</a>'


def format_reference_html(ref: Reference) -> str:
    """The reference as escaped HTML (one line, no block element)."""
    parts = [escape(_sentence(author_list(ref.authors)))] if ref.authors else []
    title = ref.title if ref.type != "webpage" else f"{ref.title.rstrip('.')} [Internet]"
    parts.append(f'<span class="source-title">{escape(_sentence(title))}</span>')
    parts.append(_publication(ref))
    if ref.doi:
        parts.append("doi:\u00a0" + _link(ref.doi_url, ref.doi_url, "source-doi"))
    elif ref.url:
        parts.append("Available from: " + _link(ref.url, ref.url, "source-url"))
    return " ".join(p for p in parts if p)


def _publication(ref: Reference) -> str:
    """'Br J Sports Med. 2016;50(14):839-43.', or 'OrthoInfo [cited 2026 Nov 25].'"""
    container = escape(_sentence(ref.container)) if ref.container else ""
    if ref.type == "webpage":
        pieces = [container.rstrip(".")] if container else []
        if ref.year:
            pieces.append(str(ref.year))
        cited = _cited(ref.accessed)
        text = "; ".join(pieces)
        return (f"{text} {cited}".strip() + ".") if (text or cited) else ""
    details = str(ref.year) if ref.year else ""
    if ref.volume:
        details += f";{escape(ref.volume)}"
        if ref.issue:
            details += f"({escape(ref.issue)})"
    if ref.page:
        details += f":{escape(ref.page)}"
    return " ".join(p for p in (container, details + "." if details else "") if p)


def _cited(parts: tuple[int, ...]) -> str:
    if not parts:
        return ""
    year = str(parts[0])
    month = MONTHS[parts[1] - 1] if len(parts) > 1 and 1 <= parts[1] <= 12 else ""
    day = str(parts[2]) if len(parts) > 2 and month else ""
    return "[cited " + " ".join(p for p in (year, month, day) if p) + "]"


def reference_jsonld(ref: Reference) -> dict[str, Any]:
    """The reference as a schema.org ScholarlyArticle (journal) or CreativeWork (web page)."""
    data: dict[str, Any] = {
        "@type": "ScholarlyArticle" if ref.type.startswith("article") else "CreativeWork",
        "name": ref.title,
        "author": [_person(a) for a in ref.authors],
    }
    if ref.year:
        data["datePublished"] = str(ref.year)
    if ref.container:
        data["isPartOf"] = {
            "@type": "Periodical" if ref.type.startswith("article") else "WebSite",
            "name": ref.container,
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
