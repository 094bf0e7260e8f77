"""Checks of one quiz's form spec against the contract the page and the browser rely on.

Works on the JSON-able `spec()` dict (what the server renders and the browser submits): its
shape, the kind, the question types. What makes a quiz well formed (titles, prompts, ids,
options, number ranges) is defined once, by quizkit's own `problems()`, which the judge
reports with their codes; nothing here repeats it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from edusite.quizc import codes

KINDS = ("quiz", "selfcheck", "tool")
QUESTION_TYPES = ("single", "multiple", "yesno", "number")

# report(code, message, hint, literal-to-locate, nth occurrence of that literal)
Report = Callable[[str, str, str, str | None, int], None]


def check_spec(spec: Any, quiz_id: str, report: Report) -> None:
    """Report every way `spec` breaks the form contract."""
    if not isinstance(spec, dict):
        report(codes.BAD_SPEC, "spec() must return a dict", "Build quizzes with quizkit.", None, 1)
        return
    if spec.get("id") != quiz_id:
        report(
            codes.BAD_SPEC,
            f"spec() id {spec.get('id')!r} differs from the quiz id {quiz_id!r}",
            "Return the object's own id from spec().",
            None,
            1,
        )
    if spec.get("kind") not in KINDS:
        report(
            codes.BAD_SPEC,
            f"kind {spec.get('kind')!r} is not one of {', '.join(KINDS)}",
            "Use quizkit's Quiz, SelfCheck or Tool.",
            None,
            1,
        )
    if not isinstance(spec.get("title"), str):
        report(codes.BAD_SPEC, "the title is not text", "Give the quiz a short title.", None, 1)
    questions = spec.get("questions")
    if not isinstance(questions, list):
        report(codes.BAD_SPEC, "the questions are not a list", "Use quizkit.", None, 1)
        return
    for question in questions:
        if not isinstance(question, dict):
            report(codes.BAD_SPEC, "a question spec is not a dict", "", None, 1)
            continue
        qid = str(question.get("id", ""))
        kind = question.get("type")
        if kind not in QUESTION_TYPES:
            report(
                codes.BAD_SPEC,
                f"question {qid!r} has type {kind!r}, not one of {', '.join(QUESTION_TYPES)}",
                "Use a quizkit question class.",
                qid,
                1,
            )
