"""The quiz part of one MkDocs build, so the plugin's quiz hooks stay one-liners.

`QuizSite` compiles the quizzes (through `edusite.quizc`), adds the quiz-embed extension and
the client script/CSS to the config, tells the extension which page it renders, and adds
Pyodide, the quiz bundles and our JS/CSS to MkDocs's files (`File.generated`), so `build`
writes them and `serve` serves them like any other file. A new one is made in every
`on_config`, so nothing survives an `mkdocs serve` rebuild; compiled output is reused from
the content-hashed cache instead.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from edusite.config import EduSiteConfig
from edusite.errors import ContentProblem, Problems
from edusite.markdown.quizembed import QuizEmbedExtension
from edusite.quizc import CompiledQuizzes, compile_quizzes, compile_stdlib
from edusite.quizc.trim import trim_stdlib
from edusite.runtime.install import RuntimeLayout, site_files
from edusite.structure.bibliography import load_bibliography
from edusite.structure.sourcepage import SourcePage

log = get_plugin_logger(__name__)

OVERRIDES_SUBDIR = "edusite"
"""`site_overrides/edusite/quiz.html` replaces the built-in quiz form template."""


class QuizSite:
    """Compiled quizzes, the embed extension and the runtime files of one build."""

    def __init__(
        self, project_dir: Path, options: EduSiteConfig, problems: Problems, *, serving: bool
    ) -> None:
        self.project_dir = project_dir
        self.serving = serving
        self.options = options
        self.problems = problems
        self.compiled: CompiledQuizzes | None = None
        self.layout: RuntimeLayout | None = None
        self.extension: QuizEmbedExtension | None = None

    @property
    def quizzes_dir(self) -> Path:
        return self.project_dir / self.options.quizzes_dir

    @property
    def pyodide_dir(self) -> Path:
        return self.project_dir / self.options.pyodide_dir

    def configure(self, config: MkDocsConfig) -> None:
        """Add the embed extension, then compile; a compile error is raised as ContentError."""
        custom_dir = config.theme.custom_dir
        overrides = Path(custom_dir) / OVERRIDES_SUBDIR if custom_dir else None
        # specs=None until compiled, so a broken quiz module does not also make every
        # embed an "unknown quiz id".
        self.extension = QuizEmbedExtension(
            specs=None,
            problems=self.problems,
            overrides_dir=overrides,
            care=self.options.care_settings(),
            closing=self.options.selfcheck_closing,
            warn=_log_warning,
        )
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        if not (self.quizzes_dir / "__init__.py").is_file():
            self.extension.specs = {}
            return
        if not (self.pyodide_dir / "pyodide.mjs").is_file():
            raise PluginError(
                f"the Pyodide runtime is missing at {self.pyodide_dir} (the quizzes need it): "
                "run `make serve` or `make build`, which install it (`npm ci`), or set the "
                "edusite option `pyodide_dir` to the folder of the npm package `pyodide`"
            )
        cache_dir = self.project_dir / self.options.cache_dir
        self.compiled = compile_quizzes(
            self.quizzes_dir,
            cache_dir=cache_dir,
            bibliography_keys=self._bibliography_keys(),
            pyodide_dir=self.pyodide_dir,
            use_cache=self.options.cache,
            timeout=self.options.quizzes_timeout,
        )
        self.extension.specs = self.compiled.specs
        notes = list(self.compiled.notes)
        stdlib = compile_stdlib(self.pyodide_dir, cache_dir=cache_dir)
        if stdlib is not None:
            trimmed = trim_stdlib(
                stdlib,
                self.compiled,
                pyodide_dir=self.pyodide_dir,
                source_dirs=self.watched(),
                cache_dir=cache_dir,
            )
            stdlib = trimmed.path
            notes += [trimmed.note] if trimmed.note else []
        else:
            notes.append(
                "this Python is not Pyodide's: shipping Pyodide's own standard library, "
                "quiz bundles not checked alone"
            )
        for note in notes:
            log.info(note)
        bundles = {b.name: b for b in self.compiled.quiz_bundles.values()}
        self.layout = RuntimeLayout(
            pyodide_dir=self.pyodide_dir,
            shared_path=self.compiled.shared.path,
            shared_name=self.compiled.shared.name,
            stdlib_path=stdlib,
            bundles=tuple(b.path for _, b in sorted(bundles.items())),
            cache_dir=cache_dir,
            # Not under `mkdocs serve`: a worker there would also answer live reload's requests.
            service_worker=self.options.service_worker and not self.serving,
        )
        self.extension.runtime = self.layout.page_config()
        configs = {n: self.layout.quiz_config(n, str(b.module)) for n, b in bundles.items()}
        self.extension.quiz_runtime = {
            quiz_id: configs[bundle.name] for quiz_id, bundle in self.compiled.quiz_bundles.items()
        }
        config.extra_css.append(self.layout.css_url)
        script = ExtraScriptValue(self.layout.client_url)
        script.type = "module"
        config.extra_javascript.append(script)
        if self.layout.service_worker:
            registration = ExtraScriptValue(self.layout.registration_url)
            registration.type = "module"
            config.extra_javascript.append(registration)

    def begin_page(self, page: SourcePage) -> None:
        """Tell the extension which page it renders, for `path:line`."""
        if self.extension is not None:
            self.extension.begin_page(page)

    def add_files(self, files: Files, config: MkDocsConfig) -> None:
        """Add Pyodide, the quiz bundles and the JS/CSS to the build's files."""
        if self.layout is None:
            return
        for path, source in site_files(self.layout):
            if isinstance(source, Path):
                files.append(File.generated(config, path, abs_src_path=str(source)))
            else:
                files.append(File.generated(config, path, content=source))

    def watched(self) -> list[Path]:
        """Folders `mkdocs serve` watches: the quizzes and the quizkit they import."""
        import quizkit

        return [self.quizzes_dir, Path(quizkit.__file__).resolve().parent]

    def _bibliography_keys(self) -> list[str]:
        """Citation keys quiz texts may use; the article section reports the file's problems."""
        path = self.project_dir / self.options.bibliography
        return load_bibliography(path, Problems()).keys()


def _log_warning(warning: ContentProblem) -> None:
    """Logged like W201: `--strict` and `edusite check` stop, `serve` goes on."""
    log.warning(
        f"{warning.path}:{warning.line}: {warning.message} [{warning.code}]; {warning.hint}"
    )
