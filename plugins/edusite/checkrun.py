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

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.utils import CountHandler

from edusite.checks.annotate import github_annotation
from edusite.plugin import CheckFinished

EXIT_OK, EXIT_PROBLEMS, EXIT_CONFIG = 0, 1, 2


class _Printer(logging.Handler):
    """Warnings at once, as `WARNING: message`; errors (a content error is already the
    `path:line: ...` list) held until `release()`, so they come after the reading grades."""

    def __init__(self, out: TextIO) -> None:
        super().__init__(logging.WARNING)
        self.out = out
        self.held: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.levelno >= logging.ERROR:
            self.held.append(text)
        else:
            print(f"{record.levelname}: {text}", file=self.out)

    def release(self) -> None:
        for text in self.held:
            print(text, file=self.out)
        self.held.clear()


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
    printer = _Printer(out)
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
            config.plugins.on_startup(command="check", dirty=False)
            try:
                build(config)
            except CheckFinished as finished:
                pages = finished.pages
                _print_readings(config, out)
            except Abort:  # MkDocs logged the error (our printer holds it) and aborted
                _print_readings(config, out)
                printer.release()
                error = getattr(config.plugins.get("edusite"), "build_error", None)
                for problem in getattr(error, "problems", []) if annotations else []:
                    print(github_annotation(problem), file=annotations)
                return EXIT_PROBLEMS
            else:  # the plugin is not enabled: MkDocs built into the scratch folder
                pages = 0
            finally:
                config.plugins.on_shutdown()
    finally:
        printer.release()
        mkdocs_log.removeHandler(counter)
        mkdocs_log.removeHandler(printer)
    if counts := counter.get_counts():
        summary = ", ".join(f"{count} {level.lower()}s" for level, count in counts)
        print(f"edusite check: failed with {summary} (see above)", file=out)
        return EXIT_PROBLEMS
    seconds = time.monotonic() - started
    print(f"edusite check: no problems in {pages} pages ({seconds:.2f} s)", file=out)
    return EXIT_OK
