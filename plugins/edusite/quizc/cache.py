"""The compile cache: one folder per content hash, published atomically, old ones pruned.

An entry is built in a temporary sibling folder and renamed into place only once every file
(manifest last) is written, so a crash or a failed compile never leaves a half-written wheel
where a later build would pick it up. The key is a content hash of everything that affects
the output, so a stale entry can never be mistaken for a fresh one.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
KEEP_ENTRIES = 8


def entry_dir(root: Path, key: str) -> Path:
    """Where the entry for `key` lives (it may not exist)."""
    return root / key


def load_manifest(root: Path, key: str) -> dict[str, Any] | None:
    """The manifest of a complete entry, or None on a cache miss."""
    path = entry_dir(root, key) / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def staging_dir(root: Path) -> Path:
    """A fresh private folder to build an entry in (pass it to `publish` or `discard`)."""
    root.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=".tmp-", dir=root))


def publish(root: Path, key: str, staging: Path, manifest: dict[str, Any]) -> Path:
    """Write the manifest into `staging`, then rename it to the entry for `key`."""
    staging.chmod(0o755)
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), "utf-8")
    target = entry_dir(root, key)
    if target.is_dir() and not (target / MANIFEST).is_file():
        shutil.rmtree(target)  # not a published entry (no manifest): made by hand or a crash
    try:
        os.rename(staging, target)
    except OSError:
        # Another build published the same key first: its content is identical.
        shutil.rmtree(staging, ignore_errors=True)
        if not (target / MANIFEST).is_file():
            raise
    _prune(root, keep=target)
    return target


def discard(staging: Path) -> None:
    """Remove a staging folder after a failure."""
    shutil.rmtree(staging, ignore_errors=True)


def _prune(root: Path, *, keep: Path) -> None:
    entries = [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")]
    entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP_ENTRIES:]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)
