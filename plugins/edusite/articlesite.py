"""The article part of one MkDocs build, so the plugin's article hooks stay one-liners.

`ArticleSite` loads the bibliography, adds the citation, FAQ, care and article-list
extensions around one `RenderSession`, reads every page once before any page renders (one
`SourcePage` each: `/// articles` lists them, and every line finder uses them), announces
each page to the extensions, and builds each article's header data and JSON-LD from what
they found. A new one is made in every `on_config`, so nothing survives an `mkdocs serve`
rebuild; formatted references are reused from the content-keyed cache instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edusite.config import EduSiteConfig
from edusite.errors import Problems
from edusite.markdown import article_extensions
from edusite.markdown.faq import faq_jsonld
from edusite.pagetext import escape_meta
from edusite.structure.article import ArticleView, build_article
from edusite.structure.bibliography import Bibliography, load_bibliography
from edusite.structure.catalog import Catalog
from edusite.structure.page import RenderSession
from edusite.structure.references import load_formatted, save_formatted
from edusite.structure.sourcepage import SourcePage, editor_path

log = get_plugin_logger(__name__)


class ArticleSite:
    """Front matter, citations, FAQs and JSON-LD of one build's pages."""

    def __init__(self, project_dir: Path, options: EduSiteConfig, problems: Problems) -> None:
        self.project_dir = project_dir
        self.options = options
        self.problems = problems
        self.session = RenderSession(problems=problems, care=options.care_settings())
        self.views: dict[str, ArticleView] = {}  # src_uri -> the article's header data
        self.faq_jsonld: dict[str, str] = {}  # src_uri -> FAQPage JSON-LD for the head
        self.formatted: Path | None = None  # formatted references kept between builds
        self.pages: dict[str, SourcePage] = {}  # src_uri -> the page as its editor wrote it

    @property
    def bibliography(self) -> Bibliography:
        return self.session.bibliography

    @property
    def catalog(self) -> Catalog:
        return self.session.catalog

    def configure(self, config: MkDocsConfig) -> None:
        """Load the bibliography; add the article extensions around the one session."""
        source = self.project_dir / self.options.bibliography
        self.session.bibliography = load_bibliography(
            source, self.problems, editor_path(self.project_dir, source)
        )
        if self.options.cache:
            self.formatted = self.project_dir / self.options.cache_dir / "references.json"
            load_formatted(self.formatted)
        config.markdown_extensions.extend(article_extensions(self.session, inline_jsonld=False))

    def read_pages(self, files: Files) -> None:
        """Every page's one `SourcePage`, read before any page renders (`/// articles` lists
        them all; the quiz embed and the checks get the same object)."""
        self.pages = {}
        for file in files.documentation_pages():
            path = Path(file.abs_src_path) if file.abs_src_path else None
            shown = editor_path(self.project_dir, path or Path(file.src_uri))
            text = file.content_bytes.decode("utf-8-sig", "replace")
            self.pages[file.src_uri] = SourcePage.read(shown, text, file.src_uri, path)
        self.session.catalog = Catalog.from_pages(self.pages.values())

    def begin_page(self, page: Page) -> SourcePage:
        """Report the page's front-matter problems and tell the extensions which page they
        render; the `SourcePage` is the one read in `on_files` (made now for a page another
        plugin added later)."""
        source = self.pages.get(page.file.src_uri)
        if source is None:
            path = Path(page.file.abs_src_path) if page.file.abs_src_path else None
            shown = editor_path(self.project_dir, path or Path(page.file.src_uri))
            source = SourcePage.read(shown, page.file.content_string, page.file.src_uri, path)
        self.problems.extend(source.front_matter_problems)
        self.session.begin_page(source)
        # Material prints `page.meta.*` and the title as HTML: escape them once (pagetext).
        escape_meta(page.meta)
        return source

    def end_page(self, html: str, page: Page, site_name: str) -> None:
        """Build the article's header data and JSON-LD from what the extensions found."""
        context, result = self.session.announced, self.session.announced_result()
        if result.faq:
            self.faq_jsonld[page.file.src_uri] = faq_jsonld(result.faq)
        if not context.front_matter.is_article:
            return
        if "<h1" in html:
            line = context.find_line(r"^#\s")
            self.problems.add(
                context.path,
                line,
                "E108",
                "an article must not have a `# ` heading",
                "the title comes from the front matter `title`; start with `## `",
                context.line_text(line),
            )
        self.views[page.file.src_uri] = build_article(
            context.front_matter,
            url=page.canonical_url or "",
            publisher=self.options.publisher_name(site_name),
            byline=self.options.default_byline(site_name),
            disclaimer=self.options.disclaimer,
            cited=result.cited,
            bibliography=self.bibliography,
        )

    def finish(self, files: Files) -> None:
        """Date the pages by their sources, keep the formatted references, and warn about
        bibliography entries no page cites (a warning, so --strict stops)."""
        self._date_pages(files)
        bibliography = self.bibliography
        if self.formatted:
            save_formatted(self.formatted, (bibliography[key] for key in bibliography))
        cited = self.session.cited_everywhere()
        for key in bibliography:
            if key not in cited:
                log.warning(
                    f"{bibliography.path}:{bibliography.line_of(key)}: the source "
                    f"`{key}` is not cited by any page [W201]; cite it with [@{key}] "
                    "or remove it from the bibliography"
                )

    def _date_pages(self, files: Files) -> None:
        """The sitemap's `lastmod` (and the gzip stamp of sitemap.xml.gz, its newest date)
        is an article's `reviewed` date; other pages get none. MkDocs would write the build
        day, so the same sources built on another day would give another site (issue 9). A
        site without a reviewed article keeps MkDocs's date (SOURCE_DATE_EPOCH, else today)."""
        reviewed = {uri: v.reviewed_iso for uri, v in self.views.items() if v.reviewed}
        if not reviewed:
            return
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.update_date = reviewed.get(file.src_uri, "")

    def template_context(self, context: dict[str, Any], page: Page) -> None:
        """Give the templates the article's header data and JSON-LD (None on other pages),
        and the page's FAQPage JSON-LD for the head (None without a FAQ block)."""
        context["edusite_article"] = self.views.get(page.file.src_uri)
        context["edusite_faq_jsonld"] = self.faq_jsonld.get(page.file.src_uri)
