"""quizkit and the quizzes import only the standard library (plus themselves): they must run
in Pyodide, where no other package is installed."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "plugins" / "quizkit").glob("*.py")) + sorted(
    (ROOT / "quizzes").rglob("*.py")
)
ALLOWED = set(sys.stdlib_module_names) | {"quizkit", "quizzes"}


def imported_tops(path: Path) -> set[str]:
    tops = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            tops |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            tops.add(node.module.split(".")[0])
    return tops


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_standard_library_imports(path: Path) -> None:
    assert imported_tops(path) <= ALLOWED


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_io(path: Path) -> None:
    """No file, network or process access: results depend on the answers alone."""
    banned = {"open", "input", "print", "eval", "exec"}
    calls = {
        node.func.id
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert not calls & banned
    assert not imported_tops(path) & {"os", "io", "socket", "subprocess", "urllib", "pathlib"}
