"""The site's articles, from their front matter, for lists on the home page and topic pages.

A `/// articles` block must list every article, including those rendered after the page that
holds the block, so the plugin reads every page's front matter once per build, before any page
is rendered (`Catalog.from_pages` in `on_files`), and hands the catalogue to the extension
through the `RenderSession`. A new catalogue is made in every build, so an edit under `mkdocs
serve` shows at once. Problems in a page's front matter are not reported here: the page's own
rendering reports them at their lines. A page whose front matter is not YAML at all is left
out (MkDocs drops such front matter too) until its E101 is fixed; otherwise an article is
listed with the fields that could be read.

A *topic page* is any page with a `/// articles | <tag>` block: an article's tags link to the
topic page of that tag when there is one.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from edusite.errors import Problems
from edusite.structure.frontmatter import parse_front_matter

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
    docs_dir: str = ""
    """The docs folder as editors see it (`content`): a page's shown path minus this is its
    `src_uri`."""

    @classmethod
    def from_pages(cls, pages: Iterable[tuple[str, str]], docs_dir: str = "") -> Catalog:
        """The catalogue of `pages`: (src_uri, file text) of every Markdown page; `docs_dir`
        as editors see it."""
        entries: list[ArticleEntry] = []
        topics: dict[str, str] = {}
        titles: dict[str, str] = {}
        for src_uri, text in sorted(pages):
            text = text.removeprefix("\ufeff").replace("\r\n", "\n")
            for match in TOPIC_BLOCK.finditer(text):
                topics.setdefault(tag_key(match["tag"]), src_uri)
            matter = parse_front_matter(src_uri, text, Problems())
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
        return cls(tuple(entries), topics, titles, docs_dir.strip("/"))

    def src_uri(self, shown_path: str) -> str:
        """The file in the docs folder of the page editors see as `shown_path`."""
        prefix = f"{self.docs_dir}/" if self.docs_dir else ""
        return shown_path.removeprefix(prefix)

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
