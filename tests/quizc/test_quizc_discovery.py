"""Discovery: every module is imported fresh in a separate process, objects found with lines."""

from __future__ import annotations

import sys
import time

import pytest
from edusite.errors import ContentError
from edusite.quizc.discover import timed_out


def test_finds_every_quiz_with_its_spec_and_definition_line(good_compiled):
    compiled = good_compiled
    assert compiled.quiz_ids == ["demo-check", "demo-quiz", "demo-tool"]
    assert compiled.sources == {
        "demo-check": ("quizzes/demo/check.py", 10),
        "demo-quiz": ("quizzes/demo/quiz.py", 3),
        "demo-tool": ("quizzes/demo/tool.py", 10),
    }
    assert {i: s["kind"] for i, s in compiled.specs.items()} == {
        "demo-check": "selfcheck",
        "demo-quiz": "quiz",
        "demo-tool": "tool",
    }
    assert [q["id"] for q in compiled.specs["demo-quiz"]["questions"]] == ["where", "stairs"]


def test_an_edited_module_is_seen_on_the_next_compile(project, compile_):
    quizzes = project("good")
    first = compile_(quizzes)
    quiz_py = quizzes / "demo" / "quiz.py"
    quiz_py.write_text(quiz_py.read_text().replace('"Knee basics"', '"Knee facts"'))
    second = compile_(quizzes)
    assert first.specs["demo-quiz"]["title"] == "Knee basics"
    assert second.specs["demo-quiz"]["title"] == "Knee facts"
    assert second.key != first.key


def test_quiz_code_never_runs_in_the_calling_process(project, compile_):
    quizzes = project("good")
    before = set(sys.modules)
    compile_(quizzes)
    imported = {name for name in set(sys.modules) - before if name.split(".")[0] == "quizzes"}
    assert not imported, "quiz modules must be imported in the probe subprocess only"
    assert not list(quizzes.rglob("__pycache__")), "the probe must not write .pyc into quizzes/"


def test_printing_at_import_does_not_disturb_the_probe(project, compile_):
    quizzes = project("good")
    (quizzes / "demo" / "noisy.py").write_text('print("hello from a quiz author")\n')
    assert compile_(quizzes).quiz_ids == ["demo-check", "demo-quiz", "demo-tool"]


def test_a_module_stuck_in_a_loop_is_reported_at_its_line_within_the_timeout(project, compile_):
    quizzes = project("good")
    # One line, so the line the timer stops is certain (a `while` may be caught on either).
    (quizzes / "demo" / "loop.py").write_text(
        '"""Loops."""\n\nimport itertools\n\nsmall = [n for n in itertools.count() if n < 9]\n'
    )
    started = time.monotonic()
    with pytest.raises(ContentError) as caught:
        compile_(quizzes, timeout=1)
    assert time.monotonic() - started < 30
    [problem] = caught.value.problems
    assert (problem.path, problem.line, problem.code) == ("quizzes/demo/loop.py", 5, "E424")
    assert problem.message == (
        "importing quizzes.demo.loop took longer than 1 s (an endless loop?)"
    )
    assert problem.source_line == "small = [n for n in itertools.count() if n < 9]"


def test_a_quiz_whose_logic_loops_is_reported_at_the_looping_line(project, compile_):
    quizzes = project("good")
    (quizzes / "demo" / "spin.py").write_text(
        "from quizkit import Number, Tool\n"
        "\n"
        "\n"
        "def spin(values):\n"
        "    while True:\n"
        "        pass\n"
        "\n"
        "\n"
        'spin_tool = Tool(id="spin-tool", title="Spin", questions=[Number("n", "N?")], '
        "compute=spin)\n"
    )
    with pytest.raises(ContentError) as caught:
        compile_(quizzes, timeout=1)
    [problem] = caught.value.problems
    assert (problem.path, problem.code) == ("quizzes/demo/spin.py", "E424")
    assert problem.line in (5, 6)  # the `while` or its body, wherever the timer stopped it
    assert problem.message == "checking 'spin-tool' took longer than 3 s (an endless loop?)"


def test_a_folder_without_init_is_reported(tmp_path, compile_):
    (tmp_path / "quizzes").mkdir()
    with pytest.raises(ContentError, match=r"not a Python package \[E411\]"):
        compile_(tmp_path / "quizzes")


def test_the_watchdog_report_blames_the_innermost_frame_in_the_quizzes():
    report = (
        '{"doing": "importing quizzes.demo.table", "file": "/p/quizzes/demo/table.py", '
        '"seconds": 5}\n'
        "Timeout (0:00:05)!\n"
        "Thread 0x00007f (most recent call first):\n"
        '  File "/usr/lib/python3.13/json/decoder.py", line 345 in decode\n'
        '  File "/p/quizzes/demo/helpers.py", line 12 in load\n'
        '  File "/p/quizzes/demo/table.py", line 3 in <module>\n'
    )
    found = timed_out(report, ["/p/quizzes/"], 5)
    assert found is not None
    assert (found.file, found.line) == ("/p/quizzes/demo/helpers.py", 12)
    assert str(found) == "importing quizzes.demo.table took longer than 5 s (an endless loop?)"


def test_without_a_frame_in_the_quizzes_the_module_is_blamed_and_no_timeout_is_none():
    head = '{"doing": "checking \'x\'", "file": "/p/quizzes/x.py", "seconds": 15}\n'
    found = timed_out(
        head + 'Timeout (0:00:15)!\n  File "/q/quizkit/base.py", line 9\n', ["/p/"], 5
    )
    assert found is not None and (found.file, found.line) == ("/p/quizzes/x.py", 1)
    assert timed_out(head, ["/p/"], 5) is None  # the probe died some other way
