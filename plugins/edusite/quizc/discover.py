"""Import the quiz modules in a fresh Python process and bring back what they define.

Why a subprocess rather than purging `quizzes.*` from sys.modules: a purge cannot undo what
an import did (modules a quiz imported, registries, monkey-patching), whereas a new process
starts clean on every build, so `mkdocs serve` always sees the files as they are now; a quiz
stuck in a loop is stopped by a timeout; and the authors' code never runs inside MkDocs. It
costs one interpreter start (~0.1 s), and only on a cache miss.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

PROBE = Path(__file__).with_name("probe.py")
TIMEOUT_SECONDS = 60.0


class ProbeError(RuntimeError):
    """The probe process crashed or ran out of time (reported as one problem)."""


def run_probe(
    package_dir: Path, quizkit_dir: Path, modules: dict[str, Path], *, timeout: float
) -> dict[str, Any]:
    """Facts about every quiz object in `modules` ({dotted name: file}), from `probe.py`."""
    request = {
        "sys_path": [str(package_dir.parent), str(quizkit_dir.parent)],
        "roots": [str(package_dir) + "/"],
        "modules": {name: str(path) for name, path in modules.items()},
    }
    with tempfile.TemporaryDirectory(prefix="edusite-quizc-") as work:
        request_path, out_path = Path(work, "request.json"), Path(work, "facts.json")
        request_path.write_text(json.dumps(request), encoding="utf-8")
        # -I: ignore PYTHONPATH and the current folder; -B: no __pycache__ in quizzes/
        # (mkdocs serve watches that folder and would rebuild in a loop).
        command = [sys.executable, "-I", "-B", str(PROBE), str(request_path), str(out_path)]
        try:
            done = subprocess.run(
                command, cwd=work, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            raise ProbeError(
                f"importing and running the quizzes took longer than {timeout:g} s "
                "(an endless loop in a quiz?)"
            ) from None
        if done.returncode != 0 or not out_path.is_file():
            tail = "\n".join(done.stderr.strip().splitlines()[-6:])
            raise ProbeError(f"the quiz probe stopped with exit code {done.returncode}:\n{tail}")
        return json.loads(out_path.read_text(encoding="utf-8"))
