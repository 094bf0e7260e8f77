"""`Tool`: a small calculator; the author's `compute(values)` returns result blocks.

`compute` may raise `InputError({question_id: message})` when the answers do not fit together
(e.g. a goal below the starting point); the reader then sees the messages next to the fields.

>>> from quizkit import Number, blocks
>>> def double(values):
...     return [blocks.paragraph(f"Twice that is {values['n'] * 2:g}.")]
>>> tool = Tool(id="doubler", title="Doubler", compute=double,
...             questions=[Number("n", "A number", min=0, max=100)])
>>> tool.evaluate({"n": "21"})["blocks"]
[{'type': 'paragraph', 'text': 'Twice that is 42.'}]
>>> tool.evaluate({"n": "lots"})["field_errors"]
{'n': 'Enter a number, such as 12 or 12.5.'}
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from quizkit.base import QuizBase, Values
from quizkit.blocks import Block


@dataclass(frozen=True, kw_only=True)
class Tool(QuizBase):
    """A calculator: questions are its inputs, `compute` turns their values into blocks."""

    compute: Callable[[Values], list[Block]]
    submit_label: str = "Calculate"
    kind: ClassVar[str] = "tool"

    def result(self, values: Values) -> list[Block]:
        return list(self.compute(values))
