"""Internal links: the page (or file) must exist and the `#anchor` must be on it.

Anchors come from the rendered HTML of every page (`renderedhtml.py`), so heading ids,
`{#id}`s, citation and Sources ids all count, across pages. MkDocs reports broken anchors
only at `info` level and broken pages without a line; here each is `path:line` with a hint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches
from urllib.parse import unquote, urlsplit

from edusite.checks.images import is_external, resolve_in_docs
from edusite.checks.refs import Ref, find_refs
from edusite.errors import ContentProblem
from edusite.structure.sourcepage import SourcePage


@dataclass
class SiteIndex:
    """What links may point to: pages with their anchors and URLs, and all other files."""

    anchors: dict[str, set[str]] = field(default_factory=dict)
    """Page source path in the docs folder (`runners-knee.md`) -> ids on that page."""
    urls: dict[str, str] = field(default_factory=dict)
    """Page URL without leading slash (`runners-knee/`) -> page source path."""
    files: set[str] = field(default_factory=set)
    """Every file in the docs folder (images, PDFs, pages)."""

    def add_anchors(self, src_uri: str, url: str, ids: set[str]) -> None:
        """Record a page whose ids were already read from its final HTML."""
        self.anchors[src_uri] = ids
        self.urls[url.lstrip("/")] = src_uri
        self.files.add(src_uri)


def _url_target(path: str, page_url: str) -> str:
    """A URL-style link (`../about/`) resolved against the page's own URL."""
    resolved = resolve_in_docs(path, page_url if page_url.endswith("/") else page_url + "x")
    if path.endswith("/") and resolved:
        resolved += "/"
    return resolved


def _page_for(path: str, doc: SourcePage, page_url: str, index: SiteIndex) -> str | None:
    """The page a link's path points to; "" when it is an existing non-page file."""
    as_file = resolve_in_docs(path, doc.src_uri)
    if as_file in index.anchors:
        return as_file
    if as_file in index.files:
        return ""
    as_url = _url_target(path, page_url)
    for candidate in (as_url, as_url.rstrip("/") + "/", as_url.removesuffix("index.html")):
        if candidate in index.urls:
            return index.urls[candidate]
    return None


def check_links(
    doc: SourcePage, page_url: str, index: SiteIndex, refs: Sequence[Ref] | None = None
) -> list[ContentProblem]:
    """Links to missing pages or files (E521) and to anchors a page lacks (E522); `refs`:
    the page's `find_refs`, when the caller has them already."""
    problems: list[ContentProblem] = []
    for ref in find_refs(doc) if refs is None else refs:
        if ref.kind != "link" or not ref.target or is_external(ref.target):
            continue
        parts = urlsplit(ref.target)
        path, anchor = unquote(parts.path), unquote(parts.fragment)
        line = doc.line_of(ref.offset)
        source = doc.line_text(line)
        target = doc.src_uri if not path else _page_for(path, doc, page_url, index)
        if target is None:
            problems.append(
                ContentProblem(
                    doc.path,
                    line,
                    "E521",
                    f"link to a page or file that does not exist: {ref.target}",
                    "Link to another article by its file name, e.g. [About us](about.md); "
                    "the path is relative to this page's folder.",
                    source,
                )
            )
            continue
        if not anchor or not target or anchor in index.anchors.get(target, set()):
            continue
        where = "this page" if target == doc.src_uri else target
        close = get_close_matches(anchor, sorted(index.anchors.get(target, set())), n=3)
        hint = "Check the section's {#id} or heading text."
        if close:
            hint += " Did you mean " + " or ".join(f"#{name}" for name in close) + "?"
        problems.append(
            ContentProblem(
                doc.path,
                line,
                "E522",
                f'link to "#{anchor}", but {where} has no such section',
                hint,
                source,
            )
        )
    return problems
