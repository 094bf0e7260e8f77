"""quizkit and the quizzes run unchanged in real Pyodide and give the same results as CPython.

Boots the self-hosted Pyodide from node_modules in Node.js (no browser needed: the Python side
is the same), copies the sources in, and compares every spec and every sample's result.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import shutil
import subprocess
from pathlib import Path

import pytest
import quizkit

import quizzes.runners_knee

ROOT = Path(__file__).resolve().parents[2]
PYODIDE = ROOT / "node_modules" / "pyodide"


def cpython_quizzes() -> dict[str, quizkit.QuizBase]:
    found = {}
    for info in pkgutil.iter_modules(quizzes.runners_knee.__path__, "quizzes.runners_knee."):
        for quiz in quizkit.collect(importlib.import_module(info.name)):
            found[quiz.id] = quiz
    return found


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("node") is None or not PYODIDE.exists(), reason="needs node and npm install"
)
def test_same_results_in_pyodide(tmp_path: Path) -> None:
    local = cpython_quizzes()
    samples = {quiz_id: quiz.samples() for quiz_id, quiz in local.items()}
    samples_file = tmp_path / "samples.json"
    samples_file.write_text(json.dumps(samples), "utf-8")
    script = Path(__file__).with_name("pyodide_run.mjs")
    done = subprocess.run(
        ["node", str(script), str(PYODIDE), str(ROOT), str(samples_file)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["platform"] == "emscripten"
    assert report["python"].startswith("3.13")
    assert set(report["quizzes"]) == set(local)
    for quiz_id, quiz in local.items():
        remote = report["quizzes"][quiz_id]
        assert remote["spec"] == quiz.spec()
        expected = [quiz.evaluate(a) for a in samples[quiz_id]]
        assert remote["results"] == json.loads(json.dumps(expected)), quiz_id
