"""return-to-running-planner: a week-by-week build-up from what you run now to your goal.

Each week adds the chosen percentage (5 to 10%) to the week before, as the article advises
[@urmc-runners-knee]. Weekly totals compound exactly; the table shows them rounded to 0.1 km
or mile, or to whole minutes. The last week is the goal itself.
"""

from __future__ import annotations

import math

from quizkit import InputError, Number, Option, SingleChoice, Tool, Values, blocks
from quizkit.numbers import show

MAX_WEEKS = 52
#: More than this per week is not a real running week: it is a typo.
MOST_PER_WEEK = {"km": 400.0, "miles": 250.0, "minutes": 2400.0}
DEFAULT_INCREASE = 10.0

UNITS = [
    Option("km", "Kilometres (km)"),
    Option("miles", "Miles"),
    Option("minutes", "Minutes of running"),
]

#: The one pain rule the whole guide uses (article, quiz, planner). A common rule of thumb,
#: given without a citation on purpose: no source we could check states it.
PAIN_RULE = "Pain up to 3 out of 10 is OK if it is back to its usual level by the next morning."

#: What the planner is and is not, said plainly in its result.
LIMITS = (
    "This plan is a rule of thumb, not a plan made for you. It only adds time or distance. "
    "Change one thing at a time: keep your speed and hills the same while you build up."
)

ADVICE = [
    "Only run when you can run without pain making you change the way you run.",
    f"Keep to the pain rule. {PAIN_RULE}",
    "Start on flat ground. Stay off hills and rough trails at first.",
    "If the pain goes above 3 out of 10, or is not back to its usual level the next morning, "
    "go back to the last week that felt fine.",
    "As a rule of thumb, add no more than 5 to 10% each week [@urmc-runners-knee].",
]


def weeks_needed(current: float, goal: float, increase: float) -> int:
    """How many weeks of `increase` percent growth take `current` to at least `goal`.

    >>> weeks_needed(10, 20, 10), weeks_needed(10, 11, 10), weeks_needed(10, 20, 5)
    (8, 1, 15)
    """
    rate = 1 + increase / 100
    weeks = math.ceil(math.log(goal / current) / math.log(rate) - 1e-9)
    return max(weeks, 1)


def weekly_totals(
    current: float, goal: float, increase: float, limit: int = MAX_WEEKS
) -> list[float]:
    """The exact total for weeks 1, 2, ... (at most `limit`); the last reached week is the goal.

    >>> [round(v, 2) for v in weekly_totals(10, 13, 10)]
    [11.0, 12.1, 13]
    """
    totals: list[float] = []
    value = current
    while len(totals) < limit:
        value *= 1 + increase / 100
        if value >= goal - 1e-9:
            totals.append(goal)
            break
        totals.append(value)
    return totals


def rounded(unit: str, value: float) -> float:
    """Rounded as shown: whole minutes, or 0.1 km or mile.

    >>> rounded("minutes", 32.5), rounded("km", 13.31), rounded("miles", 2.25)
    (33.0, 13.3, 2.3)
    """
    step = 1 if unit == "minutes" else 10
    return math.floor(value * step + 0.5) / step


def _check(values: Values) -> tuple[float, float, float, str]:
    unit, current, goal = values["unit"], values["current"], values["goal"]
    increase = values["increase"] if values["increase"] is not None else DEFAULT_INCREASE
    most = MOST_PER_WEEK[unit]
    errors = {}
    for field, value in (("current", current), ("goal", goal)):
        if value > most:
            errors[field] = (
                f"That is more than {show(most)} {unit} a week, far more than "
                "people run. Check the number."
            )
    if "current" not in errors and current <= 0:
        errors["current"] = (
            "Enter more than 0. If you cannot run yet and keep to the pain rule, "
            "wait until you can before you start the plan."
        )
    if not errors and goal <= current:
        errors["goal"] = f"Your goal must be more than what you run now ({show(current)} {unit})."
    if errors:
        raise InputError(errors)
    return current, goal, increase, unit


def plan(values: Values) -> list[blocks.Block]:
    """The plan as a table, a chart and the article's advice."""
    current, goal, increase, unit = _check(values)
    totals = weekly_totals(current, goal, increase)
    needed = weeks_needed(current, goal, increase)
    pct = show(increase)
    rows = [["Now", show(rounded(unit, current)), ""]]
    previous = current
    for week, total in enumerate(totals, start=1):
        rows.append(
            [str(week), show(rounded(unit, total)), "+" + show(rounded(unit, total - previous))]
        )
        previous = total
    out = [blocks.heading("Your plan")]
    if needed > MAX_WEEKS:
        out.append(
            blocks.notice(
                "warning",
                f"At {pct}% a week, going from {show(current)} to {show(goal)} {unit} takes "
                f"{needed} weeks, which is more than a year. The plan shows the first {MAX_WEEKS} "
                "weeks. Think about a nearer goal first.",
            )
        )
    else:
        out.append(
            blocks.paragraph(
                f"At {pct}% a week you reach {show(goal)} {unit} a week in week {needed}."
            )
        )
    out += [
        blocks.table(
            f"Weekly running, in {unit}, growing {pct}% a week",
            ["Week", f"Total ({unit})", "Added"],
            rows,
        ),
        blocks.chart(
            "Your weekly total",
            "Week",
            f"Total ({unit})",
            [(f"Week {i}", rounded(unit, t)) for i, t in enumerate(totals, start=1)],
        ),
        blocks.notice("info", LIMITS),
        blocks.paragraph("Each week, keep to these rules:"),
        blocks.bullet_list(ADVICE),
        blocks.links(
            [("Returning to running", "#returning-to-running"), ("Prevention", "#prevention")]
        ),
    ]
    return out


return_to_running_planner = Tool(
    id="return-to-running-planner",
    title="Plan your return to running",
    intro="Enter what you can run now without pain and what you want to build up to. The "
    "planner adds a little each week.",
    submit_label="Make my plan",
    questions=[
        Number(
            "current",
            "How much can you run in a week now, keeping to the pain rule?",
            min=0,
            step=0.1,
            help="Your weekly total, such as 10. " + PAIN_RULE,
            samples=[10, 0, 500],
        ),
        Number(
            "goal",
            "What weekly total do you want to reach?",
            min=0,
            step=0.1,
            help="Such as 30.",
            samples=[20, 5, 30000],
        ),
        SingleChoice("unit", "Unit", options=UNITS, default="km"),
        Number(
            "increase",
            "How much to add each week",
            unit="%",
            min=5,
            max=10,
            step=0.5,
            default=DEFAULT_INCREASE,
            required=False,
            help="5 to 10%. 10% is the most.",
            samples=[10, 5],
        ),
    ],
    compute=plan,
    sample_answers=[
        {"current": "1", "goal": "300", "unit": "minutes", "increase": "5"},
        {"current": "16", "goal": "25", "unit": "miles", "increase": ""},
    ],
)
