"""`edusite quizc`: a summary and exit 0, or every problem as path:line and exit 1."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from edusite.cli import main

from .conftest import PYODIDE


@pytest.fixture
def bibliography(tmp_path):
    path = tmp_path / "references.json"
    entries = [
        {
            "id": "known-source",
            "type": "article-journal",
            "title": "A source",
            "author": [{"family": "Doe", "given": "J"}],
            "container-title": "A journal",
            "issued": {"date-parts": [[2020]]},
        }
    ]
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path


def _args(quizzes, bibliography, tmp_path, *extra):
    return [
        "quizc",
        "--quizzes-dir",
        str(quizzes),
        "--bibliography",
        str(bibliography),
        "--cache-dir",
        str(tmp_path / "cache"),
        "--pyodide-dir",
        str(PYODIDE),
        *extra,
    ]


def test_builds_and_copies_the_wheel(project, bibliography, tmp_path, capsys):
    out, quizzes = tmp_path / "out", project("good")
    assert main(_args(quizzes, bibliography, tmp_path, "--out", str(out))) == 0
    lines = capsys.readouterr().out.splitlines()
    [wheel] = list(out.iterdir())
    assert lines[0].startswith(f"built {wheel} (byte-compiled, ")
    assert [line.split()[0] for line in lines[1:]] == ["demo-check", "demo-quiz", "demo-tool"]
    assert lines[2].split()[1:] == ["quiz", "quizzes/demo/quiz.py:3"]
    assert main(_args(quizzes, bibliography, tmp_path)) == 0
    assert capsys.readouterr().out.startswith("cached ")


def test_problems_go_to_stderr_with_exit_1(project, bibliography, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "edusite.cli", *_args(project("bad"), bibliography, tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert "quizzes/dup_b.py:3: quiz id 'same-id' is already used at quizzes/dup_a.py:3 [E413]" in (
        done.stderr
    )


def test_a_broken_bibliography_is_reported_with_the_quiz_problems(project, tmp_path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text("[{]", encoding="utf-8")
    assert main(_args(project("good"), broken, tmp_path)) == 1
    err = capsys.readouterr().err
    assert err.startswith("2 content problems found:\n")
    assert "broken.json:1: the bibliography is not valid JSON" in err
    assert "quizzes/demo/quiz.py:10: quiz 'demo-quiz' cites [@known-source], which is not" in err
