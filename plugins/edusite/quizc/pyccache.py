"""Byte-compiled modules kept one by one, keyed by content: editing one quiz module
recompiles that module only (issue 9).

The whole-tree cache (`cache.py`) misses as soon as any file changes; then only the `.py`
files whose `.pyc` is not here go through `pyodide py-compile`, and the wheel is assembled
from these files. A `.pyc` depends on its path in the wheel and its bytes alone (py-compile
names code objects by that path and writes hash-based headers), so reuse gives the same
bytes as compiling everything. Layout: `<root>/<wheel tag>/<key>.pyc`, each file written
whole and renamed into place.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from edusite.quizc.source import content_hash
from edusite.quizc.version import compiler_fingerprint
from edusite.quizc.wheel import (
    WheelError,
    py_compile_archive,
    read_entries,
    wheel_filename,
    write_wheel,
)


def module_key(name: str, data: bytes) -> str:
    """The content key of one module's `.pyc`: its wheel path and bytes, this Python, and
    the code that compiles it."""
    tool = f"{compiler_fingerprint('wheel.py', 'pyccache.py')} python={sys.version}"
    return content_hash([(name, data)], tool)[:32]


def compile_entries(
    entries: dict[str, bytes], root: Path, work: Path, *, version: str, generator: str
) -> tuple[dict[str, bytes], str]:
    """`entries` with every `.py` replaced by its `.pyc` (cached, or compiled now in `work`),
    and the wheel tag the compiled files carry."""
    keys = {name: module_key(name, data) for name, data in entries.items() if _is_py(name)}
    found = {name: _lookup(root, key) for name, key in keys.items()}
    missing = [name for name, hit in found.items() if hit is None]
    if missing or not keys:
        tag, compiled = _compile(entries, missing, work, version=version, generator=generator)
        for name in missing:
            _store(root / tag / f"{keys[name]}.pyc", compiled[name])
            found[name] = (tag, compiled[name])
    tags = {tag for tag, _ in found.values() if tag}
    if len(tags) != 1:
        raise WheelError(f"byte-compiled modules carry different wheel tags: {sorted(tags)}")
    out = {name: data for name, data in entries.items() if not _is_py(name)}
    for name, (_, pyc) in found.items():  # type: ignore[misc]
        out[name[:-3] + ".pyc"] = pyc
    return out, tags.pop()


def _compile(
    entries: dict[str, bytes], names: list[str], work: Path, *, version: str, generator: str
) -> tuple[str, dict[str, bytes]]:
    """Compile `names` (and nothing else) with py-compile: the tag, and `.py` name -> `.pyc`."""
    subset = {n: d for n, d in entries.items() if not _is_py(n) or n in names}
    plain = work / wheel_filename(version, "py3-none-any")
    write_wheel(plain, subset, version=version, tag="py3-none-any", generator=generator)
    compiled_path = py_compile_archive(plain)
    tag = compiled_path.name.removesuffix(".whl").split("-", 2)[2]
    compiled = read_entries(compiled_path)
    try:
        return tag, {name: compiled[name[:-3] + ".pyc"] for name in names}
    except KeyError as missing:
        raise WheelError(f"pyodide py-compile wrote no {missing.args[0]}") from None


def _lookup(root: Path, key: str) -> tuple[str, bytes] | None:
    if not root.is_dir():
        return None
    for path in root.glob(f"*/{key}.pyc"):
        return path.parent.name, path.read_bytes()
    return None


def _store(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_bytes(data)
    partial.replace(path)


def _is_py(name: str) -> bool:
    return name.endswith(".py") and ".dist-info/" not in name
