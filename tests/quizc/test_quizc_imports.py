"""The import allow-list comes from the pinned Pyodide, and the AST check uses it."""

from __future__ import annotations

from pathlib import Path

import pytest
from edusite.quizc.imports import check_sources
from edusite.quizc.pyodide_env import load_pyodide_env, stdlib_modules

from .conftest import PYODIDE


@pytest.fixture(scope="module")
def allowed() -> frozenset[str]:
    return stdlib_modules(PYODIDE)


def test_versions_are_read_from_the_npm_package():
    env = load_pyodide_env(PYODIDE)
    assert env.version == "0.29.5"
    assert env.python_version == "3.13.2"
    assert env.matches_running_python


def test_allow_list_has_pure_and_compiled_stdlib_modules(allowed):
    # pure Python, from python_stdlib.zip
    assert {"json", "statistics", "fractions", "dataclasses", "zoneinfo"} <= allowed
    # C extensions linked into pyodide.asm.wasm
    assert {"math", "itertools", "_json", "time", "unicodedata"} <= allowed
    # not in the zip: separate Pyodide packages, or not Python's at all
    assert not {"sqlite3", "ssl", "lzma", "numpy", "requests", "site-packages"} & allowed


def _check(text: str, allowed: frozenset[str]):
    path = Path("quizzes/demo/x.py")
    return check_sources(
        {path: text}, display={path: str(path)}, local={"quizzes", "quizkit"}, allowed=allowed
    )


def test_stdlib_local_and_relative_imports_pass(allowed):
    text = (
        "import math, json\nfrom statistics import mean\nfrom quizkit import Quiz\n"
        "from quizzes.demo import units\nfrom . import units\nfrom .units import km\n"
    )
    assert _check(text, allowed) == ([], set())


def test_imports_the_browser_lacks_are_reported_with_lines(allowed):
    text = "import math\nimport sqlite3\n\ndef f():\n    import numpy.linalg as la\n"
    problems, skipped = _check(text, allowed)
    assert [(p.line, p.code, p.message) for p in problems] == [
        (2, "E412", "imports `sqlite3`, which is not available in the reader's browser"),
        (5, "E412", "imports `numpy.linalg`, which is not available in the reader's browser"),
    ]
    assert problems[1].source_line == "    import numpy.linalg as la"
    assert skipped == {Path("quizzes/demo/x.py")}


def test_a_syntax_error_is_reported_once_at_its_line(allowed):
    problems, skipped = _check("x = 1\nif x\n    pass\n", allowed)
    assert [(p.line, p.code, p.message) for p in problems] == [
        (2, "E411", "Python syntax error: expected ':'")
    ]
    assert skipped == {Path("quizzes/demo/x.py")}
