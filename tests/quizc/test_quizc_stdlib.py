"""A byte-compiled python_stdlib.zip for Pyodide's stdLibURL, cached by content hash."""

from __future__ import annotations

import importlib.util
import zipfile

from edusite.quizc import compile_stdlib
from edusite.quizc.stdlib import module_of, subset_stdlib

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
    with zipfile.ZipFile(path) as compiled:  # reproducible, and compressible as a whole
        infos = compiled.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {(i.compress_type, i.date_time) for i in infos} == {
        (zipfile.ZIP_STORED, (1980, 1, 1, 0, 0, 0))
    }
    mtime = path.stat().st_mtime_ns
    assert compile_stdlib(PYODIDE, cache_dir=stdlib_cache) == path
    assert path.stat().st_mtime_ns == mtime


def test_none_when_pyodide_runs_another_python(tmp_path, old_pyodide):
    assert compile_stdlib(old_pyodide, cache_dir=tmp_path) is None


def test_a_subset_keeps_the_named_modules_only(stdlib_cache, tmp_path):
    path = compile_stdlib(PYODIDE, cache_dir=stdlib_cache)
    assert path is not None
    subset_stdlib(path, ["json", "json.decoder", "re"], tmp_path / "a.zip")
    subset_stdlib(path, ["re", "json.decoder", "json"], tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "a.zip") as trimmed:
        assert trimmed.namelist() == ["json/__init__.pyc", "json/decoder.pyc", "re/__init__.pyc"]
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_module_of_a_zip_entry():
    assert module_of("json/__init__.pyc") == "json"
    assert module_of("zipfile/_path/glob.pyc") == "zipfile._path.glob"
    assert module_of("typing.pyc") == "typing"
    assert module_of("site-packages/README.txt") is None
