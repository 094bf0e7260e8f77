"""The MkDocs adapter: wires the Markdown extensions, the quiz compiler and the runtime files.

Rendering lives in `edusite.markdown` (plain Python-Markdown extensions) and compiling in
`edusite.quizc` (a plain library); this module only holds the state that spans pages during
one build. All of it is created anew in `on_config`, so nothing survives an `mkdocs serve`
rebuild. Hook order in MkDocs 1.6: on_config -> on_files -> on_nav -> (each page:
on_page_markdown -> render -> on_page_content) -> on_env -> (each page: on_page_context ->
write) -> on_post_build. Problems are collected from every page and raised in `on_env`,
which runs before any page or static file is written, so a bad edit leaves nothing
half-written.
"""

from __future__ import annotations

from mkdocs.plugins import BasePlugin, get_plugin_logger

from edusite.config import EduSiteConfig

log = get_plugin_logger(__name__)


class EduSitePlugin(BasePlugin[EduSiteConfig]):
    """Articles with numbered citations, FAQs and in-browser Python quizzes."""

    # --- articles: front matter, citations, FAQ, JSON-LD (owned by the articles work) ---

    # --- quizzes: compile, embed, runtime files (owned by the quiz work) ---
