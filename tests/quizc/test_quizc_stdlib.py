"""A byte-compiled python_stdlib.zip for Pyodide's stdLibURL, cached by content hash."""

from __future__ import annotations

import importlib.util
import zipfile

from edusite.quizc import compile_stdlib

from .conftest import PYODIDE


def test_every_module_is_compiled_once_and_cached(stdlib_cache):
    path = compile_stdlib(PYODIDE, cache_dir=stdlib_cache)
    assert path is not None and path.name == "python_stdlib.zip"
    with zipfile.ZipFile(PYODIDE / "python_stdlib.zip") as original:
        sources = {n for n in original.namelist() if n.endswith(".py")}
    with zipfile.ZipFile(path) as compiled:
        names = set(compiled.namelist())
        magic = compiled.read("json/__init__.pyc")[:4]
    assert {n + "c" for n in sources} <= names
    assert not [n for n in names if n.endswith(".py")]
    assert magic == importlib.util.MAGIC_NUMBER
    mtime = path.stat().st_mtime_ns
    assert compile_stdlib(PYODIDE, cache_dir=stdlib_cache) == path
    assert path.stat().st_mtime_ns == mtime


def test_none_when_pyodide_runs_another_python(tmp_path, old_pyodide):
    assert compile_stdlib(old_pyodide, cache_dir=tmp_path) is None
