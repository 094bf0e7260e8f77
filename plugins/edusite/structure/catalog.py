"""The site's articles, from their front matter, for lists on the home page and topic pages.

A `/// articles` block must list every article, including those rendered after the page that
holds the block, so the plugin reads every page once per build, before any page is rendered
(`Catalog.from_pages` in `on_files`, from each page's one `SourcePage`), and hands the
catalogue to the extension through the `RenderSession`. A new catalogue is made in every
build, so an edit under `mkdocs serve` shows at once. Problems in a page's front matter are
not reported here: the page's own rendering reports them at their lines. A page whose front
matter is not YAML at all is left out (MkDocs drops such front matter too) until its E101 is
fixed; otherwise an article is listed with the fields that could be read.

A *topic page* is any page with a `/// articles | <tag>` block: an article's tags link to the
topic page of that tag when there is one.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from edusite.structure.sourcepage import SourcePage

TOPIC_BLOCK = re.compile(r"^ {0,3}/{3,}\s*articles\s*\|\s*(?P<tag>\S.*?)\s*$", re.MULTILINE)


def tag_key(tag: str) -> str:
    """Tags match whatever their case and surrounding spaces: "Knee pain" is "knee pain"."""
    return " ".join(tag.split()).casefold()


@dataclass(frozen=True)
class ArticleEntry:
    """One article as a list shows it; `src_uri` is its file in the docs folder."""

    src_uri: str
    title: str
    description: str
    reviewed: dt.date | None
    tags: tuple[str, ...]

    def href_from(self, page_src_uri: str) -> str:
        """A link to this article from the page `page_src_uri`, as a relative `.md` path
        (MkDocs turns it into the page's URL, as it does with links editors write)."""
        start = posixpath.dirname(page_src_uri) or "."
        return posixpath.relpath(self.src_uri, start)


@dataclass(frozen=True)
class Catalog:
    """Every article of the site, in listing order (title, then file), and the topic pages."""

    entries: tuple[ArticleEntry, ...] = ()
    topic_pages: dict[str, str] = field(default_factory=dict)
    """tag_key -> src_uri of the first page (in file order) with `/// articles | <tag>`."""
    titles: dict[str, str] = field(default_factory=dict)
    """src_uri -> front-matter `title` of every page that has one (articles or not)."""

    @classmethod
    def from_pages(cls, pages: Iterable[SourcePage]) -> Catalog:
        """The catalogue of `pages`, every Markdown page of the site (front matter parsed)."""
        entries: list[ArticleEntry] = []
        topics: dict[str, str] = {}
        titles: dict[str, str] = {}
        for page in sorted(pages, key=lambda p: p.src_uri):
            src_uri, matter = page.src_uri, page.front_matter
            for match in TOPIC_BLOCK.finditer(page.text):
                topics.setdefault(tag_key(match["tag"]), src_uri)
            if matter.get("title"):
                titles[src_uri] = str(matter.get("title"))
            if not matter.is_article:
                continue
            entries.append(
                ArticleEntry(
                    src_uri,
                    str(matter.get("title") or posixpath.splitext(src_uri)[0]),
                    str(matter.get("description") or ""),
                    matter.reviewed,
                    tuple(matter.get("tags") or ()),
                )
            )
        entries.sort(key=lambda e: (e.title.casefold(), e.src_uri))
        return cls(tuple(entries), topics, titles)

    def tags(self) -> list[str]:
        """Every tag in use, as first written, sorted."""
        seen: dict[str, str] = {}
        for entry in self.entries:
            for tag in entry.tags:
                seen.setdefault(tag_key(tag), tag)
        return sorted(seen.values(), key=tag_key)

    def listed(self, tag: str | None = None, *, besides: str = "") -> list[ArticleEntry]:
        """The articles to list (those with `tag`, when given), leaving out the page `besides`
        that holds the list."""
        want = tag_key(tag) if tag else None
        return [
            e
            for e in self.entries
            if e.src_uri != besides and (want is None or want in map(tag_key, e.tags))
        ]

    def topic_page(self, tag: str) -> str | None:
        """The page that lists the articles with `tag`, if the site has one."""
        return self.topic_pages.get(tag_key(tag))
