"""Python-Markdown extensions, each usable without MkDocs: citations, FAQ blocks, care boxes,
article lists, quiz embeds.

`article_extensions()` builds the citation and FAQ extensions around one shared
`RenderSession`; `render_page()` renders a page's Markdown with them outside a site build
(what `edusite check` and the tests use).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import markdown
from markdown import Extension

from edusite.markdown.articles import ArticlesExtension
from edusite.markdown.care import CareExtension
from edusite.markdown.citations import CitationsExtension
from edusite.markdown.faq import FaqExtension
from edusite.markdown.links import ExternalLinksExtension
from edusite.structure.page import RenderSession
from edusite.structure.sourcepage import SourcePage

__all__ = [
    "ArticlesExtension",
    "CareExtension",
    "CitationsExtension",
    "FaqExtension",
    "article_extensions",
    "render_page",
]


def article_extensions(session: RenderSession, *, inline_jsonld: bool = True) -> list[Extension]:
    """The citation, FAQ, care-box and article-list extensions, sharing `session`
    (bibliography, problems, care settings, articles, page), and the external-link marker.
    `inline_jsonld=False`: the FAQ block leaves its JSON-LD to the caller (the plugin puts it
    in the page head)."""
    return [
        CitationsExtension(session=session),
        FaqExtension(session=session, inline_jsonld=inline_jsonld),
        CareExtension(session=session),
        ArticlesExtension(session=session),
        ExternalLinksExtension(),
    ]


def render_page(
    path: str,
    text: str,
    session: RenderSession,
    extensions: Sequence[str | Extension] = (),
    extension_configs: Mapping[str, Any] | None = None,
    *,
    src_uri: str = "",
) -> str:
    """Validate the front matter of file `text` and render its body to HTML; every problem
    (front matter, citations, FAQ) is added to `session.problems` with `path:line`.
    `src_uri`: the file's path inside the docs folder (for `/// articles` links)."""
    page = SourcePage.read(path, text, src_uri or path)
    session.problems.extend(page.front_matter_problems)
    session.begin_page(page)
    md = markdown.Markdown(
        extensions=[*extensions, *article_extensions(session)],
        extension_configs=dict(extension_configs or {}),
    )
    return md.convert(page.body)
