"""The wheel: contents, RECORD hashes, byte-compiled modules that really import and run."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import subprocess
import sys
import zipfile


def _entries(path):
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_wheel_is_named_by_content_hash_and_byte_compiled(good_compiled):
    compiled = good_compiled
    version = f"0.0.0+{compiled.key[:12]}"
    assert compiled.wheel_name == f"edusite_quizzes-{version}-cp313-none-any.whl"
    assert compiled.wheel_path.name == compiled.wheel_name
    assert compiled.byte_compiled and compiled.python_version_ok
    names = set(_entries(compiled.wheel_path))
    assert {
        "quizzes/__init__.pyc",
        "quizzes/demo/quiz.pyc",
        "quizzes/demo/check.pyc",
        "quizzes/demo/tool.pyc",
        "quizkit/__init__.pyc",
        "quizkit/selfcheck.pyc",
        "edusite_boot.pyc",
        "edusite_quiz_modules.pyc",
        f"edusite_quizzes-{version}.dist-info/METADATA",
        f"edusite_quizzes-{version}.dist-info/WHEEL",
        f"edusite_quizzes-{version}.dist-info/RECORD",
    } <= names
    assert not [n for n in names if n.endswith(".py")]
    pyc = _entries(compiled.wheel_path)["quizzes/demo/quiz.pyc"]
    assert pyc[:4] == importlib.util.MAGIC_NUMBER  # this Python's = Pyodide's 3.13


def test_record_lists_every_file_with_its_sha256(good_compiled):
    compiled = good_compiled
    entries = _entries(compiled.wheel_path)
    dist_info = next(n.split("/")[0] for n in entries if n.endswith(".dist-info/RECORD"))
    rows = entries[f"{dist_info}/RECORD"].decode().splitlines()
    recorded = {row.split(",")[0]: row.split(",")[1:] for row in rows}
    assert set(recorded) == set(entries)
    assert recorded[f"{dist_info}/RECORD"] == ["", ""]
    for name, data in entries.items():
        if name.endswith("RECORD"):
            continue
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert recorded[name] == [f"sha256={digest}", str(len(data))], name
    wheel_file = entries[f"{dist_info}/WHEEL"].decode()
    assert "Tag: cp313-none-any\n" in wheel_file and "Root-Is-Purelib: true\n" in wheel_file
    assert f"Version: 0.0.0+{compiled.key[:12]}\n" in entries[f"{dist_info}/METADATA"].decode()
    assert hashlib.sha256(compiled.wheel_path.read_bytes()).hexdigest() == compiled.sha256


def test_the_wheel_alone_imports_and_evaluates(good_compiled):
    """What Pyodide does after unpackArchive, done here with zipimport in a clean Python."""
    compiled = good_compiled
    code = (
        "import sys, json; sys.path.insert(0, sys.argv[1]);"
        "from quizzes.demo.check import check;"
        "print(json.dumps(check.evaluate({'fever': 'yes'})['outcome']))"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", code, str(compiled.wheel_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=compiled.wheel_path.parent,
    )
    assert json.loads(done.stdout) == "red-flag"


def test_the_wheels_start_up_code_imports_the_modules_the_compiler_listed(good_compiled):
    """The worker's `edusite_boot.start()`, run from the wheel alone in a clean Python."""
    code = (
        "import sys, json; sys.path.insert(0, sys.argv[1]);"
        "import edusite_boot, edusite_quiz_modules; quizzes = edusite_boot.start();"
        "answer = quizzes.evaluate('demo-check', json.dumps({'fever': 'yes'}));"
        "print(json.dumps([edusite_quiz_modules.MODULES, quizzes.ids_json(), answer]))"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", code, str(good_compiled.wheel_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=good_compiled.wheel_path.parent,
    )
    modules, ids, answer = json.loads(done.stdout)
    assert modules == [
        "quizzes",
        "quizzes.demo",
        "quizzes.demo.check",
        "quizzes.demo.quiz",
        "quizzes.demo.tool",
    ]
    assert json.loads(ids) == ["demo-check", "demo-quiz", "demo-tool"]
    assert json.loads(answer)["outcome"] == "red-flag"


def test_same_sources_give_the_same_bytes(project, compile_, tmp_path):
    quizzes = project("good")
    first = compile_(quizzes, cache_dir=tmp_path / "one")
    second = compile_(quizzes, cache_dir=tmp_path / "two")
    assert first.wheel_path != second.wheel_path
    assert first.wheel_path.read_bytes() == second.wheel_path.read_bytes()


def test_source_is_shipped_when_pyodide_runs_another_python(project, compile_, old_pyodide):
    compiled = compile_(project("good"), pyodide_dir=old_pyodide)
    assert not compiled.byte_compiled and not compiled.python_version_ok
    assert compiled.wheel_name.endswith("-py3-none-any.whl")
    names = set(_entries(compiled.wheel_path))
    assert "quizzes/demo/quiz.py" in names and not [n for n in names if n.endswith(".pyc")]
    assert compiled.notes == (
        f"quiz wheel ships source: this Python is {sys.version.split()[0]}, Pyodide 0.29.5 "
        "runs 3.12.7, so .pyc files made here would not load there",
    )
