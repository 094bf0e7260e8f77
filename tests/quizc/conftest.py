"""Fixtures for the quiz compiler: copies of the fixture quiz packages and a compile helper.

Every test compiles a copy under tmp_path, so editing files and filling caches never touches
the repository.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from edusite.quizc import CompiledQuizzes, compile_quizzes, compile_stdlib

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).with_name("fixtures")
PYODIDE = ROOT / "node_modules" / "pyodide"
KEYS = ("known-source",)


@pytest.fixture
def project(tmp_path: Path) -> Callable[[str], Path]:
    """Copy fixtures/<name> into tmp_path/<name> and return its `quizzes` package folder."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(FIXTURES / name, target, ignore=shutil.ignore_patterns("__pycache__"))
        return target / "quizzes"

    return copy


@pytest.fixture
def compile_(tmp_path: Path) -> Callable[..., CompiledQuizzes]:
    """compile_quizzes with this test's cache folder, the repo's Pyodide and KEYS."""

    def run(quizzes: Path, **options: object) -> CompiledQuizzes:
        options.setdefault("cache_dir", tmp_path / "cache")
        options.setdefault("bibliography_keys", KEYS)
        options.setdefault("pyodide_dir", PYODIDE)
        return compile_quizzes(quizzes, **options)  # type: ignore[arg-type]

    return run


@pytest.fixture(scope="session")
def good_compiled(tmp_path_factory: pytest.TempPathFactory) -> CompiledQuizzes:
    """fixtures/good compiled once, for the tests that only read the result."""
    base = tmp_path_factory.mktemp("good")
    shutil.copytree(FIXTURES / "good", base / "good", ignore=shutil.ignore_patterns("__pycache__"))
    return compile_quizzes(
        base / "good" / "quizzes",
        cache_dir=base / "cache",
        bibliography_keys=KEYS,
        pyodide_dir=PYODIDE,
    )


@pytest.fixture(scope="session")
def stdlib_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding the byte-compiled stdlib (compiled once: it takes seconds)."""
    cache_dir = tmp_path_factory.mktemp("stdlib-cache")
    compile_stdlib(PYODIDE, cache_dir=cache_dir)
    return cache_dir


@pytest.fixture
def old_pyodide(tmp_path: Path) -> Path:
    """A Pyodide folder that claims Python 3.12: .pyc made here would not load in it."""
    import json

    target = tmp_path / "pyodide-3.12"
    target.mkdir()
    for name in ("package.json", "python_stdlib.zip", "pyodide.asm.wasm"):
        (target / name).symlink_to(PYODIDE / name)
    lock = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    lock["info"]["python"] = "3.12.7"
    (target / "pyodide-lock.json").write_text(json.dumps(lock), encoding="utf-8")
    return target
