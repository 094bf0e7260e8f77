"""Run in a fresh interpreter: import every quiz module, exercise every quiz, print JSON facts.

This file is executed as a script (`python -I probe.py REQUEST`) and uses only the standard
library plus `quizkit`. A separate process means each build imports the quiz files as they
are now (an `mkdocs serve` rebuild sees edits, nothing leaks into the server's sys.modules),
a quiz that hangs can be stopped with a timeout, and the authors' code never runs inside the
MkDocs process. The parent (`edusite.quizc.discover`) judges the facts; this only collects.
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
import json
import random
import sys
import traceback
from pathlib import Path
from typing import Any


def _where(error: BaseException, roots: list[str]) -> dict[str, Any]:
    """The innermost traceback frame in the authors' files, with what went wrong."""
    file, line = None, None
    if isinstance(error, SyntaxError) and error.filename:
        file, line = error.filename, error.lineno
    for frame in traceback.extract_tb(error.__traceback__):
        if any(frame.filename.startswith(root) for root in roots):
            file, line = frame.filename, frame.lineno
    if isinstance(error, _NotJSON):
        return {"file": file, "line": line, "message": str(error), "returned": True}
    return {"file": file, "line": line, "message": f"{type(error).__name__}: {error}"}


class _NotJSON(ValueError):
    """A value that cannot travel to the browser as JSON."""


def _jsonable(value: object) -> object:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise _NotJSON(f"something JSON cannot carry ({error})") from None
    return value


def _call(fact: dict[str, Any], key: str, roots: list[str], func: Any, *args: Any) -> Any:
    """Store `func(*args)` (JSON-checked) under `key`, or the error under `key + '_error'`."""
    try:
        value = _jsonable(func(*args))
    except Exception as error:
        fact[key] = None
        fact[f"{key}_error"] = _where(error, roots)
        return None
    fact[key] = value
    return value


COMBINATION_LIMIT = 4096
"""Self-checks with at most this many answer combinations are checked exhaustively; larger
ones are tried with this many random combinations on top of their samples."""


def _extras(obj: Any) -> dict[str, Any]:
    """Facts only the object knows (not in its spec): where it was made, right answers."""
    extras: dict[str, Any] = {}
    origin = getattr(obj, "origin", None)
    if isinstance(origin, tuple) and len(origin) == 2:
        extras["origin"] = [str(origin[0]), int(origin[1])]
    if getattr(obj, "kind", "") == "quiz":
        extras["no_correct_answer"] = [
            str(q.id) for q in getattr(obj, "questions", ()) if not _has_right_answer(q)
        ]
    if hasattr(obj, "outcomes"):
        extras["outcomes"] = [str(getattr(o, "id", o)) for o in obj.outcomes]
    return extras


def _has_right_answer(question: Any) -> bool:
    """A scored question has a right answer when its own `correct_raw()` grades as right."""
    try:
        return question.grade(question.parse(question.correct_raw())) is True
    except Exception:
        return False


def _reached(obj: Any, samples: list[dict[str, Any]]) -> dict[str, Any]:
    """Outcome ids the samples lead to, plus every answer combination when there are few,
    else as many random ones (fixed seed, so builds agree)."""
    answer_sets: Any = samples
    exhaustive = False
    count = getattr(obj, "combination_count", None)
    if count is not None and count() <= COMBINATION_LIMIT:
        answer_sets = itertools.chain(samples, obj.combinations())
        exhaustive = True
    elif all(hasattr(q, "raw_choices") for q in obj.questions):
        pick = random.Random(0).choice
        choices = [(q.id, q.raw_choices()) for q in obj.questions]
        drawn = ({qid: pick(raws) for qid, raws in choices} for _ in range(COMBINATION_LIMIT))
        answer_sets = itertools.chain(samples, drawn)
    reached = {obj.outcome_for(answers) for answers in answer_sets}
    return {"ids": sorted(str(o) for o in reached if o is not None), "exhaustive": exhaustive}


def _probe_object(obj: Any, roots: list[str], result_problems: Any) -> dict[str, Any]:
    fact: dict[str, Any] = {"class": type(obj).__name__, "id": str(getattr(obj, "id", ""))}
    _call(fact, "spec", roots, obj.spec)
    _call(fact, "cited_keys", roots, lambda: sorted(obj.cited_keys()))
    if hasattr(obj, "problems"):
        _call(fact, "authoring", roots, lambda: [str(p) for p in obj.problems()])
    try:
        fact.update(_jsonable(_extras(obj)))
    except Exception as error:
        fact["extras_error"] = _where(error, roots)
    samples = _call(fact, "samples", roots, lambda: [dict(s) for s in obj.samples()])
    fact["runs"] = []
    for answers in samples or []:
        run: dict[str, Any] = {"answers": answers}
        result = _call(run, "result", roots, obj.evaluate, answers)
        if result is not None or "result_error" not in run:
            run["problems"] = list(result_problems(result))
        fact["runs"].append(run)
    if "outcomes" in fact and hasattr(obj, "outcome_for"):
        _call(fact, "reached", roots, _reached, obj, samples or [])
    if hasattr(obj, "triage_problems"):
        _call(fact, "triage", roots, lambda: [str(p) for p in obj.triage_problems(samples or [])])
    return fact


def probe(request: dict[str, Any]) -> dict[str, Any]:
    """Import `request["modules"]` ({name: file}) and describe every quiz object in them."""
    sys.path[:0] = request["sys_path"]
    roots = request["roots"]
    quizkit = importlib.import_module("quizkit")
    try:
        result_problems = importlib.import_module("quizkit.blocks").result_problems
    except (ImportError, AttributeError):
        result_problems = _minimal_result_problems
    modules: list[dict[str, Any]] = []
    seen: dict[int, dict[str, Any]] = {}
    for name, file in request["modules"].items():
        entry: dict[str, Any] = {"name": name, "file": file, "objects": []}
        modules.append(entry)
        try:
            module = importlib.import_module(name)
        except BaseException as error:  # SystemExit too: an author's module must not stop us
            entry["error"] = _where(error, roots)
            continue
        for obj in quizkit.collect(module):
            names = sorted(n for n, v in vars(module).items() if v is obj)
            if id(obj) in seen:
                seen[id(obj)]["bound"].append({"module": name, "file": file, "names": names})
                continue
            fact = _probe_object(obj, roots, result_problems)
            fact["bound"] = [{"module": name, "file": file, "names": names}]
            seen[id(obj)] = fact
            entry["objects"].append(fact)
    return {"modules": modules}


def _minimal_result_problems(result: object) -> list[str]:
    if not isinstance(result, dict) or not {"ok", "field_errors", "blocks"} <= set(result):
        return ["evaluate() must return a dict with ok, field_errors and blocks"]
    return []


def main() -> None:
    """`probe.py REQUEST.json OUT.json`: quiz code's prints go to stderr, facts to OUT."""
    request = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    with contextlib.redirect_stdout(sys.stderr):
        facts = probe(request)
    Path(sys.argv[2]).write_text(json.dumps(facts, allow_nan=False), encoding="utf-8")


if __name__ == "__main__":
    main()
