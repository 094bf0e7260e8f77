"""Reading a number a reader typed into a form field, with a message a reader understands.

Form fields give raw strings. We accept plain decimals ("12", "12.5", " 12 km ") and refuse
everything else with a message that says what to type instead, rather than guessing.
"""

from __future__ import annotations

import math
import re

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
#: Beyond this a value is not a typo we can range-check, it is not a real quantity.
ABSURD = 1e9


class FieldError(ValueError):
    """A reader's answer to one field cannot be used; the message is shown next to the field."""


def show(value: float) -> str:
    """A number as a reader would write it.

    >>> show(10.0), show(2.5), show(1000000.0)
    ('10', '2.5', '1000000')
    """
    return f"{value:.0f}" if float(value).is_integer() else f"{value:g}"


def parse_number(
    raw: str | None,
    *,
    unit: str = "",
    minimum: float | None = None,
    maximum: float | None = None,
    step: float | None = None,
) -> float | None:
    """The number in `raw`, None when empty; raises `FieldError` with a reader's message.

    >>> parse_number(" 12.5 km ", unit="km")
    12.5
    >>> parse_number("") is None
    True
    >>> parse_number("twelve")
    Traceback (most recent call last):
    ...
    quizkit.numbers.FieldError: Enter a number, such as 12 or 12.5.
    >>> parse_number("-3", unit="km", minimum=0)
    Traceback (most recent call last):
    ...
    quizkit.numbers.FieldError: The number cannot be negative.
    >>> parse_number("900", unit="km", minimum=0, maximum=500)
    Traceback (most recent call last):
    ...
    quizkit.numbers.FieldError: Enter 500 km or less.
    """
    text = (raw or "").strip()
    if unit and text.lower().endswith(unit.lower()):
        text = text[: -len(unit)].strip()
    if not text:
        return None
    if "," in text and _NUMBER.match(text.replace(",", ".")):
        raise FieldError("Use a point for decimals, such as 12.5 (not 12,5), and no commas.")
    if not _NUMBER.match(text):
        raise FieldError("Enter a number, such as 12 or 12.5.")
    value = float(text)
    if not math.isfinite(value) or abs(value) > ABSURD:
        raise FieldError("That number is far too large. Check what you typed.")
    suffix = unit if unit == "%" else f" {unit}" if unit else ""
    if value < 0 and (minimum is None or minimum >= 0):
        raise FieldError("The number cannot be negative.")
    if minimum is not None and value < minimum:
        raise FieldError(f"Enter at least {show(minimum)}{suffix}.")
    if maximum is not None and value > maximum:
        raise FieldError(f"Enter {show(maximum)}{suffix} or less.")
    if step is not None and step >= 1 and step.is_integer() and not value.is_integer():
        raise FieldError("Enter a whole number.")
    return value
