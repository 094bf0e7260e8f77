"""A small site to break: `base/` plus the project's mkdocs.yml, theme overrides and Pyodide.

Every bad-input case and the workflow tests start from a fresh copy in a temporary folder,
so a test can edit files freely and nothing of the real site is touched.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASE = Path(__file__).parent / "base"
# Top-level `nav:` of the project's mkdocs.yml names the project's own pages: drop it.
PLUGIN_OPTIONS = "plugin-options.yml"
"""Beside a case's `files/`: extra options for the edusite plugin, one `name: value` a line."""
MKDOCS_PREPEND = "mkdocs-prepend.yml"
"""Beside a case's `files/`: top-level settings put first in mkdocs.yml (e.g. a `nav:`), so
their line numbers do not move when the project's mkdocs.yml changes."""
_NAV_BLOCK = re.compile(r"^nav:.*?(?=^\S|\Z)", re.MULTILINE | re.DOTALL)


def make_site(dest: Path, overlay: Path | None = None) -> Path:
    """Copy the small site into `dest` (then `overlay` on top); return its mkdocs.yml."""
    shutil.copytree(BASE, dest, dirs_exist_ok=True)
    config = _NAV_BLOCK.sub("", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    # The quiz cache is keyed by content hash, so sharing the project's is safe and fast.
    (ROOT / ".cache").mkdir(exist_ok=True)
    for shared in ("site_overrides", "node_modules", ".cache"):
        if (ROOT / shared).exists() and not (dest / shared).exists():
            (dest / shared).symlink_to(ROOT / shared, target_is_directory=True)
    if overlay is not None:
        shutil.copytree(overlay, dest, dirs_exist_ok=True)
        options = overlay.parent / PLUGIN_OPTIONS
        if options.exists():
            add_plugin_options(dest / "mkdocs.yml", options.read_text(encoding="utf-8"))
        prepend = overlay.parent / MKDOCS_PREPEND
        if prepend.exists():
            config = dest / "mkdocs.yml"
            text = prepend.read_text(encoding="utf-8") + config.read_text(encoding="utf-8")
            config.write_text(text, encoding="utf-8")
    return dest / "mkdocs.yml"


def add_plugin_options(config: Path, options: str) -> None:
    """Put `options` (`name: value` lines, e.g. another `bibliography:`) under `- edusite:`
    in `config`: a case or test changes one option and keeps the project's others. An option
    the project sets already is replaced (its continuation lines too), not given twice."""
    lines = [f"      {line}" for line in options.splitlines() if line]
    text = config.read_text(encoding="utf-8")
    assert "  - edusite:\n" in text, "the project's mkdocs.yml no longer lists `- edusite:`"
    for name in (line.split(":", 1)[0].strip() for line in lines if ":" in line):
        text = re.sub(rf"^      {re.escape(name)}:.*\n(?:       .*\n)*", "", text, flags=re.M)
    config.write_text(text.replace("  - edusite:\n", "  - edusite:\n" + "\n".join(lines) + "\n", 1))


def copy_project(dest: Path) -> Path:
    """A copy of the real site (articles, bibliography, quizzes); return its mkdocs.yml."""
    for folder in ("content", "quizzes"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for shared in ("site_overrides", "node_modules", ".cache"):
        if (ROOT / shared).exists():
            (dest / shared).symlink_to(ROOT / shared, target_is_directory=True)
    return dest / "mkdocs.yml"


def run(
    args: list[str], cwd: Path, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m <args>` in `cwd` the way an editor would (fresh interpreter)."""
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={
            **os.environ,
            "GITHUB_ACTIONS": "",  # as on an editor's machine, unless a test says otherwise
            "NO_MKDOCS_2_WARNING": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
            **(env or {}),
        },
    )


def edusite_check(site: Path) -> subprocess.CompletedProcess[str]:
    return run(["edusite.cli", "check"], site)


def mkdocs_build(site: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    return run(["mkdocs", "build", "--strict", "--clean", "--site-dir", str(site_dir)], site)
