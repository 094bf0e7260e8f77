"""A byte-compiled copy of Pyodide's `python_stdlib.zip`, for the runtime's `stdLibURL`.

Pyodide ships its standard library as source; loading .pyc files instead saves compiling
every imported module in the reader's browser (boot is several times faster). The result is
cached by the hash of the zip, the compiler version and the Python that compiled it.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from edusite.quizc import cache
from edusite.quizc.pyodide_env import load_pyodide_env
from edusite.quizc.source import content_hash
from edusite.quizc.version import compiler_fingerprint
from edusite.quizc.wheel import py_compile_archive

STDLIB_ZIP = "python_stdlib.zip"


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
        compiled = py_compile_archive(work / STDLIB_ZIP)
        compiled.replace(staging / STDLIB_ZIP)
        shutil.rmtree(work)
        manifest = {"pyodide": env.version, "python": sys.version.split()[0], "key": key}
        return cache.publish(root, key, staging, manifest) / STDLIB_ZIP
    except BaseException:
        cache.discard(staging)
        raise
