"""A self-check whose logic fails only when two particular answers come together."""

from quizkit import Decision, Option, Outcome, SelfCheck, SingleChoice, YesNo


def decide(values):
    """Rest or see someone; fails for a swollen knee, stairs fine, long runs (a missing key)."""
    if values["swollen"] and not values["stairs"] and values["distance"] == "long":
        return Decision(OUTCOME_IDS["see"])
    return Decision("rest" if values["distance"] != "long" else "see")


OUTCOME_IDS = {"rest": "rest"}

demo_check = SelfCheck(
    id="demo-check",
    title="Demo",
    questions=[
        YesNo("swollen", "Is your knee swollen?"),
        YesNo("stairs", "Do stairs hurt?"),
        SingleChoice(
            "distance",
            "How far do you run?",
            options=[
                Option("short", "Under 5 km"),
                Option("middle", "5 to 10 km"),
                Option("long", "Over 10 km"),
            ],
        ),
    ],
    outcomes=[
        Outcome("rest", "Rest", "Rest helps.", tier="self-care"),
        Outcome("see", "See someone", "Get it checked.", tier="soon"),
    ],
    decide=decide,
)
