"""`Quiz`: a scored quiz with feedback and an explanation for every question.

>>> from quizkit import Option, SingleChoice
>>> quiz = Quiz(id="tiny", title="Tiny quiz", questions=[
...     SingleChoice("q1", "Where is the kneecap?", explanation="It sits at the front.",
...                  options=[Option("front", "Front", correct=True),
...                           Option("back", "Back", feedback="That is the hamstring side.")])])
>>> result = quiz.evaluate({"q1": "back"})
>>> result["blocks"][0], result["blocks"][1]["correct"]
({'type': 'score', 'correct': 0, 'total': 1}, False)
>>> result["blocks"][1]["text"]
'That is the hamstring side. It sits at the front.'
>>> quiz.evaluate({})["field_errors"]
{'q1': 'Choose one answer.'}
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from quizkit import blocks
from quizkit.base import QuizBase, Values
from quizkit.blocks import Block
from quizkit.problem import Problem
from quizkit.questions import FieldError

VERDICT_WORDS = re.compile(
    r"^(correct|incorrect|right|wrong|not quite|well done|exactly)\s*[.!,:;]", re.IGNORECASE
)
"""Feedback that repeats the verdict the result already prints before it ("Correct." or
"Not quite."), which would read "Correct. Correct! ..."."""


@dataclass(frozen=True, kw_only=True)
class Quiz(QuizBase):
    """Every question is graded; the result is a score, then feedback per question.

    `links` (text, href) pairs are shown at the end, e.g. back to the article's sections.
    """

    links: Sequence[tuple[str, str]] = ()
    kind: ClassVar[str] = "quiz"

    def result(self, values: Values) -> list[Block]:
        feedback: list[Block] = []
        correct = total = 0
        for question in self.questions:
            value = values[question.id]
            right = question.grade(value)
            if right is not None:
                total += 1
                correct += right
            text = " ".join([*question.feedback_for(value), question.explanation]).strip()
            feedback.append(blocks.feedback(question.id, right, text))
        out = [blocks.score(correct, total), *feedback]
        if self.links:
            out.append(blocks.links(self.links))
        return out

    def texts(self) -> Iterator[str]:
        yield from super().texts()
        yield from (text for text, _ in self.links)

    def problems(self) -> list[Problem]:
        """As `QuizBase.problems`, plus feedback that repeats the printed verdict."""
        return super().problems() + self._verdict_problems()

    def _verdict_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        for question in self.questions:
            for raw in question.raw_choices():
                try:
                    value = question.parse(raw)
                except FieldError:
                    continue
                if question.grade(value) is None:
                    continue
                first = next((t for t in question.feedback_for(value) if t), question.explanation)
                verdict = VERDICT_WORDS.match(first.strip())
                if verdict and not any(p.subject == first for p in problems):
                    message = (
                        f"question {question.id!r}: feedback starts with {verdict.group(1)!r}, "
                        "but the result already prints 'Correct.' or 'Not quite.' before it: "
                        "start with the reason"
                    )
                    problems.append(Problem(message, subject=first))
        return problems
