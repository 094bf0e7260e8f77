"""A byte-compiled copy of Pyodide's `python_stdlib.zip`, for the runtime's `stdLibURL`.

Pyodide ships its standard library as source; loading .pyc files instead saves compiling
every imported module in the reader's browser (boot is several times faster). The .pyc files
carry no column positions and are compiled as `python -OO` does (no docstrings, no asserts:
a supported CPython mode; `help()` texts are gone): together 40% fewer gzipped bytes, and
the trimmed zip is checked to start Pyodide and run every quiz (`trim.py`). The zip is
written here, not by the tool: entries STORED (the site gzips the whole file, which
compresses the .pyc files together far better than per-entry deflate), sorted, with fixed
timestamps, so equal inputs give equal bytes and the file keeps its hashed name across
deploys. `subset_stdlib` keeps only named modules (see `trim.py`). Cached by the hash of the
zip, the compiler and the Python.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

from edusite.quizc import cache
from edusite.quizc.pyodide_env import load_pyodide_env
from edusite.quizc.source import content_hash
from edusite.quizc.version import compiler_fingerprint
from edusite.quizc.wheel import py_compile_archive, read_entries

STDLIB_ZIP = "python_stdlib.zip"
_EPOCH = (1980, 1, 1, 0, 0, 0)


def compile_stdlib(pyodide_dir: str | Path, *, cache_dir: str | Path) -> Path | None:
    """Path to a byte-compiled `python_stdlib.zip`, or None when it cannot be made here.

    None means the running Python's major.minor differs from Pyodide's, so its .pyc files
    would not load: the runtime should then use Pyodide's own zip.
    """
    env = load_pyodide_env(pyodide_dir)
    if not env.matches_running_python:
        return None
    source = env.directory / STDLIB_ZIP
    key = content_hash(
        [(STDLIB_ZIP, source.read_bytes())],
        compiler_fingerprint("stdlib.py", "wheel.py"),
        sys.version.split()[0],
    )[:16]
    root = Path(cache_dir) / "stdlib"
    if cache.load_manifest(root, key) is not None:
        return cache.entry_dir(root, key) / STDLIB_ZIP
    staging = cache.staging_dir(root)
    try:
        work = staging / "work"
        work.mkdir()
        shutil.copyfile(source, work / STDLIB_ZIP)
        compiled = py_compile_archive(work / STDLIB_ZIP, debug_ranges=False, optimize=2)
        write_stored_zip(staging / STDLIB_ZIP, read_entries(compiled))
        shutil.rmtree(work)
        manifest = {"pyodide": env.version, "python": sys.version.split()[0], "key": key}
        return cache.publish(root, key, staging, manifest) / STDLIB_ZIP
    except BaseException:
        cache.discard(staging)
        raise


def write_stored_zip(path: Path, entries: dict[str, bytes]) -> None:
    """A reproducible zip: STORED entries in name order, fixed timestamps and modes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as out:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.external_attr = 0o644 << 16
            out.writestr(info, entries[name])


def module_of(entry: str) -> str | None:
    """The module a zip entry holds (`json/__init__.pyc` -> `json`), None for data files."""
    if not entry.endswith(".pyc"):
        return None
    stem = entry.removesuffix(".pyc").removesuffix("/__init__")
    return stem.replace("/", ".")


def subset_stdlib(compiled: Path, modules: Iterable[str], target: Path) -> None:
    """Write to `target` the entries of the compiled zip that hold one of `modules`."""
    keep = set(modules)
    entries = read_entries(compiled)
    write_stored_zip(target, {n: d for n, d in entries.items() if module_of(n) in keep})
