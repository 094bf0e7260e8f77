"""Article lists: `/// articles` lists every article of the site, from its front matter.

The home page and topic pages list the articles with this block instead of by hand, so a new
article appears everywhere it belongs once it exists (pymdown-extensions Blocks API, like
`/// faq` and `/// care`):

    /// articles
    ///

    /// articles | knee pain
    ///

Without an argument the block lists every article; with a tag, those whose `tags` include it
(case and spaces ignored). Each entry is the title (a link), the description, the review date
(`<time>`) and the tags, linked to their topic page when the site has one (a page with
`/// articles | <tag>`). Order: by title, so it does not change with file names or build order.
Text inside the block is shown above the list. The catalogue comes from the `RenderSession`
(`session.catalog`, read by the plugin before any page is rendered).
E313: a tag no article has; E314: no article to list.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from typing import Any

from markdown.util import AtomicString

from edusite.markdown.text import SessionBlock, SessionBlocksExtension
from edusite.structure.article import date_text
from edusite.structure.catalog import ArticleEntry, Catalog

CODE_UNKNOWN_TAG = "E313"
CODE_NOTHING = "E314"
OPENING = r"^ {0,3}/{3,}\s*articles\b"


def article_item(entry: ArticleEntry, catalog: Catalog, page_src_uri: str) -> etree.Element:
    """One article of a list: linked title, description, review date, tags. Front matter is
    text: `AtomicString` keeps inline Markdown and raw HTML from touching it (the serializer
    escapes it)."""
    item = etree.Element("li", {"class": "edusite-articles__item"})
    title = etree.SubElement(item, "p", {"class": "edusite-articles__title"})
    link = etree.SubElement(title, "a", {"href": entry.href_from(page_src_uri)})
    link.text = AtomicString(entry.title)
    if entry.description:
        description = etree.SubElement(item, "p", {"class": "edusite-articles__description"})
        description.text = AtomicString(entry.description)
    if entry.reviewed:
        reviewed = etree.SubElement(item, "p", {"class": "edusite-articles__reviewed"})
        reviewed.text = "Last reviewed "
        time = etree.SubElement(reviewed, "time", {"datetime": entry.reviewed.isoformat()})
        time.text = date_text(entry.reviewed)
    if entry.tags:
        tags = etree.SubElement(item, "p", {"class": "edusite-articles__tags"})
        tags.text = "Topics: "
        start = posixpath.dirname(page_src_uri) or "."
        for number, tag in enumerate(entry.tags):
            topic = catalog.topic_page(tag)
            if topic and topic != page_src_uri:
                node = etree.SubElement(tags, "a", {"href": posixpath.relpath(topic, start)})
            else:
                node = etree.SubElement(tags, "span")
            node.text = AtomicString(tag)
            node.tail = ", " if number < len(entry.tags) - 1 else None
    return item


class ArticlesBlock(SessionBlock):
    """`/// articles [| <tag>]` ... `///`: the site's articles (with that tag)."""

    NAME = "articles"
    ARGUMENT = None  # optional: the tag
    OPENING = OPENING

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.find_opening()
        return etree.SubElement(parent, "div", {"class": "edusite-articles"})

    def on_end(self, block: etree.Element) -> None:
        catalog = self.session.catalog
        page_uri = self.session.page.src_uri
        tag = (self.argument or "").strip() or None
        entries = catalog.listed(tag, besides=page_uri)
        if tag and not catalog.listed(tag):
            known = ", ".join(catalog.tags()) or "none yet"
            self.problem(
                CODE_UNKNOWN_TAG,
                f"no article has the tag `{tag}`",
                f"use a tag from the articles' `tags:` (in use: {known}), or leave it out to "
                "list every article",
            )
        elif not entries:
            self.problem(
                CODE_NOTHING,
                "there is no article to list",
                "an article is a page with `type: article` in its front matter; write one "
                "(`edusite new <name>`), or remove this block",
            )
        listing = etree.SubElement(block, "ul", {"class": "edusite-articles__list"})
        for entry in entries:
            listing.append(article_item(entry, catalog, page_uri))


class ArticlesExtension(SessionBlocksExtension):
    """The `/// articles` block; the articles come from `session.catalog`."""

    BLOCK = ArticlesBlock


def makeExtension(**kwargs: Any) -> ArticlesExtension:
    """Entry point for `markdown.Markdown(extensions=["edusite.markdown.articles"])`."""
    return ArticlesExtension(**kwargs)
