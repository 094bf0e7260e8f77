"""Per-page quiz bundles: which modules go in which bundle, names that follow the content,
and bundles that import and evaluate on their own, unpacked as the worker unpacks them."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import zipfile
from pathlib import Path

from edusite.quizc.bundles import Source, closure

HELPER = 'WORDS = {"front": "Front"}\n'


def _sources(files: dict[str, str]) -> dict[str, Source]:
    """Module name -> Source for a package given as {path: text} (paths end in .py)."""
    found = {}
    for path, text in files.items():
        name = path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
        found[name] = Source(path, ast.parse(text))
    return found


def test_a_modules_closure_holds_its_local_imports_at_any_depth_and_their_packages():
    trees = _sources(
        {
            "quizzes/__init__.py": "",
            "quizzes/a/__init__.py": "",
            "quizzes/a/quiz.py": "from . import words\nfrom quizzes.b.units import KM\n",
            "quizzes/a/words.py": "from .deeper import X\nimport json\n",
            "quizzes/a/deeper.py": "X = 1\n",
            "quizzes/a/other.py": "import quizkit\n",
            "quizzes/b/__init__.py": "",
            "quizzes/b/units.py": "from ..a import deeper\n",
            "quizzes/c/__init__.py": "",
            "quizzes/c/alone.py": "def f():\n    from quizzes.c import gone\n",
        }
    )
    assert closure("quizzes.a.quiz", trees) == [
        "quizzes",
        "quizzes.a",
        "quizzes.a.deeper",
        "quizzes.a.quiz",
        "quizzes.a.words",
        "quizzes.b",
        "quizzes.b.units",
    ]
    assert closure("quizzes.c.alone", trees) == ["quizzes", "quizzes.c", "quizzes.c.alone"]


def _names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return sorted(archive.namelist())


def test_the_shared_bundle_holds_quizkit_and_the_start_up_and_no_quiz(good_compiled):
    names = _names(good_compiled.shared.path)
    assert "edusite_boot.pyc" in names and "quizkit/__init__.pyc" in names
    assert not [n for n in names if n.startswith("quizzes/") or ".dist-info/" in n]
    assert "edusite_quiz_modules.pyc" not in names  # the worker names each bundle's module
    assert good_compiled.shared.module is None


def test_each_quiz_gets_the_bundle_of_its_own_module_and_no_other_module(good_compiled):
    bundles = good_compiled.quiz_bundles
    assert sorted(bundles) == ["demo-check", "demo-quiz", "demo-tool"]
    assert bundles["demo-quiz"].module == "quizzes.demo.quiz"
    assert bundles["demo-quiz"].name.startswith("quizzes.demo.quiz-")
    assert _names(bundles["demo-quiz"].path) == [
        "quizzes/__init__.pyc",
        "quizzes/demo/__init__.pyc",
        "quizzes/demo/quiz.pyc",
    ]
    assert len({b.name for b in bundles.values()}) == 3
    for bundle in bundles.values():  # named by content: the file's own hash
        assert bundle.path.name == bundle.name
        assert bundle.name.endswith(".zip") and len(bundle.name.rsplit("-", 1)[1]) == 16


def test_a_helper_imported_by_two_quiz_modules_is_in_both_bundles(project, compile_):
    quizzes = project("good")
    (quizzes / "demo" / "words.py").write_text(HELPER)
    quiz = quizzes / "demo" / "quiz.py"
    quiz.write_text("from quizzes.demo.words import WORDS\n" + quiz.read_text())
    check = quizzes / "demo" / "check.py"
    check.write_text("from . import words\n" + check.read_text())
    compiled = compile_(quizzes)
    for quiz_id in ("demo-quiz", "demo-check"):
        assert "quizzes/demo/words.pyc" in _names(compiled.quiz_bundles[quiz_id].path)
    assert "quizzes/demo/words.pyc" not in _names(compiled.quiz_bundles["demo-tool"].path)
    assert "quizzes/demo/quiz.pyc" not in _names(compiled.quiz_bundles["demo-check"].path)


def test_an_unchanged_module_keeps_its_bundle_name_when_another_changes(project, compile_):
    quizzes = project("good")
    first = compile_(quizzes)
    tool = quizzes / "demo" / "tool.py"
    tool.write_text(tool.read_text() + "\n# edited\n")
    second = compile_(quizzes, use_cache=False)
    assert second.key != first.key
    assert second.shared.name == first.shared.name
    for quiz_id in ("demo-quiz", "demo-check"):
        before, after = first.quiz_bundles[quiz_id], second.quiz_bundles[quiz_id]
        assert after.name == before.name
        assert after.path.read_bytes() == before.path.read_bytes()
    assert second.quiz_bundles["demo-tool"].name != first.quiz_bundles["demo-tool"].name


def test_the_shared_and_one_quiz_bundle_unpacked_together_serve_that_quiz_only(
    good_compiled, tmp_path
):
    """What the worker does: unpack the shared bundle, start with no module, unpack a quiz's
    bundle and add its module; here in a clean CPython, the files unpacked into one folder."""
    site_packages = tmp_path / "site-packages"
    for bundle in (good_compiled.shared, good_compiled.quiz_bundles["demo-check"]):
        with zipfile.ZipFile(bundle.path) as archive:
            archive.extractall(site_packages)
    code = (
        "import sys, json; sys.path.insert(0, sys.argv[1]);"
        "import edusite_boot; quizzes = edusite_boot.start_json('[]');"
        "ids = quizzes.add_json(json.dumps(['quizzes.demo.check']));"
        "answer = quizzes.evaluate('demo-check', json.dumps({'fever': 'yes'}));"
        "print(json.dumps([ids, json.loads(answer)['outcome'], sorted(sys.modules)]))"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", code, str(site_packages)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    ids, outcome, modules = json.loads(done.stdout)
    assert json.loads(ids) == ["demo-check"]
    assert outcome == "red-flag"
    assert "quizzes.demo.quiz" not in modules and "quizzes.demo.tool" not in modules
