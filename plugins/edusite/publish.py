"""Publish a build only when it succeeded: the last good site is never lost.

MkDocs empties `site_dir` before it starts and writes into it page by page, so a build that
fails (a content problem, strict mode's warnings) or is interrupted (Ctrl-C, a killed CI job)
leaves an empty or half-written site. `StagedBuild` points MkDocs at a staging folder beside
`site_dir` instead, and moves it into place only after every other plugin has finished;
otherwise the staging folder is removed and `site_dir` is left exactly as it was. A staging
folder left by an interrupted build is removed by the next one. No MkDocs import.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

STAGING = ".staging-"
RETIRED = ".retired-"


class StagedBuild:
    """One build's staging folder for `site_dir`: `path` to build into, then `publish()`
    or `abandon()`."""

    def __init__(self, site_dir: str | Path) -> None:
        self.site_dir = Path(site_dir).resolve()
        self.path = self.site_dir.with_name(f".{self.site_dir.name}{STAGING}{os.getpid()}")

    def begin(self) -> str:
        """Remove what earlier, interrupted builds left; return the folder to build into."""
        for leftover in self._leftovers():
            shutil.rmtree(leftover, ignore_errors=True)
        return str(self.path)

    def publish(self) -> None:
        """Put the staged site in place of `site_dir` (two renames on one file system)."""
        if not self.path.is_dir():
            raise FileNotFoundError(f"nothing was built into {self.path}")
        retired = self.site_dir.with_name(f".{self.site_dir.name}{RETIRED}{os.getpid()}")
        if self.site_dir.exists():
            self.site_dir.rename(retired)
        self.path.rename(self.site_dir)
        shutil.rmtree(retired, ignore_errors=True)

    def abandon(self) -> None:
        """Drop the staged files; `site_dir` is untouched."""
        shutil.rmtree(self.path, ignore_errors=True)

    def _leftovers(self) -> list[Path]:
        """Staging and retired folders of this `site_dir` whose build is no longer running."""
        prefix = f".{self.site_dir.name}"
        parent = self.site_dir.parent
        if not parent.is_dir():
            return []
        found = []
        for entry in parent.iterdir():
            for marker in (prefix + STAGING, prefix + RETIRED):
                pid = entry.name.removeprefix(marker)
                if pid != entry.name and entry.is_dir() and not _running(pid):
                    found.append(entry)
        return found


def _running(pid: str) -> bool:
    """Whether another process with this id is alive (its build may still be writing)."""
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
