"""What the pinned Pyodide offers: its Python version and the modules its standard library has.

Read from the npm package itself (`node_modules/pyodide`), never hard-coded, so bumping the
pinned Pyodide updates the import allow-list and the byte-compile decision with it. The
module list is the union of `python_stdlib.zip` (pure-Python modules), the extension modules
linked into `pyodide.asm.wasm` (found by their `PyInit_<name>` symbols) and the few modules
every CPython interpreter creates without an init function.
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

# Created by the interpreter core itself (no PyInit_ symbol), present in every CPython.
_CORE_MODULES = frozenset({"builtins", "sys", "marshal", "_warnings", "_imp", "_io"})
_PYINIT = re.compile(rb"PyInit_([A-Za-z0-9_]+)")


@dataclass(frozen=True)
class PyodideEnv:
    """Facts about one Pyodide distribution folder."""

    directory: Path
    version: str
    python_version: str

    @property
    def python_major_minor(self) -> tuple[int, int]:
        major, minor = self.python_version.split(".")[:2]
        return int(major), int(minor)

    @property
    def matches_running_python(self) -> bool:
        """True when .pyc files written by this interpreter load in Pyodide."""
        return self.python_major_minor == tuple(sys.version_info[:2])


def load_pyodide_env(pyodide_dir: str | Path) -> PyodideEnv:
    """Read the Pyodide and Python versions from `pyodide_dir` (two small JSON files)."""
    directory = Path(pyodide_dir)
    package = json.loads((directory / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((directory / "pyodide-lock.json").read_text(encoding="utf-8"))
    return PyodideEnv(
        directory=directory,
        version=str(package["version"]),
        python_version=str(lock["info"]["python"]),
    )


def stdlib_modules(pyodide_dir: str | Path) -> frozenset[str]:
    """Top-level module names Pyodide's standard library can import without loading packages."""
    directory = Path(pyodide_dir)
    names: set[str] = set(_CORE_MODULES)
    with zipfile.ZipFile(directory / "python_stdlib.zip") as archive:
        for entry in archive.namelist():
            top = entry.split("/", 1)[0]
            if "/" in entry:
                names.add(top)
            elif top.endswith(".py"):
                names.add(top.removesuffix(".py"))
    names.discard("site-packages")
    wasm = (directory / "pyodide.asm.wasm").read_bytes()
    names.update(match.decode("ascii") for match in _PYINIT.findall(wasm))
    return frozenset(names)
