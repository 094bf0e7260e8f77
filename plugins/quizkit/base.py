"""What quizzes, self-checks and tools share: the form spec, reading answers, samples, origin.

`evaluate()` never raises for a reader's bad input: every field that cannot be read gets a
message in `field_errors` and the result is `ok: False`. Exceptions only come from authors'
bugs, which the build finds by running `samples()`.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from quizkit import blocks
from quizkit import problem as kinds
from quizkit.blocks import Block
from quizkit.numbers import FieldError
from quizkit.problem import Problem, same_once_normalised
from quizkit.questions import Question, Raw
from quizkit.text import keys_in, unrendered_citations

Answers = Mapping[str, Raw]
Values = dict[str, Any]
#: What a quiz id looks like (kebab-case); the compiler and the `/// quiz` embed use it too.
QUIZ_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_QUESTION_ID = re.compile(r"^[A-Za-z][\w-]*$")
FIX_ANSWERS = "Some answers need a look. See the messages next to them."


class InputError(Exception):
    """Raised by a tool's or self-check's function when answers fit together badly.

    `errors` maps question ids to messages for the reader, like `field_errors`.
    """

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = dict(errors)


def _origin() -> tuple[str, int]:
    """The module and line that created the object, skipping quizkit's own frames."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__", "").startswith("quizkit"):
        frame = frame.f_back
    if frame is None:
        return ("", 0)
    return (frame.f_globals.get("__name__", ""), frame.f_lineno)


@dataclass(frozen=True, kw_only=True)
class QuizBase:
    """The shared part of `Quiz`, `SelfCheck` and `Tool`.

    `sample_answers` are raw answer sets (as a form sends them) that the build runs on top of
    the ones quizkit derives; `origin` is (module name, line) where the object was created.
    """

    id: str
    title: str
    questions: Sequence[Question]
    intro: str = ""
    submit_label: str = "Check my answers"
    sample_answers: Sequence[Answers] = ()
    origin: tuple[str, int] = field(default=("", 0), init=False, compare=False, repr=False)
    kind: ClassVar[str] = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "questions", tuple(self.questions))
        object.__setattr__(self, "sample_answers", tuple(self.sample_answers))
        object.__setattr__(self, "origin", _origin())

    # --- the contract ---

    def spec(self) -> dict[str, Any]:
        """The JSON-able form description (see ARCHITECTURE.md, "Quiz objects")."""
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "intro": self.intro,
            "submit_label": self.submit_label,
            "questions": [q.spec() for q in self.questions],
        }

    def evaluate(self, answers: Answers) -> dict[str, Any]:
        """Read the raw answers and compute the result blocks (data only, never HTML)."""
        values, errors = self.parse(answers)
        if not errors:
            try:
                return self.answered(values)
            except InputError as problem:
                errors = problem.errors
        return {
            "ok": False,
            "field_errors": errors,
            "blocks": [blocks.notice("warning", FIX_ANSWERS)],
        }

    def answered(self, values: Values) -> dict[str, Any]:
        """The result for answers that were all read (`result()`'s blocks); may raise
        `InputError`. A subclass adds keys of its own here."""
        return {"ok": True, "field_errors": {}, "blocks": self.result(values)}

    def samples(self) -> list[dict[str, Raw]]:
        """Answer sets the build runs: declared ones, then every option of every question once."""
        found = [dict(s) for s in self.sample_answers]
        base = self.sample_base()
        found.append(base)
        for question in self.questions:
            for raw in question.raw_choices():
                if raw != base[question.id]:
                    found.append({**base, question.id: raw})
        return found

    def sample_base(self) -> dict[str, Raw]:
        """The answer set `samples()` varies one question at a time: each right answer."""
        return {q.id: q.correct_raw() for q in self.questions}

    def cited_keys(self) -> set[str]:
        """Citation keys in every text, including the results of the samples."""
        keys = keys_in(self.texts())
        for answers in self.samples():
            try:
                result = self.evaluate(answers)
            except Exception:  # an author's bug: the build reports it when it runs the samples
                continue
            keys |= keys_in(_block_texts(result["blocks"]))
        return keys

    # --- helpers for authors, the compiler and tests ---

    def parse(self, answers: Answers) -> tuple[Values, dict[str, str]]:
        """Each question's value, and a message for each answer that cannot be read."""
        values: Values = {}
        errors: dict[str, str] = {}
        for question in self.questions:
            try:
                values[question.id] = question.parse(_raw(answers.get(question.id)))
            except FieldError as problem:
                errors[question.id] = str(problem)
        return values, errors

    def question(self, question_id: str) -> Question:
        """The question with this id (KeyError if there is none)."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def combination_count(self) -> int:
        """How many answer sets `combinations()` yields."""
        count = 1
        for question in self.questions:
            count *= len(question.raw_choices())
        return count

    def combinations(self) -> Iterator[dict[str, Raw]]:
        """Every combination of every question's `raw_choices()` (mind `combination_count`)."""
        ids = [q.id for q in self.questions]
        for raws in itertools.product(*(q.raw_choices() for q in self.questions)):
            yield dict(zip(ids, raws, strict=True))

    def texts(self) -> Iterator[str]:
        """Every text an author wrote (for citations and reading-level checks)."""
        yield from (self.title, self.intro)
        for question in self.questions:
            yield from question.texts()

    def problems(self) -> list[Problem]:
        """Authoring mistakes (empty when well formed): the one definition of a well-formed
        quiz, which the compiler reports, each kind under its own code."""
        problems = []
        if not QUIZ_ID.match(self.id):
            message = f"the id {self.id!r} is not kebab-case (lowercase words joined by hyphens)"
            problems.append(Problem(message, kinds.QUIZ_ID, self.id))
        if not self.title.strip():
            problems.append(Problem("the title is empty", kinds.FORM))
        if not self.questions:
            problems.append(Problem("there are no questions", kinds.FORM))
        ids = [q.id for q in self.questions]
        for repeated in sorted({i for i in ids if ids.count(i) > 1}):
            message = f"question id {repeated!r} is used more than once"
            problems.append(Problem(message, kinds.QUESTION_ID, repeated, 2))
        for first, second in same_once_normalised(ids):
            message = f"question ids {first!r} and {second!r} differ only in case or spaces"
            problems.append(Problem(message, kinds.QUESTION_ID, second))
        for question in self.questions:
            if not _QUESTION_ID.match(question.id):
                message = f"question id {question.id!r}: use letters, digits, '-' or '_'"
                problems.append(Problem(message, kinds.QUESTION_ID, question.id))
            problems += question.problems(scored=self.kind == "quiz")
        for text in self.texts():
            for marker in unrendered_citations(text or ""):
                message = f"the citation {marker} would be shown as typed (quiz texts take [@key])"
                problems.append(Problem(message, kinds.CITATION, marker))
        return problems

    def result(self, values: Values) -> list[Block]:
        """The blocks for answers that were all read; may raise `InputError`."""
        raise NotImplementedError


def _raw(value: object) -> Raw:
    """Form values as text, whatever a caller passed (a number, a tuple, None).

    >>> _raw(12), _raw(("a", 2)), _raw(None)
    ('12', ['a', '2'], None)
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v is not None]
    return str(value)


def _block_texts(result_blocks: list[Block]) -> Iterator[str]:
    for block in result_blocks:
        for key in ("text", "caption", "title"):
            if isinstance(block.get(key), str):
                yield block[key]
        for item in block.get("items", []):
            yield item if isinstance(item, str) else item.get("text", "")
        for row in block.get("rows", []):
            yield from row
