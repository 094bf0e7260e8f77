"""shoe-mileage-check: are your running shoes due for replacing?

Running shoes should be replaced every 300 to 400 miles (about 480 to 640 km)
[@urmc-runners-knee]. We call a pair "getting close" from 250 miles (about 400 km).

Worn shoes are not a medical warning, so no result uses the red danger level: that is kept
for the article's warning signs. "Replace them now" is a warning, "getting close" is info.
"""

from __future__ import annotations

from quizkit import InputError, Number, SingleChoice, Tool, Values, blocks
from quizkit.numbers import show

from quizzes.runners_knee.units import DISTANCE_UNITS, miles_to, to_miles

REPLACE_FROM_MILES = 300.0
REPLACE_BY_MILES = 400.0
CLOSE_FROM_MILES = 250.0
#: No shoe lasts this long; a bigger number is a typo (e.g. a lifetime total).
MOST_MILES = 5000.0

FINE, CLOSE, REPLACE = "fine", "getting close", "replace now"


def status(miles: float) -> str:
    """Which of fine / getting close / replace now a pair with `miles` on it is.

    >>> status(100), status(250), status(299.9), status(300), status(450)
    ('fine', 'getting close', 'getting close', 'replace now', 'replace now')
    """
    if miles >= REPLACE_FROM_MILES:
        return REPLACE
    return CLOSE if miles >= CLOSE_FROM_MILES else FINE


def _range_text() -> str:
    """The replacement range in both units, as the article gives it.

    >>> _range_text()
    '300 to 400 miles (about 480 to 640 km)'
    """
    low, high = (round(miles_to("km", m), -1) for m in (REPLACE_FROM_MILES, REPLACE_BY_MILES))
    return (
        f"{show(REPLACE_FROM_MILES)} to {show(REPLACE_BY_MILES)} miles "
        f"(about {show(low)} to {show(high)} km)"
    )


def check_shoes(values: Values) -> list[blocks.Block]:
    """The result for a distance on the shoes in km or miles."""
    unit, distance = values["unit"], values["distance"]
    miles = to_miles(unit, distance)
    if miles > MOST_MILES:
        limit = show(round(miles_to(unit, MOST_MILES)))
        raise InputError({"distance": f"That is more than {limit} {unit}. Check the number."})
    state = status(miles)
    left = miles_to(unit, REPLACE_FROM_MILES) - distance
    said = f"Your shoes have about {show(round(distance))} {unit} on them."
    advice = f"Replace running shoes every {_range_text()} [@urmc-runners-knee]."
    if state == FINE:
        out = [
            blocks.notice("success", f"Fine for now. {said}"),
            blocks.paragraph(
                f"You have about {show(round(left))} {unit} to go before "
                f"the replacement range. {advice}"
            ),
        ]
    elif state == CLOSE:
        out = [
            blocks.notice("info", f"Getting close. {said}"),
            blocks.paragraph(
                f"In about {show(round(left))} {unit} they reach the "
                f"replacement range. Plan a new pair. {advice}"
            ),
        ]
    else:
        past = miles > REPLACE_BY_MILES
        where = "past" if past else "inside"
        extra = f" That is {where} the range for new shoes."
        out = [
            blocks.notice("warning", f"Replace them now. {said}{extra}"),
            blocks.paragraph(f"It is time for a new pair. {advice}"),
        ]
    out.append(blocks.links([("Shoes and runner's knee", "#shoes")]))
    return out


shoe_mileage_check = Tool(
    id="shoe-mileage-check",
    title="Is it time for new running shoes?",
    intro="Enter about how far you have run in your current running shoes.",
    submit_label="Check my shoes",
    questions=[
        Number(
            "distance",
            "How far have you run in these shoes?",
            min=0,
            max=10000,
            step=0.1,
            help="A rough number is fine, such as 250.",
            samples=[0, 100, 260, 350, 450],
        ),
        SingleChoice("unit", "Unit", options=DISTANCE_UNITS, default="miles"),
    ],
    compute=check_shoes,
    sample_answers=[{"distance": "700", "unit": "km"}, {"distance": "9000", "unit": "miles"}],
)
