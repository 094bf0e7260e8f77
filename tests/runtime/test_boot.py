"""The worker's Python start-up (runtime/boot.py), run here in CPython on a fake quiz package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from edusite.runtime import boot

QUIZ = """
from quizkit import Option, Quiz, SingleChoice

{name}_quiz = Quiz(
    id="{name}-quiz",
    title="Demo",
    questions=[
        SingleChoice(
            "q1",
            "Where is the kneecap?",
            options=[Option("front", "At the front", correct=True), Option("back", "Back")],
        ),
    ],
)
"""


@pytest.fixture
def package(tmp_path: Path) -> Iterator[str]:
    """A package `fakequizzes` with two quiz modules, `listed` and `unlisted`, importable."""
    root = tmp_path / "fakequizzes"
    root.mkdir()
    (root / "__init__.py").write_text("")
    for name in ("listed", "unlisted"):
        (root / f"{name}.py").write_text(QUIZ.format(name=name))
    sys.path.insert(0, str(tmp_path))
    yield "fakequizzes"
    sys.path.remove(str(tmp_path))
    for module in [m for m in sys.modules if m.split(".")[0] == "fakequizzes"]:
        del sys.modules[module]


def test_exactly_the_listed_modules_are_imported(package: str) -> None:
    quizzes = boot.start([package, f"{package}.listed"])
    assert json.loads(quizzes.ids_json()) == ["listed-quiz"]
    assert f"{package}.unlisted" not in sys.modules


def test_evaluate_answers_in_json_and_none_for_an_unknown_id(package: str) -> None:
    quizzes = boot.start([f"{package}.listed"])
    quiz = quizzes.by_id["listed-quiz"]
    answers = {"q1": "front"}
    reply = quizzes.evaluate("listed-quiz", json.dumps(answers))
    assert reply is not None
    assert json.loads(reply) == json.loads(json.dumps(quiz.evaluate(answers)))
    assert quizzes.evaluate("no-such-quiz", "{}") is None


def test_a_listed_module_that_is_missing_fails_the_start(package: str) -> None:
    with pytest.raises(ModuleNotFoundError):
        boot.start([f"{package}.gone"])


def test_without_a_list_the_wheels_module_list_is_read(package: str, tmp_path: Path) -> None:
    listing = tmp_path / f"{boot.MODULES_MODULE}.py"
    listing.write_text(f"MODULES = {json.dumps([f'{package}.unlisted'])}\n")
    try:
        assert json.loads(boot.start().ids_json()) == ["unlisted-quiz"]
    finally:
        sys.modules.pop(boot.MODULES_MODULE, None)


def test_modules_unpacked_after_the_start_are_added_on_demand(package: str, tmp_path: Path) -> None:
    """The worker starts with no quiz module, then adds each bundle's module as a page
    needs it, including one whose file appeared after the package was first imported."""
    quizzes = boot.start_json("[]")
    assert json.loads(quizzes.ids_json()) == []
    assert json.loads(quizzes.add_json(json.dumps([f"{package}.listed"]))) == ["listed-quiz"]
    folder = tmp_path / package
    before = folder.stat()
    (folder / "later.py").write_text(QUIZ.format(name="later"))
    # Unpacked within the same clock tick (Pyodide's file system counts milliseconds): the
    # folder's time does not change, so only clearing the finder's listing shows the file.
    os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))
    ids = json.loads(quizzes.add_json(json.dumps([f"{package}.later"])))
    assert ids == ["later-quiz", "listed-quiz"]
    assert f"{package}.unlisted" not in sys.modules


def test_the_start_up_does_not_import_importlib_metadata(package: str, tmp_path: Path) -> None:
    """`importlib.invalidate_caches()` imports `importlib.metadata` and `email` on its first
    call: a reader's start-up would pay for them, and the trimmed library would ship them."""
    script = (
        "import json, sys; from edusite.runtime import boot; "
        f"boot.start_json('[]').add_json(json.dumps([{package + '.listed'!r}])); "
        "print(sorted(m for m in ('importlib.metadata', 'email') if m in sys.modules))"
    )
    paths = [str(tmp_path), *(entry for entry in sys.path if entry)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    run = subprocess.run(
        [sys.executable, "-S", "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == "[]"
