"""`Problem`: one authoring mistake that `problems()` found, and what kind of mistake it is.

It is a `str` (the message, so `problems()` still reads as a list of sentences) that also
carries `kind`, so the compiler can give each kind its own problem code without matching
message texts, and `subject`, the literal in the source (a question id, an option value)
that locates it, `nth` telling which occurrence when it is written more than once.

>>> p = Problem("question 'q' has no prompt", FORM, subject="q")
>>> p == "question 'q' has no prompt", p.kind, p.subject, p.nth
(True, 'form', 'q', 1)
"""

from __future__ import annotations

QUIZ_ID = "quiz-id"
"""The quiz id is not kebab-case."""
FORM = "form"
"""The form cannot be drawn: no title, no questions, a question without a prompt."""
QUESTION_ID = "question-id"
"""Question ids repeated, differing only in case or spaces, or not made of letters and digits."""
OPTIONS = "options"
"""Too few options, an empty value, or values repeated once spaces and case are ignored."""
CORRECT_ANSWER = "correct-answer"
"""A scored question does not say which answer is right."""
NUMBER_RANGE = "number-range"
"""A number question's min, max, step, default or right answer do not fit together."""
CITATION = "citation"
"""A citation marker in a quiz text that the browser would show as typed (`[see @key, p. 5]`)."""
OTHER = ""
"""Any other mistake (the compiler reports it under a general code)."""


class Problem(str):
    """An authoring mistake's message, with its `kind`, `subject` and `nth` (see above)."""

    kind: str
    subject: str | None
    nth: int

    def __new__(
        cls, message: str, kind: str = OTHER, subject: str | None = None, nth: int = 1
    ) -> Problem:
        problem = super().__new__(cls, message)
        problem.kind, problem.subject, problem.nth = kind, subject, nth
        return problem


def same_once_normalised(values: list[str]) -> list[tuple[str, str]]:
    """Pairs of different values that are equal once spaces around them and case are ignored
    (a reader, a form or a search cannot tell them apart), each pair in definition order.

    >>> same_once_normalised(["front", "Back", "front ", "back", "side"])
    [('front', 'front '), ('Back', 'back')]
    """
    first: dict[str, str] = {}
    pairs: list[tuple[str, str]] = []
    for value in values:
        key = value.strip().casefold()
        if key in first and first[key] != value and (first[key], value) not in pairs:
            pairs.append((first[key], value))
        first.setdefault(key, value)
    return pairs
