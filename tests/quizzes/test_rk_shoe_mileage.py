"""The shoe check: fine below 250 miles, getting close up to 300, replace from 300 miles."""

from __future__ import annotations

import pytest

from quizzes.runners_knee.shoe_mileage import shoe_mileage_check as SHOES


def first(distance: str, unit: str) -> dict:
    result = SHOES.evaluate({"distance": distance, "unit": unit})
    assert result["ok"] is True, result
    return result["blocks"][0]


@pytest.mark.parametrize(
    ("distance", "unit", "level", "start"),
    [
        ("0", "miles", "success", "Fine for now."),
        ("249.9", "miles", "success", "Fine for now."),
        ("250", "miles", "info", "Getting close."),
        ("299", "miles", "info", "Getting close."),
        ("300", "miles", "warning", "Replace them now."),
        ("400", "miles", "warning", "Replace them now."),
        ("401", "miles", "warning", "Replace them now."),
        ("400", "km", "success", "Fine for now."),  # 248.5 miles
        ("403", "km", "info", "Getting close."),  # 250.4 miles
        ("483", "km", "warning", "Replace them now."),  # 300.1 miles
    ],
)
def test_thresholds(distance: str, unit: str, level: str, start: str) -> None:
    block = first(distance, unit)
    assert block["level"] == level
    assert block["text"].startswith(start)


def test_numbers_are_given_in_the_readers_unit() -> None:
    result = SHOES.evaluate({"distance": "100", "unit": "km"})
    texts = " ".join(b.get("text", "") for b in result["blocks"])
    assert "about 100 km" in texts
    assert "383 km to go" in texts
    assert "every 300 to 400 miles (about 480 to 640 km)" in texts
    miles = " ".join(
        b.get("text", "") for b in SHOES.evaluate({"distance": "350", "unit": "miles"})["blocks"]
    )
    assert "every 300 to 400 miles" in miles and "inside the range for new shoes" in miles
    assert "past the range for new shoes" in first("450", "miles")["text"]


@pytest.mark.parametrize(
    ("distance", "unit", "message"),
    [
        ("", "miles", "Enter a number."),
        ("lots", "miles", "Enter a number, such as 12 or 12.5."),
        ("-20", "km", "The number cannot be negative."),
        ("6000", "miles", "That is more than 5000 miles. Check the number."),
        ("9000", "km", "That is more than 8047 km. Check the number."),
        ("20000", "km", "Enter 10000 or less."),
    ],
)
def test_bad_input(distance: str, unit: str, message: str) -> None:
    result = SHOES.evaluate({"distance": distance, "unit": unit})
    assert result["field_errors"] == {"distance": message}


def test_links_to_the_shoes_section_and_cites_the_rule() -> None:
    result = SHOES.evaluate({"distance": "100", "unit": "miles"})
    assert result["blocks"][-1] == {
        "type": "links",
        "items": [{"text": "Shoes and runner's knee", "href": "#shoes"}],
    }
    assert SHOES.cited_keys() == {"urmc-runners-knee"}


@pytest.mark.parametrize("unit", ["miles", "km"])
def test_never_a_danger_notice(unit: str) -> None:
    """Red is kept for medical warnings; worn shoes are not one, however far they have gone."""
    for distance in [0, 100, 249.9, 250, 299.9, 300, 350, 400, 401, 1000, 4999]:
        result = SHOES.evaluate({"distance": str(distance), "unit": unit})
        if not result["ok"]:
            continue
        levels = {b["level"] for b in result["blocks"] if b["type"] == "notice"}
        assert "danger" not in levels, (distance, unit)
