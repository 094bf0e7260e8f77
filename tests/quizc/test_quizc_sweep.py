"""`sweep`: a self-check's `decide` run over every ordinary combination, or a cover of them.

In-process on quizkit objects (the probe runs the same code in its subprocess), so these are
fast and can count exactly what was run.
"""

from __future__ import annotations

import time
from typing import Any

from edusite.quizc import sweep
from quizkit import Decision, MultipleChoice, Option, Outcome, RedFlag, SelfCheck, YesNo


def _where(error: BaseException) -> dict[str, Any]:
    return {"file": None, "line": None, "message": f"{type(error).__name__}: {error}"}


def _check(questions: int, decide: Any, flags: int = 2) -> SelfCheck:
    return SelfCheck(
        id="sweep-check",
        title="Sweep",
        red_flags=[RedFlag(f"f{n}", f"Flag {n}?", "urgent", f"Flag {n}.") for n in range(flags)],
        questions=[YesNo(f"q{n}", f"Question {n}?") for n in range(questions)],
        outcomes=[
            Outcome("a", "A", "A.", tier="self-care"),
            Outcome("b", "B", "B.", tier="soon"),
        ],
        decide=decide,
    )


def test_every_ordinary_combination_is_run_once_with_red_flags_no():
    seen: list[dict[str, Any]] = []

    def decide(values: dict[str, Any]) -> Decision:
        seen.append(dict(values))
        return Decision("a")

    found = sweep.run(_check(10, decide, flags=20), [], _where)
    assert (found["count"], found["exhaustive"], found["errors"]) == (1024, True, [])
    assert len(seen) == 1024  # not 2**30: decide never sees a red flag "yes"
    assert all(not values[f"f{n}"] for values in seen for n in range(20))
    assert len({tuple(sorted(v.items())) for v in seen}) == 1024


def test_above_the_limit_a_cover_of_baseline_all_yes_singles_and_pairs_is_run():
    seen: list[frozenset[str]] = []

    def decide(values: dict[str, Any]) -> Decision:
        seen.append(frozenset(k for k, v in values.items() if v))
        return Decision("a")

    found = sweep.run(_check(17, decide), [], _where)
    assert (found["count"], found["exhaustive"]) == (155, False)  # 1 + 1 + 17 + 136
    assert set(seen) == {
        frozenset(),
        frozenset(f"q{n}" for n in range(17)),
        *(frozenset({f"q{n}"}) for n in range(17)),
        *(frozenset({f"q{m}", f"q{n}"}) for m in range(17) for n in range(m + 1, 17)),
    }


def test_a_crash_names_the_ordinary_answers_that_caused_it():
    def decide(values: dict[str, Any]) -> Decision:
        if values["q2"] and values["q15"]:
            raise ZeroDivisionError("division by zero")
        return Decision("a" if values["q0"] else "b")

    found = sweep.run(_check(17, decide), [], _where)
    [error] = found["errors"]
    assert error["message"] == "ZeroDivisionError: division by zero"
    assert error["answers"] == {f"q{n}": "yes" if n in (2, 15) else "no" for n in range(17)}
    assert found["ids"] == ["a", "b"]


def test_an_undeclared_outcome_is_a_crash_of_the_logic():
    found = sweep.run(_check(2, lambda values: Decision("c")), [], _where)
    assert [e["message"] for e in found["errors"]] == [
        "ValueError: sweep-check: decide() returned an undeclared outcome 'c'"
    ]


def test_choices_that_do_not_parse_never_reach_decide():
    check = SelfCheck(
        id="ticks-check",
        title="Ticks",
        questions=[
            MultipleChoice(
                "where",
                "Where?",
                required=True,
                options=[Option("front", "Front"), Option("back", "Back")],
            )
        ],
        outcomes=[Outcome("a", "A", "A.", tier="self-care")],
        decide=lambda values: Decision("a"),
    )
    assert sweep.run(check, [], _where)["count"] == 3  # front, back, both; not "none"


def test_the_runners_knee_self_check_is_run_exhaustively_and_fast():
    from quizzes.runners_knee.self_check import runners_knee_self_check as check

    started = time.perf_counter()
    found = sweep.run(check, check.samples(), _where)
    assert (found["count"], found["exhaustive"], found["errors"]) == (12288, True, [])
    assert set(found["ids"]) >= {o.id for o in check.outcomes}
    assert time.perf_counter() - started < 3
