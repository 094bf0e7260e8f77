"""quizkit: the authoring API for quizzes, self-checks and calculators (standard library only).

A quiz module defines module-level `Quiz`, `SelfCheck` and `Tool` objects; the build finds them
with `collect(module)`, and the same code runs unchanged in the reader's browser (Pyodide).
The contract (spec, evaluate, samples, cited_keys) is in ARCHITECTURE.md, "Quiz objects".

>>> import types
>>> module = types.ModuleType("example")
>>> exec('''
... from quizkit import Tool, Number, blocks
... doubler = Tool(id="doubler", title="Doubler", questions=[Number("n", "A number")],
...                compute=lambda v: [blocks.paragraph(str(v["n"] * 2))])
... ''', module.__dict__)
>>> [quiz.id for quiz in collect(module)], collect(module)[0].origin
(['doubler'], ('example', 3))
"""

from __future__ import annotations

from types import ModuleType

from quizkit import blocks, care
from quizkit.base import Answers, InputError, QuizBase, Values
from quizkit.numbers import FieldError, parse_number
from quizkit.questions import MultipleChoice, Number, Option, Question, SingleChoice, YesNo
from quizkit.quiz import Quiz
from quizkit.selfcheck import NOT_A_DIAGNOSIS, Decision, Outcome, RedFlag, SelfCheck
from quizkit.text import citation_keys
from quizkit.tool import Tool

__all__ = [
    "NOT_A_DIAGNOSIS",
    "Answers",
    "Decision",
    "FieldError",
    "InputError",
    "MultipleChoice",
    "Number",
    "Option",
    "Outcome",
    "Question",
    "Quiz",
    "QuizBase",
    "RedFlag",
    "SelfCheck",
    "SingleChoice",
    "Tool",
    "Values",
    "YesNo",
    "blocks",
    "care",
    "citation_keys",
    "collect",
    "parse_number",
]


def collect(module: ModuleType) -> list[QuizBase]:
    """The quiz objects created in `module`, in definition order (imported ones are skipped,
    so a package that re-exports a quiz does not define it twice)."""
    found: list[QuizBase] = []
    for value in vars(module).values():
        ours = isinstance(value, QuizBase) and value.origin[0] == module.__name__
        if ours and all(value is not seen for seen in found):
            found.append(value)
    return found
