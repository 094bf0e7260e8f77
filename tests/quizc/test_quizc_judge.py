"""`judge` and the spec checks on hand-written probe facts: the rarer problems, fast."""

from __future__ import annotations

import ast

import pytest
from edusite.errors import ContentError
from edusite.quizc.validate import ModuleSource, judge

SOURCE = """\
from custom import Thing

thing = Thing(
    id="odd-thing",
    questions=["q1", "q2"],
)
"""
FILE = "/abs/quizzes/odd.py"


def _judge(**fact):
    base = {
        "class": "Thing",
        "id": "odd-thing",
        "bound": [{"module": "quizzes.odd", "file": FILE, "names": ["thing"]}],
        "spec": {"id": "odd-thing", "kind": "tool", "title": "T", "questions": [_q("q1")]},
        "cited_keys": [],
        "samples": [{}],
        "runs": [],
    }
    facts = {"modules": [{"name": "quizzes.odd", "file": FILE, "objects": [{**base, **fact}]}]}
    sources = {FILE: ModuleSource(FILE, "quizzes/odd.py", SOURCE, ast.parse(SOURCE))}
    problems, quizzes = judge(facts, sources, skip_import_errors=set())
    return [(p.line, p.code, p.message) for p in problems], quizzes


def _q(qid, **fields):
    question = {"id": qid, "type": "number", "prompt": "How far?", "options": []}
    return {**question, "min": None, "max": None, "step": None, **fields}


def test_without_origin_the_assignment_line_is_used():
    problems, [quiz] = _judge()
    assert problems == [] and (quiz.path, quiz.line) == ("quizzes/odd.py", 3)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (["not", "a", "dict"], [(3, "E415", "spec() must return a dict")]),
        (
            {"id": "other", "kind": "poll", "title": " ", "questions": []},
            [
                (3, "E415", "spec() id 'other' differs from the quiz id 'odd-thing'"),
                (3, "E415", "kind 'poll' is not one of quiz, selfcheck, tool"),
            ],
        ),
        (
            {
                "id": "odd-thing",
                "kind": "tool",
                "title": "T",
                "questions": [_q("q1", type="slider"), _q("q2", prompt="")],
            },
            [
                (
                    5,
                    "E415",
                    "question 'q1' has type 'slider', not one of single, multiple, yesno, number",
                ),
            ],
        ),
    ],
)
def test_spec_contract_problems(spec, expected):
    problems, _ = _judge(spec=spec)
    assert problems == expected


def _authoring(message, kind, subject=None, nth=1):
    return {"message": message, "kind": kind, "subject": subject, "nth": nth}


def test_quizkit_problems_are_reported_under_the_code_of_their_kind_at_their_subject():
    problems, _ = _judge(
        authoring=[
            _authoring("question 'q2' has no prompt", "form", "q2"),
            _authoring(
                "question ids 'q1' and 'Q1' differ only in case or spaces", "question-id", "q1"
            ),
            _authoring("question 'q1': min 9 is not below max 1", "number-range", "q1"),
            _authoring("outcome ids used more than once: ['a']", ""),
        ]
    )
    assert problems == [
        (5, "E415", "quiz 'odd-thing': question 'q2' has no prompt"),
        (5, "E416", "quiz 'odd-thing': question ids 'q1' and 'Q1' differ only in case or spaces"),
        (5, "E419", "quiz 'odd-thing': question 'q1': min 9 is not below max 1"),
        (3, "E426", "quiz 'odd-thing': outcome ids used more than once: ['a']"),
    ]


def test_a_badly_defined_question_hides_what_running_the_quiz_then_finds():
    sweep = {"ids": [], "count": 2, "exhaustive": True, "errors": []}
    problems, _ = _judge(
        authoring=[_authoring("question 'q1': min 9 is not below max 1", "number-range", "q1")],
        outcomes=["far", "near"],
        sweep=sweep,
        samples_error={"file": FILE, "line": 5, "message": "ValueError: no"},
    )
    assert problems == [(5, "E419", "quiz 'odd-thing': question 'q1': min 9 is not below max 1")]
    problems, _ = _judge(outcomes=["far"], sweep=sweep)
    assert problems == [(3, "E420", "self-check 'odd-thing': no answers lead to outcome 'far'")]


def test_spec_that_raised_is_reported_at_the_failing_line():
    error = {"file": FILE, "line": 5, "message": "TypeError: no"}
    problems, quizzes = _judge(spec=None, spec_error=error)
    assert problems == [(5, "E415", "spec() of 'odd-thing' raised TypeError: no")]
    assert quizzes == []


def test_no_samples_and_unknown_field_errors():
    run = {
        "answers": {"q1": "x"},
        "result": {"ok": False, "field_errors": {"q9": "Bad."}, "blocks": []},
        "problems": [],
    }
    problems, _ = _judge(samples=[], runs=[run])
    assert problems == [
        (3, "E425", "quiz 'odd-thing' has no samples"),
        (
            3,
            "E423",
            "evaluate() of 'odd-thing': field_errors names unknown question 'q9' "
            "(answers {'q1': 'x'})",
        ),
    ]


def test_a_probe_that_dies_is_one_problem(project, compile_):
    quizzes = project("good")
    (quizzes / "demo" / "exits.py").write_text("import os\n\nos._exit(3)\n")
    with pytest.raises(ContentError) as caught:
        compile_(quizzes)
    [problem] = caught.value.problems
    assert (problem.path, problem.code) == ("quizzes/__init__.py", "E424")
    assert problem.message.startswith("the quiz probe stopped with exit code 3")


def test_a_result_json_cannot_carry_is_reported(project, compile_):
    quizzes = project("good")
    tool = quizzes / "demo" / "tool.py"
    old = """[blocks.paragraph(f"About {math.ceil(values['km'] / 10)} weeks.")]"""
    tool.write_text(
        tool.read_text().replace(old, '[blocks.chart("t", "x", "y", [("a", math.nan)])]')
    )
    with pytest.raises(ContentError) as caught:
        compile_(quizzes)
    assert [(p.path, p.line, p.code, p.message) for p in caught.value.problems] == [
        (
            "quizzes/demo/tool.py",
            10,
            "E422",
            "evaluate() of 'demo-tool' returned something JSON cannot carry (Out of range "
            "float values are not JSON compliant: nan) (answers {'km': '5'})",
        )
    ]
