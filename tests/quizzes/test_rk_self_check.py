"""The runner's knee self-check: warning signs win at their tier, and every result explains itself.

The self-check has 17 red flags (2**17 = 131,072 sets of "yes" answers) and seven ordinary
questions (12,288 combinations). The routing tests below run EVERY red-flag set through the
full `evaluate()` path over a grid of ordinary answers (a pattern, nothing answered, pain
elsewhere, pain below the kneecap, in turn), every single flag and pair against every
ordinary answer, and every ordinary combination with no flag. They prove: each red flag
reaches at least its tier, the most urgent tier wins, no ordinary answer goes above *soon*,
and every result shows its care card first and says it is not a diagnosis.
"""

from __future__ import annotations

import itertools

import pytest
from quizkit import blocks, care

from quizzes.runners_knee import self_check as sc

CHECK = sc.runners_knee_self_check
FLAGS = sc.RED_FLAGS
FLAG_IDS = [f.id for f in FLAGS]
ORDINARY = CHECK.ordinary_questions()
NO_FLAGS = dict.fromkeys(FLAG_IDS, "no")
CALM = {
    "where": "front",
    "when": ["stairs"],
    "popping": "no",
    "training": "no",
    "shoes": "under-300",
    "flat_feet": "no",
    "knees": "one",
}
BASES = [CALM, {}, CALM | {"where": "elsewhere"}, CALM | {"where": "below"}]


def ordinary_grid() -> list[dict[str, object]]:
    """Each answer of each ordinary question at least once (raw answers)."""
    return [{**CALM, q.id: raw} for q in ORDINARY for raw in q.raw_choices()]


def expect_red_flag_result(result: dict, raised: list[sc.RedFlag]) -> None:
    want = care.highest(f.tier for f in raised)
    assert result["ok"] is True
    assert result["outcome"] == "red-flag"
    assert result["tier"] == want
    assert all(care.rank(result["tier"]) >= care.rank(f.tier) for f in raised)
    assert result["blocks"][0] == blocks.care(want)
    assert {"type": "list", "items": [f.reason for f in raised]} in result["blocks"]
    assert result["blocks"][-1] == blocks.closing()


def test_red_flags_are_asked_first_most_urgent_first() -> None:
    assert [q.id for q in CHECK.questions][: len(FLAGS)] == FLAG_IDS
    ranks = [care.rank(f.tier) for f in FLAGS]
    assert ranks == sorted(ranks, reverse=True)
    assert CHECK.problems() == []


def test_the_tiers_the_clinical_review_asked_for() -> None:
    tiers = {f.id: f.tier for f in FLAGS}
    assert [i for i, t in tiers.items() if t == care.EMERGENCY] == [
        "calf_breathless",
        "cold_leg",
        "injury_numb",
        "deformity",
        "fast_swelling",
    ]
    assert [i for i, t in tiers.items() if t == care.URGENT] == [
        "no_weight",
        "kneecap_back",
        "hot_knee",
        "fever",
        "calf",
        "locked",
        "child_limp",
    ]
    assert [i for i, t in tiers.items() if t == care.SOON] == [
        "night_pain",
        "numbness",
        "gives_way",
        "weight_loss",
        "under_18",
    ]


def test_every_red_flag_set_reaches_its_highest_tier() -> None:
    """All 131,071 non-empty sets, each over one of the ordinary-answer bases in turn."""
    checked = 0
    for mask in range(1, 2 ** len(FLAGS)):
        raised = [f for i, f in enumerate(FLAGS) if mask >> i & 1]
        answers = BASES[mask % len(BASES)] | NO_FLAGS | {f.id: "yes" for f in raised}
        expect_red_flag_result(CHECK.evaluate(answers), raised)
        checked += 1
    assert checked == 2 ** len(FLAGS) - 1 == 131_071


@pytest.mark.parametrize("others", ordinary_grid())
def test_single_flags_and_pairs_against_every_ordinary_answer(others: dict[str, object]) -> None:
    for size in (1, 2):
        for raised in itertools.combinations(FLAGS, size):
            answers = others | NO_FLAGS | {f.id: "yes" for f in raised}
            expect_red_flag_result(CHECK.evaluate(answers), list(raised))


def test_no_ordinary_answer_goes_above_soon_and_each_is_explained() -> None:
    seen = set()
    for raws in itertools.product(*(q.raw_choices() for q in ORDINARY)):
        answers = NO_FLAGS | dict(zip([q.id for q in ORDINARY], raws, strict=True))
        result = CHECK.evaluate(answers)
        assert result["ok"] is True
        assert care.rank(result["tier"]) <= care.rank(care.SOON), answers
        assert result["blocks"][0] == blocks.care(result["tier"])
        assert result["blocks"][-1] == blocks.closing()
        reasons = [b for b in result["blocks"] if b["type"] == "list"]
        assert reasons and reasons[0]["items"]
        seen.add(result["outcome"])
    assert seen == {"pattern", "unclear", "not-pattern", "below-kneecap"}


def test_one_yes_is_enough_the_rest_stays_optional() -> None:
    result = CHECK.evaluate({"hot_knee": "yes"})
    assert (result["ok"], result["tier"], result["field_errors"]) == (True, "urgent", {})


def test_calf_swelling_with_breathlessness_is_an_emergency() -> None:
    result = CHECK.evaluate({"calf_breathless": "yes", "calf": "yes"})
    assert result["tier"] == "emergency"


def test_compiler_routing_proof_finds_nothing() -> None:
    assert CHECK.routing_problems([CHECK.sample_base(), *ordinary_grid()]) == []


def test_each_red_flag_reason_and_the_warning_signs_link_are_named() -> None:
    for flag in FLAGS:
        result = CHECK.evaluate(CALM | NO_FLAGS | {flag.id: "yes"})
        assert {"type": "list", "items": [flag.reason]} in result["blocks"]
        links = [item for b in result["blocks"] if b["type"] == "links" for item in b["items"]]
        assert {"text": "When to get help", "href": "#when-to-see-a-doctor"} in links


@pytest.mark.parametrize(
    ("change", "outcome", "tier", "reason"),
    [
        ({}, "pattern", "self-care", "It hurts with activities that bend the knee: going up"),
        ({"where": "elsewhere"}, "not-pattern", "soon", "Your pain is not at the front"),
        ({"where": "below"}, "below-kneecap", "soon", "Your pain is just below the kneecap."),
        ({"where": "not-sure"}, "unclear", "self-care", "You are not sure where the pain is."),
        ({"when": []}, "unclear", "self-care", "None of the usual activities"),
        ({"flat_feet": "yes"}, "pattern", "self-care", "Feet that roll inward a lot"),
        ({"shoes": "over-400"}, "pattern", "self-care", "Your shoes may be worn out"),
        ({"training": "yes"}, "pattern", "self-care", "Running more, faster or more often"),
    ],
)
def test_outcomes_say_which_answers_led_there(change, outcome, tier, reason) -> None:
    result = CHECK.evaluate(CALM | NO_FLAGS | change)
    assert (result["outcome"], result["tier"]) == (outcome, tier)
    items = next(b["items"] for b in result["blocks"] if b["type"] == "list")
    assert any(item.startswith(reason) for item in items), items


def test_unanswered_warning_signs_are_field_errors_when_none_is_yes() -> None:
    answers = CALM | {k: v for k, v in NO_FLAGS.items() if k != "calf"}
    result = CHECK.evaluate(answers)
    assert result == {
        "ok": False,
        "field_errors": {"calf": "Answer yes or no."},
        "blocks": [
            blocks.notice("warning", "Some answers need a look. See the messages next to them.")
        ],
        "outcome": None,
        "tier": None,
    }


def test_samples_reach_every_declared_outcome() -> None:
    declared = {o.id for o in CHECK.outcomes}
    assert CHECK.reachable_outcomes(CHECK.samples()) == declared | {"red-flag"}


def test_the_spec_tells_the_browser_each_red_flag_and_its_tier() -> None:
    assert CHECK.spec()["red_flags"] == [{"question": f.id, "tier": f.tier} for f in FLAGS]
