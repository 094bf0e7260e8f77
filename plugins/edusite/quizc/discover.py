"""Import the quiz modules in a fresh Python process and bring back what they define.

Why a subprocess rather than purging `quizzes.*` from sys.modules: a purge cannot undo what
an import did (modules a quiz imported, registries, monkey-patching), whereas a new process
starts clean on every build, so `mkdocs serve` always sees the files as they are now; a quiz
stuck in a loop can be stopped; and the authors' code never runs inside MkDocs. It costs one
interpreter start (~0.1 s), and only on a cache miss.

Each module's import gets `timeout` seconds, and checking each quiz object three times that
(`probe.CHECK_FACTOR`: it runs thousands of answer combinations). The probe's watchdog
(`probe.Watchdog`) then ends it and leaves the traceback, so a loop is reported at its own
file and line within seconds, and `mkdocs serve` shows the problem banner instead of
freezing. `BACKSTOP_SECONDS` only guards against the probe itself hanging.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

PROBE = Path(__file__).with_name("probe.py")
TIMEOUT_SECONDS = 5.0
"""Default seconds one module may take to import (`quizzes_timeout`)."""
BACKSTOP_SECONDS = 300.0
"""The whole probe's limit, should the per-step watchdog itself fail."""
_FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+)')


class ProbeError(RuntimeError):
    """The probe process crashed or ran out of time (reported as one problem)."""


class ProbeTimeout(ProbeError):
    """One step of the probe ran out of time: `file` and `line` are where it was running
    (the innermost frame in the authors' files, else the module being worked on, line 1)."""

    def __init__(self, message: str, file: str, line: int) -> None:
        super().__init__(message)
        self.file = file
        self.line = line


def run_probe(
    package_dir: Path, quizkit_dir: Path, modules: dict[str, Path], *, timeout: float
) -> dict[str, Any]:
    """Facts about every quiz object in `modules` ({dotted name: file}), from `probe.py`."""
    roots = [str(package_dir) + "/"]
    with tempfile.TemporaryDirectory(prefix="edusite-quizc-") as work:
        request_path, out_path = Path(work, "request.json"), Path(work, "facts.json")
        watchdog = Path(work, "watchdog.txt")
        request = {
            "sys_path": [str(package_dir.parent), str(quizkit_dir.parent)],
            "roots": roots,
            "modules": {name: str(path) for name, path in modules.items()},
            "watchdog": str(watchdog),
            "step_seconds": timeout,
        }
        request_path.write_text(json.dumps(request), encoding="utf-8")
        # -I: ignore PYTHONPATH and the current folder; -B: no __pycache__ in quizzes/
        # (mkdocs serve watches that folder and would rebuild in a loop).
        command = [sys.executable, "-I", "-B", str(PROBE), str(request_path), str(out_path)]
        try:
            done = subprocess.run(
                command,
                cwd=work,
                capture_output=True,
                text=True,
                timeout=BACKSTOP_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ProbeError(
                f"importing and running the quizzes took longer than {BACKSTOP_SECONDS:g} s"
            ) from None
        if done.returncode != 0 or not out_path.is_file():
            stopped = _timed_out(watchdog, roots, timeout)
            if stopped is not None:
                raise stopped
            tail = "\n".join(done.stderr.strip().splitlines()[-6:])
            raise ProbeError(f"the quiz probe stopped with exit code {done.returncode}:\n{tail}")
        return json.loads(out_path.read_text(encoding="utf-8"))


def timed_out(report: str, roots: list[str], timeout: float) -> ProbeTimeout | None:
    """The step the watchdog stopped, from its `report` (None when it did not fire)."""
    head, _, dump = report.partition("\n")
    if not head.startswith("{") or "Timeout (" not in dump:
        return None
    step = json.loads(head)
    file, line = step["file"], 1
    for match in map(_FRAME.match, dump.splitlines()):  # most recent call first
        if match and any(match["file"].startswith(root) for root in roots):
            file, line = match["file"], int(match["line"])
            break
    seconds = float(step.get("seconds") or timeout)
    return ProbeTimeout(
        f"{step['doing']} took longer than {seconds:g} s (an endless loop?)", file, line
    )


def _timed_out(watchdog: Path, roots: list[str], timeout: float) -> ProbeTimeout | None:
    if not watchdog.is_file():
        return None
    return timed_out(watchdog.read_text(encoding="utf-8", errors="replace"), roots, timeout)
