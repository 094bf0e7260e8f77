"""Checks of one quiz's form spec against the contract, each at the line that defines it.

Works on the JSON-able `spec()` dict (what the server renders and the browser submits), so it
holds for any object that keeps the contract, whatever authoring helpers built it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from edusite.quizc import codes

KINDS = ("quiz", "selfcheck", "tool")
QUESTION_TYPES = ("single", "multiple", "yesno", "number")
CHOICE_TYPES = ("single", "multiple", "yesno")

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
    if not isinstance(spec.get("title"), str) or not spec["title"].strip():
        report(codes.BAD_SPEC, "the title is empty", "Give the quiz a short title.", None, 1)
    questions = spec.get("questions")
    if not isinstance(questions, list) or not questions:
        report(codes.BAD_SPEC, "the quiz has no questions", "Add at least one question.", None, 1)
        return
    seen: dict[str, int] = {}
    for question in questions:
        if not isinstance(question, dict):
            report(codes.BAD_SPEC, "a question spec is not a dict", "", None, 1)
            continue
        qid = str(question.get("id", ""))
        seen[qid] = seen.get(qid, 0) + 1
        if seen[qid] > 1:
            report(
                codes.DUPLICATE_QUESTION_ID,
                f"question id {qid!r} is used more than once in quiz {quiz_id!r}",
                "Give every question of a quiz its own id.",
                qid,
                seen[qid],
            )
            continue
        _check_question(question, qid, report)


def _check_question(question: dict[str, Any], qid: str, report: Report) -> None:
    kind = question.get("type")
    if kind not in QUESTION_TYPES:
        report(
            codes.BAD_SPEC,
            f"question {qid!r} has type {kind!r}, not one of {', '.join(QUESTION_TYPES)}",
            "Use a quizkit question class.",
            qid,
            1,
        )
        return
    if not isinstance(question.get("prompt"), str) or not question["prompt"].strip():
        report(
            codes.BAD_SPEC,
            f"question {qid!r} has no prompt",
            "Write the question readers answer.",
            qid,
            1,
        )
    if kind in CHOICE_TYPES:
        _check_options(question, qid, report)
    else:
        _check_range(question, qid, report)


def _check_options(question: dict[str, Any], qid: str, report: Report) -> None:
    options = question.get("options")
    if not isinstance(options, list) or not options:
        report(
            codes.BAD_OPTIONS,
            f"question {qid!r} has no options",
            "Give a choice question at least two options.",
            qid,
            1,
        )
        return
    values = [str(o.get("value", "")) if isinstance(o, dict) else "" for o in options]
    if any(not v for v in values):
        report(
            codes.BAD_OPTIONS,
            f"question {qid!r} has an option without a value",
            "Give every option a short value such as 'front'.",
            qid,
            1,
        )
    repeated = sorted({v for v in values if v and values.count(v) > 1})
    if repeated:
        report(
            codes.BAD_OPTIONS,
            f"question {qid!r} repeats option values: {', '.join(repeated)}",
            "Give every option of a question its own value.",
            repeated[0],
            2,
        )
    if len(values) == 1:
        report(
            codes.BAD_OPTIONS,
            f"question {qid!r} has only one option",
            "Give a choice question at least two options.",
            qid,
            1,
        )


def _number(value: Any) -> float | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return float(value) if ok else None


def _check_range(question: dict[str, Any], qid: str, report: Report) -> None:
    low, high, step = (_number(question.get(k)) for k in ("min", "max", "step"))
    hint = "Set min below max and a step above zero that fits the range."
    if low is not None and high is not None and low >= high:
        report(
            codes.BAD_NUMBER_RANGE,
            f"question {qid!r}: min {question['min']} is not below max {question['max']}",
            hint,
            qid,
            1,
        )
    elif step is not None and step <= 0:
        report(
            codes.BAD_NUMBER_RANGE,
            f"question {qid!r}: step {question['step']} must be above zero",
            hint,
            qid,
            1,
        )
    elif step is not None and low is not None and high is not None and step > high - low:
        report(
            codes.BAD_NUMBER_RANGE,
            f"question {qid!r}: step {question['step']} is larger "
            f"than the range {question['min']}-{question['max']}",
            hint,
            qid,
            1,
        )
