"""The runner's knee self-check: warning signs always win, and every result explains itself.

The full product of the self-check's choice answers is 256 red-flag combinations x 9,216
combinations of the other seven questions = 2,359,296 answer sets. The exhaustive test below
covers ALL of them at the decision level (each distinct raw answer parsed once by its own
question, then `decide` run on every combination: ~6 s); the full `evaluate()` path, with its
blocks, runs over all 255 red-flag subsets x a grid that gives every other answer once.
"""

from __future__ import annotations

import itertools

import pytest
from quizkit import NOT_A_DIAGNOSIS, blocks

from quizzes.runners_knee import self_check as sc

CHECK = sc.runners_knee_self_check
FLAGS = list(sc.RED_FLAGS)
OTHERS = [q for q in CHECK.questions if q.id not in sc.RED_FLAGS]
NO_FLAGS = dict.fromkeys(FLAGS, "no")
CALM = NO_FLAGS | {
    "where": "front",
    "when": ["stairs"],
    "popping": "no",
    "training": "no",
    "shoes": "under-300",
    "flat_feet": "no",
    "knees": "one",
}


def flag_subsets() -> list[dict[str, bool]]:
    """Every non-empty set of red flags, as parsed values."""
    return [
        {flag: bool(mask >> i & 1) for i, flag in enumerate(FLAGS)}
        for mask in range(1, 2 ** len(FLAGS))
    ]


def other_grid() -> list[dict[str, object]]:
    """Each answer of each non-flag question at least once (raw answers)."""
    grid = []
    for question in OTHERS:
        for raw in question.raw_choices():
            grid.append({**{k: v for k, v in CALM.items() if k not in NO_FLAGS}, question.id: raw})
    return grid


def test_red_flags_are_asked_first() -> None:
    ids = [q.id for q in CHECK.questions]
    assert ids[: len(FLAGS)] == FLAGS
    assert len(FLAGS) == 8


def test_exhaustive_any_red_flag_means_medical_care() -> None:
    ids = [q.id for q in OTHERS]
    parsed = [[q.parse(raw) for raw in q.raw_choices()] for q in OTHERS]
    subsets = flag_subsets()
    checked = 0
    for combo in itertools.product(*parsed):
        values = dict(zip(ids, combo, strict=True))
        for flags in subsets:
            values.update(flags)
            decision = sc.decide(values)
            assert decision.outcome == "red-flags", values
            assert len(decision.reasons) == sum(flags.values())
            checked += 1
    assert checked == 255 * CHECK.combination_count() // 256 == 2_350_080


@pytest.mark.parametrize("others", other_grid())
def test_any_red_flag_through_evaluate(others: dict[str, object]) -> None:
    for flags in flag_subsets():
        answers = {k: "yes" if v else "no" for k, v in flags.items()} | others
        result = CHECK.evaluate(answers)
        assert result["outcome"] == "red-flags"
        assert result["blocks"][0] == {"type": "heading", "text": "Get medical care promptly"}
        assert result["blocks"][1]["level"] == "danger"
        assert result["blocks"][-1]["text"] == NOT_A_DIAGNOSIS


def test_every_answer_set_without_flags_is_explained_and_never_a_diagnosis() -> None:
    seen = set()
    for raws in itertools.product(*(q.raw_choices() for q in OTHERS)):
        answers = NO_FLAGS | dict(zip([q.id for q in OTHERS], raws, strict=True))
        result = CHECK.evaluate(answers)
        assert result["ok"] is True
        assert result["outcome"] != "red-flags"
        assert result["blocks"][-1] == {"type": "notice", "level": "info", "text": NOT_A_DIAGNOSIS}
        reasons = [b for b in result["blocks"] if b["type"] == "list"]
        assert reasons and reasons[0]["items"]
        seen.add(result["outcome"])
    assert seen == {"pattern", "unclear", "not-pattern"}


def test_each_red_flag_reason_is_named() -> None:
    for flag, (_, reason) in sc.RED_FLAGS.items():
        result = CHECK.evaluate(CALM | {flag: "yes"})
        assert result["outcome"] == "red-flags"
        assert {"type": "list", "items": [reason]} in result["blocks"]
        assert {"text": "When to see a doctor", "href": "#when-to-see-a-doctor"} in [
            item for b in result["blocks"] if b["type"] == "links" for item in b["items"]
        ]


@pytest.mark.parametrize(
    ("change", "outcome", "reason"),
    [
        ({}, "pattern", "It hurts with activities that bend the knee: going up or down stairs."),
        ({"where": "elsewhere"}, "not-pattern", "Your pain is not at the front of the knee"),
        ({"where": "not-sure"}, "unclear", "You are not sure where the pain is."),
        ({"when": []}, "unclear", "None of the usual activities"),
        ({"flat_feet": "yes"}, "pattern", "Flat feet change how your foot"),
        ({"shoes": "over-400"}, "pattern", "Your shoes may be worn out"),
        ({"training": "yes"}, "pattern", "A recent jump in how much you run"),
    ],
)
def test_outcomes_say_which_answers_led_there(change, outcome: str, reason: str) -> None:
    result = CHECK.evaluate(CALM | change)
    assert result["outcome"] == outcome
    items = next(b["items"] for b in result["blocks"] if b["type"] == "list")
    assert any(item.startswith(reason) for item in items), items


def test_unanswered_warning_signs_are_field_errors_not_a_result() -> None:
    answers = {k: v for k, v in CALM.items() if k != "calf"}
    result = CHECK.evaluate(answers)
    assert result == {
        "ok": False,
        "field_errors": {"calf": "Answer yes or no."},
        "blocks": [
            blocks.notice("warning", "Some answers need a look. See the messages next to them.")
        ],
        "outcome": None,
    }


def test_samples_reach_every_declared_outcome() -> None:
    declared = {o.id for o in CHECK.outcomes}
    assert CHECK.reachable_outcomes(CHECK.samples()) == declared
