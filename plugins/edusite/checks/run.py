"""`edusite check`: every content problem at once, without building the site.

It runs MkDocs's own pipeline up to `on_env` (config, files, nav, then each page's Markdown
rendered with all extensions and plugins), which is where the build reports content problems,
and stops there: no theme templates, no search index, no Pyodide copy, nothing written. So it
finds exactly what `mkdocs build --strict` finds, with the same messages, in a fraction of the
time. Warnings logged under `mkdocs.*` count as problems, as in strict mode. Each article's
reading grade is printed too, one line per article, whether or not it passes.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from pathlib import Path
from typing import TextIO

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from edusite.checks.annotate import github_annotation

EXIT_OK, EXIT_PROBLEMS, EXIT_CONFIG = 0, 1, 2


def _render_page(file: File, config: MkDocsConfig, files: Files) -> None:
    """Read and render one page as the build does, firing the same plugin events."""
    page = file.page if file.page is not None else Page(None, file, config)
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(
            page.markdown or "", page=page, config=config, files=files
        )
        page.render(config, files)
        page.content = config.plugins.on_page_content(
            page.content or "", page=page, config=config, files=files
        )
    finally:
        config._current_page = None


def _run_pipeline(config: MkDocsConfig) -> int:
    """Config, files, nav and every page up to `on_env`; returns the number of pages."""
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    files = get_files(config)
    env = config.theme.get_env()  # theme files are not content: not added, saving time
    files = config.plugins.on_files(files, config=config)
    nav = get_navigation(files, config)
    config.plugins.on_nav(nav, config=config, files=files)
    pages = list(files.documentation_pages())
    for file in pages:
        _render_page(file, config, files)
    config.plugins.on_env(env, config=config, files=files)
    return len(pages)


def _print_readings(config: MkDocsConfig, out: TextIO) -> None:
    """One line per article with its reading grade, so editors see it before it fails."""
    checks = getattr(config.plugins.get("edusite"), "site_checks", None)
    for path, reading in getattr(checks, "readings", {}).items():
        print(f"{path}: {reading.summary()}", file=out)


def check_site(
    config_file: str | Path | None = None,
    out: TextIO = sys.stderr,
    annotations: TextIO | None = None,
) -> int:
    """Check the site of `config_file` (default `mkdocs.yml`); print problems; exit status.

    With `annotations`, each content problem is also written there as a GitHub Actions
    `::error` command (the CLI does this when it runs in GitHub Actions).
    """
    started = time.monotonic()
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    printer = logging.StreamHandler(out)
    printer.setLevel(logging.WARNING)
    printer.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(counter)
    mkdocs_log.addHandler(printer)
    try:
        with tempfile.TemporaryDirectory(prefix="edusite-check-") as scratch:
            try:
                config = load_config(str(config_file) if config_file else None, site_dir=scratch)
            except (ConfigurationError, Abort) as error:
                print(f"edusite check: cannot load the MkDocs configuration: {error}", file=out)
                return EXIT_CONFIG
            config.plugins.on_startup(command="build", dirty=False)
            try:
                pages = _run_pipeline(config)
                _print_readings(config, out)
            except PluginError as error:
                _print_readings(config, out)
                print(error, file=out)
                for problem in getattr(error, "problems", []) if annotations else []:
                    print(github_annotation(problem), file=annotations)
                return EXIT_PROBLEMS
            finally:
                config.plugins.on_shutdown()
    finally:
        mkdocs_log.removeHandler(counter)
        mkdocs_log.removeHandler(printer)
    if counts := counter.get_counts():
        summary = ", ".join(f"{count} {level.lower()}s" for level, count in counts)
        print(f"edusite check: failed with {summary} (see above)", file=out)
        return EXIT_PROBLEMS
    seconds = time.monotonic() - started
    print(f"edusite check: no problems in {pages} pages ({seconds:.2f} s)", file=out)
    return EXIT_OK
