"""heat-check: after time in the heat or sun, which signs need help, and how fast?

The warning signs come first, each leading to a care tier (quizkit lets the most urgent
"yes" win); only with none of them do the other answers count. The article's "When to get
help" boxes list the same signs under the same tiers.
"""

from __future__ import annotations

from quizkit import (
    Decision,
    MultipleChoice,
    Option,
    Outcome,
    RedFlag,
    SelfCheck,
    Values,
    YesNo,
)
from quizkit.care import EMERGENCY, SELF_CARE, SOON, URGENT

RED_FLAGS = [
    RedFlag(
        "not_better",
        "Is the person still unwell after 30 minutes of cooling down?",
        EMERGENCY,
        "The person is still unwell after 30 minutes of cooling down [@nhs-heat].",
    ),
    RedFlag(
        "no_sweat",
        "Are they not sweating, even though they feel too hot?",
        EMERGENCY,
        "They are not sweating, even though they feel too hot [@nhs-heat].",
    ),
    RedFlag(
        "very_hot",
        "Is their temperature 40°C or more?",
        EMERGENCY,
        "Their temperature is 40°C or more [@nhs-heat].",
    ),
    RedFlag(
        "confused",
        "Are they confused, having a fit, or not responding?",
        EMERGENCY,
        "They are confused, have a fit, or do not respond [@nhs-heat].",
    ),
    RedFlag(
        "blisters",
        "Is sunburnt skin blistered or swollen?",
        URGENT,
        "Sunburnt skin is blistered or swollen [@nhs-sunburn].",
    ),
    RedFlag(
        "shivery",
        "Is there sunburn and a very high temperature, or a hot and shivery feeling?",
        URGENT,
        "There is sunburn and a very high temperature, or a hot and shivery feeling "
        "[@nhs-sunburn].",
    ),
    RedFlag(
        "baby",
        "Does a baby or young child have sunburn?",
        URGENT,
        "A baby or young child has sunburn [@nhs-sunburn].",
    ),
    RedFlag(
        "slow_healing",
        "Is sunburn still not better after 7 days?",
        SOON,
        "The sunburn is not better after 7 days. It usually gets better within 7 days "
        "[@nhs-sunburn].",
    ),
]

SIGNS = [
    Option("headache", "A headache"),
    Option("dizzy", "Feeling dizzy or sick"),
    Option("sweating", "Sweating a lot"),
    Option("thirsty", "Being very thirsty"),
]

COOL_DOWN = ("Cool down", "#cool-down")

OUTCOMES = [
    Outcome(
        "heat-signs",
        "These can be signs of heat exhaustion",
        "Cool down now: move to a cool place, lie down, drink water and cool the skin. "
        "You should start to feel better within 30 minutes [@nhs-heat].",
        tier=SELF_CARE,
        links=[COOL_DOWN, ("When to get help", "#when-to-get-help")],
    ),
    Outcome(
        "no-signs",
        "None of your answers is a sign of heat exhaustion",
        "Stay cool and drink water while it is hot.",
        tier=SELF_CARE,
        links=[COOL_DOWN],
    ),
]

_SIGN_WORDS = {o.value: o.label.lower() for o in SIGNS}


def decide(values: Values) -> Decision:
    """Signs of heat exhaustion or none (quizkit has already handled every warning sign)."""
    reasons = []
    if values["sunburn"]:
        reasons.append("You have sunburn. It usually gets better within 7 days [@nhs-sunburn].")
    if values["signs"]:
        signs = ", ".join(_SIGN_WORDS[s] for s in values["signs"])
        return Decision("heat-signs", [f"You have: {signs}.", *reasons])
    return Decision("no-signs", ["You have none of the signs we asked about.", *reasons])


QUESTIONS = [
    MultipleChoice(
        "signs",
        "Which of these do you have now? Tick all that apply.",
        options=SIGNS,
        help="Leave all boxes empty if you have none of these.",
    ),
    YesNo("sunburn", "Do you have sunburn?"),
]

_CALM = {flag.id: "no" for flag in RED_FLAGS} | {"signs": ["headache"], "sunburn": "yes"}
SAMPLES = [_CALM, _CALM | {"signs": []}, _CALM | {"baby": "yes"}]

heat_check = SelfCheck(
    id="heat-check",
    title="How are you after time in the heat or sun?",
    intro="The first questions look for warning signs: if you answer yes to one, you see "
    "what to do straight away. Your answers stay in your browser. This is not a diagnosis.",
    red_flags=RED_FLAGS,
    red_flag_links=[("When to get help", "#when-to-get-help")],
    questions=QUESTIONS,
    outcomes=OUTCOMES,
    decide=decide,
    sample_answers=SAMPLES,
)
