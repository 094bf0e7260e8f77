"""The same sources give a byte-identical site (issue 9): unchanged files keep their names,
so readers' caches and a host's ETags survive a deploy that changed nothing.

The real site is copied into two folders at different paths and built in each with an empty
compile cache, on two different days (SOURCE_DATE_EPOCH): any absolute path, build date,
timestamp or unordered iteration that reaches `site/` shows up as a differing file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

SOURCES = ("mkdocs.yml", "content", "quizzes", "site_overrides")
DAYS = ("1796083200", "1797292800")  # 2026-12-01 and 2026-12-15, UTC


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


def build(project: Path, day: str) -> Path:
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": day}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return site


def tree(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_two_builds_of_the_same_sources_are_byte_identical(tmp_path: Path) -> None:
    first = copy_project(tmp_path / "one")
    second = copy_project(tmp_path / "elsewhere" / "two")
    a = tree(build(first, DAYS[0]))
    b = tree(build(second, DAYS[1]))
    assert sorted(a) == sorted(b), "the two builds wrote different files"
    differing = [name for name in a if a[name] != b[name]]
    assert differing == [], f"these files differ between two builds: {differing}"
    # The sitemap dates an article by its `reviewed` date, other pages not at all.
    sitemap = a["sitemap.xml"].decode()
    assert "<lastmod>2026-11-25</lastmod>" in sitemap
    assert sitemap.count("<lastmod>") == sitemap.count("/runners-knee/</loc>") == 1
