"""A build never loses the last good site: it is built beside `site/` and swapped in on success.

Unit tests drive `StagedBuild` on folders; the others run real `mkdocs build --strict` on a
copy of the small site: a failed build, and a build killed while writing, must leave the
previous site byte for byte, and the next good build must clean up after the killed one.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from edusite.publish import StagedBuild

from tests.badinputs.sitecopy import make_site, mkdocs_build

BROKEN = "\nA claim with an unknown source [@no-such-key].\n"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_publish_swaps_the_staged_site_in(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    staged = StagedBuild(site)
    building = Path(staged.begin())
    assert building.parent == tmp_path and not building.exists()
    building.mkdir()
    (building / "new.html").write_text("new")
    staged.publish()
    assert sorted(p.name for p in site.iterdir()) == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_abandon_leaves_the_site_and_no_staging(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("good")
    staged = StagedBuild(site)
    Path(staged.begin()).mkdir()
    staged.abandon()
    assert snapshot(site) == {"index.html": hashlib.sha256(b"good").hexdigest()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_leftovers_of_dead_builds_go_but_a_running_builds_folder_stays(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (tmp_path / f".site.staging-{dead}").mkdir()
    (tmp_path / f".site.retired-{dead}").mkdir()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (tmp_path / f".site.staging-{alive.pid}").mkdir()
        StagedBuild(tmp_path / "site").begin()
        assert sorted(p.name for p in tmp_path.iterdir()) == [f".site.staging-{alive.pid}"]
    finally:
        alive.kill()
        alive.wait()


def test_a_failed_build_leaves_the_last_good_site_byte_for_byte(tmp_path: Path) -> None:
    project = make_site(tmp_path / "project").parent
    out = tmp_path / "out"
    assert mkdocs_build(project, out).returncode == 0
    good = snapshot(out)
    assert "index.html" in good
    with (project / "content" / "guide.md").open("a", encoding="utf-8") as page:
        page.write(BROKEN)
    failed = mkdocs_build(project, out)
    assert failed.returncode == 1 and "[E210]" in failed.stderr
    assert snapshot(out) == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "project"]


def test_a_build_killed_while_writing_leaves_the_site_and_the_next_build_cleans_up(
    tmp_path: Path,
) -> None:
    project = make_site(tmp_path / "project").parent
    out = tmp_path / "out"
    assert mkdocs_build(project, out).returncode == 0
    good = snapshot(out)
    (project / "content" / "guide.md").write_text(
        (project / "content" / "guide.md").read_text("utf-8") + "\nOne more sentence.\n", "utf-8"
    )
    build = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    staging = tmp_path / f".out.staging-{build.pid}"
    deadline = time.monotonic() + 60
    while not (staging / "index.html").exists() and build.poll() is None:
        assert time.monotonic() < deadline, "the build never started writing"
        time.sleep(0.005)
    build.send_signal(signal.SIGKILL)
    build.wait()
    if build.returncode == -signal.SIGKILL and staging.exists():
        assert snapshot(out) == good  # killed mid-write: the old site is whole
    assert mkdocs_build(project, out).returncode == 0
    assert "One more sentence." in (out / "guide" / "index.html").read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "project"]
