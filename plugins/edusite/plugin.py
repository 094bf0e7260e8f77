"""The MkDocs adapter: wires the Markdown extensions, the quiz compiler and the runtime files.

Rendering lives in `edusite.markdown` (plain Python-Markdown extensions) and compiling in
`edusite.quizc` (a plain library); this module only holds the state that spans pages during
one build. All of it is created anew in `on_config`, so nothing survives an `mkdocs serve`
rebuild. Hook order in MkDocs 1.6: on_config -> on_files -> on_nav -> (each page:
on_page_markdown -> render -> on_page_content) -> on_env -> (each page: on_page_context ->
write) -> on_post_build. Titles from `nav:` and front matter are escaped in on_nav and
on_page_markdown (edusite.pagetext). Problems are collected from every page and raised in `on_env`,
which runs before any page or static file is written, so a bad edit leaves nothing
half-written.

Each hook below calls one object or method per section: `ArticleSite` (front matter,
citations, FAQ, JSON-LD; `articlesite.py`), `_quiz_*` (compile, embed, runtime files,
through `QuizSite`), `_security_*`, `_unused_*`, `_publish_*` and `_check_*`. A section only
touches its own attributes; all report editors' mistakes into `self.problems`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from edusite import preview
from edusite.articlesite import ArticleSite
from edusite.checks.checkcache import FILE_NAME
from edusite.checks.nav import check_nav
from edusite.checks.settings import check_settings
from edusite.checks.site import SiteChecks
from edusite.config import EduSiteConfig
from edusite.errors import ContentError, Problems
from edusite.pagetext import escape_nav_titles
from edusite.publish import StagedBuild
from edusite.quizsite import QuizSite
from edusite.security import HEADERS_FILE, headers_file, meta_tag
from edusite.structure.sourcepage import SourcePage, editor_path
from edusite.theme import PAGE_TEMPLATE, add_theme_layer, extends_page_template
from edusite.unused import unrequested

log = get_plugin_logger(__name__)


class ContentPluginError(ContentError, PluginError):
    """Every content problem at once, as the error MkDocs prints without a traceback."""


class CheckFinished(Exception):
    """Raised by `on_env` under `edusite check` (command "check"): every page was rendered
    and checked, so MkDocs's own build stops before it writes anything."""

    def __init__(self, pages: int) -> None:
        super().__init__(f"checked {pages} pages")
        self.pages = pages


class EduSitePlugin(BasePlugin[EduSiteConfig]):
    """Articles with numbered citations, FAQs and in-browser Python quizzes."""

    def __init__(self) -> None:
        self.problems = Problems()
        self.project_dir = Path.cwd()
        self.serving = False
        self.site_checks: SiteChecks | None = None
        self.warnings = preview.WarningCapture()
        self.quiz_site: QuizSite | None = None
        self.article_site = ArticleSite(self.project_dir, EduSiteConfig(), self.problems)
        self.command = ""
        self.staged: StagedBuild | None = None
        self.build_error: Exception | None = None

    # --- MkDocs hooks: each one delegates to the sections below --------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this instance across serve rebuilds.
        self.serving = command == "serve"
        self.command = "build" if command == "build" and not dirty else command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.problems = Problems()
        self.build_error = None
        self.project_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self._check_on_config(config)
        self._publish_on_config(config)
        add_theme_layer(config)  # the article header, JSON-LD and CSP templates (edusite.theme)
        with self._collecting():
            self.article_site = ArticleSite(self.project_dir, self.config, self.problems)
            self.article_site.configure(config)
        with self._collecting():
            self._quiz_on_config(config)
        return config

    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        if self.config.enabled:
            self._check_on_nav(nav, config, files)
            escape_nav_titles(nav.items)  # mkdocs.yml's `nav:` titles are text, like front matter
        return nav

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        self._security_on_files(files, config)
        self.article_site.read_pages(files)
        self._unused_on_files(files, config)
        self._quiz_on_files(files, config)
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return markdown
        source = self.article_site.begin_page(page)  # the page's one SourcePage
        self._check_on_page_markdown(source, page)
        if self.quiz_site:
            self.quiz_site.begin_page(source)
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return html
        self.article_site.end_page(html, page, config.site_name)
        self._check_on_page_content(html, page)
        return html

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if not self.config.enabled:
            return env
        self.article_site.finish(files)
        self._security_on_env(env)
        if not extends_page_template(env):
            raise PluginError(
                f"the theme's main.html does not extend {PAGE_TEMPLATE!r}, so pages would lack "
                "the security policy, the article header and the JSON-LD; in your custom_dir's "
                f'main.html write {{% extends "{PAGE_TEMPLATE}" %}} instead of "base.html"'
            )
        self._check_on_env(files, config)
        if self.command == "check":  # `edusite check`: every page was checked, write nothing
            raise CheckFinished(len(files.documentation_pages()))
        return env

    def on_page_context(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any] | None:
        if not self.config.enabled:
            return context
        self.article_site.template_context(context, page)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        return self._check_on_post_page(output, page)

    @event_priority(-100)  # last: other plugins (search) still write into the staged site
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled:
            self._publish_on_post_build(config)

    def on_build_error(self, *, error: Exception) -> None:
        self.build_error = error  # `edusite check` reads the problems of a failed run here
        if self.config.enabled:
            self._publish_on_build_error()

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            self._quiz_on_serve(server, config)
        return server

    # --- Content-Security-Policy (edusite.security) -------------------------------------

    def _security_on_files(self, files: Files, config: MkDocsConfig) -> None:
        """Add `_headers` (the policy as a header, for hosts that read it) as a generated
        file, so `mkdocs build` writes it and `mkdocs serve` serves it."""
        files.append(File.generated(config, HEADERS_FILE, content=headers_file()))

    def _security_on_env(self, env: Environment) -> None:
        """Give every template, 404.html included, the policy's `<meta>` tag; none under
        `mkdocs serve`, whose live reload is an inline script the policy would block (the
        preview is the editor's own machine; built sites are what readers get)."""
        env.globals["edusite_csp_meta"] = "" if self.serving else meta_tag()

    # --- files no page requests (edusite.unused) -----------------------------------------

    def _unused_on_files(self, files: Files, config: MkDocsConfig) -> None:
        """Leave out the theme's source maps and the search languages not configured."""
        docs = Path(config.docs_dir).resolve()
        theme = {
            f.src_uri: f
            for f in files
            if f.src_dir is not None and not f.generated_by and Path(f.src_dir).resolve() != docs
        }
        search = config.plugins.get("material/search")
        languages = getattr(getattr(search, "config", None), "lang", None) if search else []
        for path in unrequested(theme, languages):
            files.remove(theme[path])

    # --- quizzes: compile, embed, runtime files (edusite.quizsite) ----------------

    def _quiz_on_config(self, config: MkDocsConfig) -> None:
        """Compile the quizzes and add the quiz-embed extension to config.markdown_extensions."""
        self.quiz_site = QuizSite(
            self.project_dir, self.config, self.problems, serving=self.serving
        )
        self.quiz_site.configure(config)

    def _quiz_on_files(self, files: Files, config: MkDocsConfig) -> None:
        """Add the quiz wheel, Pyodide and the runtime files as generated MkDocs files."""
        if self.quiz_site:
            self.quiz_site.add_files(files, config)

    def _quiz_on_serve(self, server: LiveReloadServer, config: MkDocsConfig) -> None:
        """Watch the quizzes folder during `mkdocs serve`."""
        if self.quiz_site:
            for path in self.quiz_site.watched():
                server.watch(str(path))

    # --- publishing: build into a staging folder, swap it in on success (edusite.publish) -

    def _publish_on_config(self, config: MkDocsConfig) -> None:
        """`mkdocs build` (not serve, not --dirty, not gh-deploy) writes into a staging folder."""
        self.staged = None
        if self.command == "build":
            self.staged = StagedBuild(config.site_dir)
            config.site_dir = self.staged.begin()

    def _publish_on_post_build(self, config: MkDocsConfig) -> None:
        """Swap the staged site in, unless strict mode is about to abort on a warning."""
        if self.staged is None:
            return
        if config.strict and self.warnings.messages:
            return  # MkDocs raises next; on_build_error drops the staged files
        self.staged.publish()
        config.site_dir = str(self.staged.site_dir)
        self.staged = None

    def _publish_on_build_error(self) -> None:
        """A failed build leaves the previous site as it was."""
        if self.staged is not None:
            self.staged.abandon()
            self.staged = None

    # --- editors' checks and live preview (edusite.checks) -------------------------------
    # Headings, raw HTML, images, links, reading grade and review age (edusite.checks). In
    # `mkdocs serve` problems are shown in a banner on every page instead of aborting the
    # preview (edusite.preview).

    @contextmanager
    def _collecting(self) -> Iterator[None]:
        """Turn a `ContentError` raised by a section into collected problems (all at once)."""
        try:
            yield
        except ContentError as error:
            self.problems.extend(error.problems)

    def _check_on_config(self, config: MkDocsConfig) -> None:
        self.site_checks = SiteChecks(
            self.project_dir,
            Path(config.docs_dir),
            reading_grade_max=self.config.reading_grade_max,
            review_max_age_years=self.config.review_max_age_years,
            cache_file=(
                self.project_dir / self.config.cache_dir / FILE_NAME if self.config.cache else None
            ),
        )
        self.warnings = preview.WarningCapture(divert=self.serving)
        self.warnings.attach()
        self.problems.extend(check_settings(*self._config_file(config), self.config))

    def _check_on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> None:
        """E525: with an explicit `nav:`, every page meant for the menu must be in it."""
        if config.nav is not None and config.config_file_path:
            pages = self.article_site.pages
            menu = [
                pages[f.src_uri]
                for f in files.documentation_pages()
                if f.inclusion.is_in_nav() and f.src_uri in pages
            ]
            listed = [p.file.src_uri for p in nav.pages]
            self.problems.extend(check_nav(*self._config_file(config), menu, listed))

    def _config_file(self, config: MkDocsConfig) -> tuple[str, str]:
        """mkdocs.yml's path as editors see it and its text (for problems at its lines)."""
        path = Path(config.config_file_path or "mkdocs.yml")
        text = path.read_text("utf-8-sig") if path.is_file() else ""
        return editor_path(self.project_dir, path), text

    def _check_on_page_markdown(self, source: SourcePage, page: Page) -> None:
        if self.site_checks:
            self.problems.extend(self.site_checks.page(source, page.url))
            # Reading grade and review age, on the front matter read once in on_files.
            found = self.site_checks.article(source)
            self.problems.extend([p for p in found if not p.code.startswith("W")])
            for warning in (p for p in found if p.code.startswith("W")):
                # Logged like W201: `--strict` and `edusite check` stop, `serve` goes on.
                log.warning(
                    f"{warning.path}:{warning.line}: {warning.message} [{warning.code}]; "
                    f"{warning.hint}"
                )

    def _check_on_page_content(self, html: str, page: Page) -> None:
        if self.site_checks:
            self.problems.extend(self.site_checks.rendered(page.file.src_uri, page.url, html))

    def _check_on_env(self, files: Files, config: MkDocsConfig) -> None:
        """Add the cross-page link problems, then stop the build (or keep them for serve).

        Strict mode's warnings logged so far also stop the build here, before anything is
        written: MkDocs would write the whole site first and abort only at the end.
        """
        if self.site_checks:
            compiled = getattr(getattr(self, "quiz_site", None), "compiled", None)
            quizzes = compiled.sources if compiled else None
            keys = set(self.article_site.bibliography)
            self.problems.extend(self.site_checks.finish((f.src_uri for f in files), quizzes, keys))
        if self.serving:
            return
        self.problems.raise_if_any(ContentPluginError)
        if config.strict and (count := len(self.warnings.messages)):
            raise PluginError(
                f"{count} warning{'s' if count != 1 else ''} in strict mode (see above): "
                "stopped before writing the site"
            )

    def _check_on_post_page(self, output: str, page: Page) -> str:
        if not self.serving:
            return output
        source = self.article_site.pages.get(page.file.src_uri)
        path = source.path if source else ""
        return preview.inject(
            output, preview.banner(list(self.problems), self.warnings.messages, path)
        )
