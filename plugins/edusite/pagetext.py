"""Editors' text as the HTML the theme expects: front matter and navigation titles escaped once.

MkDocs renders templates without autoescaping, and Material prints `page.title`, nav titles
and `page.meta.*` as HTML in the header, the navigation, tabs, `<title>` and its search index
(whose results the search UI inserts as HTML). A title MkDocs takes from a rendered `# `
heading is already HTML; one from front matter or from `nav:` in mkdocs.yml is plain text. So
the plugin escapes the plain ones here, once, and every consumer sees HTML that shows exactly
what the editor wrote ("Knee pain in <18s & adults") and can run nothing. Our own templates
read the parsed front matter (`ArticleView`), never `page.meta`, so nothing is escaped twice.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from html import escape
from typing import Any, Protocol


def as_html(value: Any) -> Any:
    """A front-matter value with every string in it (also in lists and mappings) escaped."""
    if isinstance(value, str):
        return escape(value, quote=True)
    if isinstance(value, list):
        return [as_html(item) for item in value]
    if isinstance(value, dict):
        return {key: as_html(item) for key, item in value.items()}
    return value


def escape_meta(meta: MutableMapping[str, Any]) -> None:
    """Escape a page's front matter in place (`page.meta`, as Material's templates read it)."""
    for key, value in meta.items():
        meta[key] = as_html(value)


class NavItem(Protocol):
    """What a MkDocs nav item (Page, Section or Link) offers here."""

    title: str | None
    children: Any


def escape_nav_titles(items: Iterable[NavItem]) -> None:
    """Escape the titles written in mkdocs.yml's `nav:` (before any page is read).

    Called in `on_nav`, when a page's `title` is only the one `nav:` gave it (None
    otherwise: a page's own title comes later from its front matter or its `# ` heading).
    """
    for item in items:
        if item.title is not None:
            item.title = escape(item.title, quote=True)
        if item.children:
            escape_nav_titles(item.children)
