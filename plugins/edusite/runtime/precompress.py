"""Gzip copies of the large runtime files, made once and kept in the build cache.

Many static hosts compress nothing (or not `.wasm` and `.zip`), so the site ships these files
gzip-compressed and the quiz worker decodes them itself with `DecompressionStream("gzip")`:
every host then sends the small bytes. gzip is the strongest format a worker can decode
natively (no brotli there). The output is reproducible (no name or time in the header), so a
file's URL and digest stay the same across builds. Level 9 of the Pyodide wasm takes seconds,
hence the cache, keyed by the source's SHA-256.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path

GZIP_FILES = ("pyodide.asm.wasm", "pyodide-lock.json")
"""Pyodide's files shipped only gzipped (beside the standard library zip)."""

GZIP_BESIDE_FILES = ("pyodide.asm.js",)
"""Pyodide's files shipped both plain and gzipped. Pyodide `import()`s this script by URL,
which cannot take decoded bytes; the worker imports the decoded copy itself as a `blob:`
module where no Content-Security-Policy header binds it, and else leaves the plain file to
Pyodide. pyodide.mjs (18 KB) stays plain only: the worker imports it by URL."""


def gzipped(source: Path, cache_dir: Path) -> Path:
    """A `<name>.gz` copy of `source` in `cache_dir/gzip/` (made on a miss, atomically)."""
    data = source.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:16]
    target = cache_dir / "gzip" / digest / f"{source.name}.gz"
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(gzip.compress(data, compresslevel=9, mtime=0))
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target
