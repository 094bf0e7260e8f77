"""Reading numbers readers type: every kind of bad input gets its own clear message."""

from __future__ import annotations

import pytest
from quizkit.numbers import FieldError, parse_number, show


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12", 12.0), (" 12.5 ", 12.5), ("12 km", 12.0), ("12KM", 12.0), (".5", 0.5), ("+3", 3.0)],
)
def test_reads_plain_decimals(raw: str, expected: float) -> None:
    assert parse_number(raw, unit="km") == expected


@pytest.mark.parametrize("raw", ["", "   ", None, "km"])
def test_empty_is_none(raw: str | None) -> None:
    assert parse_number(raw, unit="km") is None


@pytest.mark.parametrize(
    ("raw", "kwargs", "message"),
    [
        ("twelve", {}, "Enter a number, such as 12 or 12.5."),
        ("1e3", {}, "Enter a number, such as 12 or 12.5."),
        ("nan", {}, "Enter a number, such as 12 or 12.5."),
        ("12,5", {}, "Use a point for decimals, such as 12.5 (not 12,5), and no commas."),
        ("1,000", {}, "Use a point for decimals, such as 12.5 (not 12,5), and no commas."),
        ("-4", {"unit": "km", "minimum": 0}, "The number cannot be negative."),
        ("-4", {}, "The number cannot be negative."),
        ("2", {"unit": "km", "minimum": 5}, "Enter at least 5 km."),
        ("12", {"unit": "%", "maximum": 10}, "Enter 10% or less."),
        ("99999999999", {}, "That number is far too large. Check what you typed."),
        ("2.5", {"step": 1}, "Enter a whole number."),
    ],
)
def test_bad_input_messages(raw: str, kwargs: dict, message: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_number(raw, **kwargs)
    assert str(caught.value) == message


def test_negative_allowed_when_minimum_is_negative() -> None:
    assert parse_number("-4", minimum=-10) == -4.0


def test_fractions_allowed_with_small_step() -> None:
    assert parse_number("2.5", step=0.1) == 2.5


def test_show_drops_useless_decimals() -> None:
    assert [show(3.0), show(2.25), show(480.0)] == ["3", "2.25", "480"]
