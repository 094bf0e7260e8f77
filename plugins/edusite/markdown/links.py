"""Marks links to other sites (`class="external-link"`) so print CSS can show their address.

Decided at build time because Material's instant navigation rewrites every link of the page
to an absolute URL in the browser, so CSS alone cannot tell an outside link from ours.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

EXTERNAL = "external-link"


class ExternalLinks(Treeprocessor):
    """Adds the class to every `<a href="http(s)://...">` written in the Markdown."""

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if href.startswith(("http://", "https://")):
                classes = (link.get("class") or "").split()
                if EXTERNAL not in classes:
                    link.set("class", " ".join([*classes, EXTERNAL]))


class ExternalLinksExtension(Extension):
    """Register the marker after inline links exist (20) and before the Sources list (19.5),
    whose own DOI and URL links already show their address."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(ExternalLinks(md), "edusite_external_links", 19.6)


def makeExtension(**kwargs: Any) -> ExternalLinksExtension:
    return ExternalLinksExtension(**kwargs)
