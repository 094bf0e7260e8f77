"""Writing the quiz wheel: a reproducible zip with `.dist-info/METADATA`, `WHEEL` and `RECORD`.

A wheel is only a zip archive with three metadata files, so it is written directly with
`zipfile` (entries sorted, fixed timestamps, so equal inputs give equal bytes). Byte-
compiling is delegated to pyodide-build's `pyodide py-compile`, the tool Pyodide uses for
its own packages; it leaves RECORD stale, so the wheel is then re-recorded here.
"""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

DIST_NAME = "edusite_quizzes"
_EPOCH = (1980, 1, 1, 0, 0, 0)
_METADATA_FILES = ("WHEEL", "RECORD")


_PY_COMPILE = "from pyodide_build.cli.py_compile import main; main()"


class WheelError(RuntimeError):
    """Raised when byte-compiling the wheel fails (a tool problem, not an editor's)."""


def wheel_filename(version: str, tag: str) -> str:
    """`edusite_quizzes-<version>-<tag>.whl` (the version carries the content hash)."""
    return f"{DIST_NAME}-{version}-{tag}.whl"


def metadata(version: str, summary: str) -> bytes:
    """The core metadata file, just what installers read."""
    text = (
        "Metadata-Version: 2.1\n"
        f"Name: {DIST_NAME.replace('_', '-')}\n"
        f"Version: {version}\n"
        f"Summary: {summary}\n"
    )
    return text.encode()


def write_wheel(
    path: Path, entries: dict[str, bytes], *, version: str, tag: str, generator: str
) -> None:
    """Write `entries` plus WHEEL and RECORD (sha256 of every file) to the zip at `path`."""
    dist_info = f"{DIST_NAME}-{version}.dist-info"
    files = {
        name: data
        for name, data in entries.items()
        if name.split("/", 1)[0] != dist_info or name.rsplit("/", 1)[-1] not in _METADATA_FILES
    }
    files[f"{dist_info}/WHEEL"] = (
        f"Wheel-Version: 1.0\nGenerator: {generator}\nRoot-Is-Purelib: true\nTag: {tag}\n"
    ).encode()
    record_name = f"{dist_info}/RECORD"
    rows = [f"{name},sha256={_urlsafe_sha256(data)},{len(data)}" for name, data in files.items()]
    rows.append(f"{record_name},,")
    files[record_name] = ("\n".join(sorted(rows)) + "\n").encode()
    write_zip(path, files, last=dist_info)


def write_zip(path: Path, files: dict[str, bytes], *, last: str | None = None) -> None:
    """A reproducible zip: entries sorted (those starting with `last` at the end, as a
    wheel's metadata), fixed timestamps and modes, so equal inputs give equal bytes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for name in sorted(files, key=lambda n: (last is not None and n.startswith(last), n)):
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, files[name])


def read_entries(path: Path) -> dict[str, bytes]:
    """Every file of a zip archive, by name."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if not name.endswith("/")}


def py_compile_archive(path: Path, *, debug_ranges: bool = True, optimize: int = 0) -> Path:
    """Run `pyodide py-compile` on a .whl/.zip and return the compiled archive's path.

    SOURCE_DATE_EPOCH makes py_compile write hash-based .pyc headers instead of the
    temporary files' mtimes, so the output depends on the sources only. The command is
    pyodide-build's own `py-compile` click command, started directly: `pyodide py-compile`
    does the same after loading every CLI plugin, which takes 4x as long. Without
    `debug_ranges` the code objects carry no column positions (PYTHONNODEBUGRANGES): about a
    quarter fewer bytes, and tracebacks lose only their `^^^` markers. `optimize` is
    Python's -O level (2: no asserts, no docstrings), through PYTHONOPTIMIZE.
    """
    before = set(path.parent.iterdir())
    env = {**os.environ, "SOURCE_DATE_EPOCH": "315532800"}
    if not debug_ranges:
        env["PYTHONNODEBUGRANGES"] = "1"
    if optimize:
        env["PYTHONOPTIMIZE"] = str(optimize)
    command = [sys.executable, "-c", _PY_COMPILE, "--silent", "--keep", str(path)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    created = [p for p in set(path.parent.iterdir()) - before if p.suffix == path.suffix]
    if done.returncode != 0 or (path.suffix == ".whl" and len(created) != 1):
        raise WheelError(f"pyodide py-compile failed on {path.name}: {done.stderr or done.stdout}")
    return created[0] if created else path


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _urlsafe_sha256(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
