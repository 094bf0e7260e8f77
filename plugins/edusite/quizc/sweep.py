"""Run a self-check's own logic (`decide`) over its answer combinations, at build time.

A `decide` that crashes for one combination of answers must be found by the build, not by a
reader. When any red flag is "yes", quizkit routes the answer itself and `decide` is never
called (and `SelfCheck.triage_problems` already proves that routing), so the combinations
worth running are those of the ordinary questions with every red flag "no". Up to
`EXHAUSTIVE_LIMIT` of them are all run; above that, a systematic cover is (every question at
its baseline, all "yes", each single change, every pair of changes), deterministic so that
builds agree. `decide` is called with values parsed once per choice, not through
`evaluate()`: the same values `evaluate()` would pass, at a fraction of the cost (the
runner's knee self-check has 12,288 combinations).

The probe loads this file by path (it runs isolated, without edusite importable), so it uses
only the standard library and duck-typed quizkit objects.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

EXHAUSTIVE_LIMIT = 100_000
"""Self-checks with at most this many ordinary answer combinations are run on all of them."""
MAX_ERRORS = 3
"""Distinct crashes reported per self-check (the first is usually the one to fix)."""

Choice = tuple[Any, Any]  # (raw answer as a form sends it, the value `decide` receives)


def choices(question: Any) -> list[Choice]:
    """A question's raw choices that parse, with their values (the others never reach
    `decide`: the reader is asked to correct them first)."""
    found: list[Choice] = []
    for raw in question.raw_choices():
        try:
            found.append((raw, question.parse(raw)))
        except ValueError:  # quizkit's FieldError: a message for the reader
            continue
    return found


def baseline(options: Sequence[Choice]) -> int:
    """Index of the answer a cover starts from: "no" for a yes-or-no question, else the first."""
    raws = [raw for raw, _ in options]
    return raws.index("no") if "no" in raws else 0


def _all_yes(options: Sequence[Choice]) -> int:
    raws = [raw for raw, _ in options]
    return raws.index("yes") if "yes" in raws else len(options) - 1


def cover(option_lists: Sequence[Sequence[Choice]]) -> list[tuple]:
    """Index tuples of a systematic cover: all at baseline, each single change from it, every
    pair of changes, then all "yes" (other questions at their last option). Smallest changes
    first, so the first crash found names the fewest answers that cause it."""
    base = tuple(baseline(o) for o in option_lists)
    found: dict[tuple, None] = {base: None}
    others = [[i for i in range(len(o)) if i != b] for o, b in zip(option_lists, base, strict=True)]
    for n, alternatives in enumerate(others):
        for i in alternatives:
            found[(*base[:n], i, *base[n + 1 :])] = None
    for m, n in itertools.combinations(range(len(others)), 2):
        for i, j in itertools.product(others[m], others[n]):
            combo = list(base)
            combo[m], combo[n] = i, j
            found[tuple(combo)] = None
    found[tuple(_all_yes(o) for o in option_lists)] = None
    return list(found)


def plan(
    option_lists: Sequence[Sequence[Choice]], limit: int
) -> tuple[int, bool, Iterable[tuple[Choice, ...]]]:
    """(how many combinations, whether that is all of them, the combinations: one
    (raw, value) choice per question)."""
    total = math.prod(len(o) for o in option_lists)
    if total <= limit:
        return total, True, itertools.product(*option_lists)
    picked = cover(option_lists)
    chosen = (tuple(o[i] for o, i in zip(option_lists, c, strict=True)) for c in picked)
    return len(picked), False, chosen


def run(
    check: Any,
    samples: Iterable[dict[str, Any]],
    where: Callable[[BaseException], dict[str, Any]],
    limit: int = EXHAUSTIVE_LIMIT,
) -> dict[str, Any]:
    """Outcome ids the samples and the combinations reach, and the first distinct crashes of
    `decide`, each with the ordinary answers that caused it."""
    ids: set[str] = set()
    for answers in samples:
        try:
            ids.add(check.outcome_for(answers))
        except Exception:  # reported with the sample's own run
            continue
    questions = check.ordinary_questions()
    flags = {f.id: check.question(f.id).parse("no") for f in check.red_flags}
    option_lists = [choices(q) for q in questions]
    count, exhaustive, combos = plan(option_lists, limit)
    errors: dict[tuple[Any, ...], dict[str, Any]] = {}
    qids = [q.id for q in questions]
    decision = check.decision
    for combo in combos:  # the hot loop: 12,288 times for the runner's knee self-check
        values = dict(flags)
        values.update(zip(qids, [value for _, value in combo], strict=True))
        try:
            ids.add(decision(values)[1].id)
        except Exception as error:
            found = where(error)
            key = (found.get("file"), found.get("line"), found.get("message"))
            if key not in errors and len(errors) < MAX_ERRORS:
                found["answers"] = dict(zip(qids, [raw for raw, _ in combo], strict=True))
                errors[key] = found
    ids.discard(None)  # type: ignore[arg-type]
    return {
        "ids": sorted(str(i) for i in ids),
        "count": count,
        "exhaustive": exhaustive,
        "errors": list(errors.values()),
    }
