"""Static checks of quiz sources: syntax, and imports only Pyodide's standard library has.

Quiz modules run in the reader's browser, where only Pyodide's standard library, `quizkit`
and the quizzes package itself are installed. Walking the AST catches `import numpy` at
build time, with its line, instead of as an error in a reader's browser. Dynamic imports
(`importlib.import_module`, `__import__`) are deliberately not chased.
"""

from __future__ import annotations

import ast
from pathlib import Path

from edusite.errors import ContentProblem, quoted_line
from edusite.quizc.codes import FORBIDDEN_IMPORT, IMPORT_FAILED

_HINT = (
    "Quizzes run in the reader's browser (Pyodide), which has only Python's standard "
    "library, `quizkit` and the quizzes package; compute it with the standard library."
)


def check_sources(
    files: dict[Path, str], *, display: dict[Path, str], local: set[str], allowed: frozenset[str]
) -> tuple[list[ContentProblem], set[Path]]:
    """Problems in `files` (path -> text) and the files not to import: they do not parse,
    or they import what the browser lacks (importing them here would fail, or worse, work).

    `local` are the top-level names shipped with the quizzes (`quizkit`, the package name);
    `allowed` is Pyodide's standard library; `display` maps a path to how it is reported.
    """
    problems: list[ContentProblem] = []
    broken: set[Path] = set()
    for path, text in files.items():
        shown = display[path]
        try:
            tree = ast.parse(text, filename=shown)
        except SyntaxError as error:
            broken.add(path)
            line = error.lineno or 1
            problems.append(
                ContentProblem(
                    shown,
                    line,
                    IMPORT_FAILED,
                    f"Python syntax error: {error.msg}",
                    "Fix the quiz module's Python syntax.",
                    quoted_line(text, line),
                )
            )
            continue
        for line, name in absolute_imports(tree):
            top = name.split(".", 1)[0]
            if top in local or top in allowed:
                continue
            problems.append(
                ContentProblem(
                    shown,
                    line,
                    FORBIDDEN_IMPORT,
                    f"imports `{name}`, which is not available in the reader's browser",
                    _HINT,
                    quoted_line(text, line),
                )
            )
            broken.add(path)
    return problems, broken


def absolute_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, dotted name) of every absolute import, at any depth (functions included)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found
