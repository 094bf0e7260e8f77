"""The return-to-running planner: growth arithmetic, rounding, units, caps and bad input."""

from __future__ import annotations

import itertools

import pytest

from quizzes.runners_knee import planner
from quizzes.runners_knee.planner import return_to_running_planner as PLANNER


def run(current: str, goal: str, unit: str = "km", increase: str = "10") -> dict:
    return PLANNER.evaluate({"current": current, "goal": goal, "unit": unit, "increase": increase})


def table(result: dict) -> list[list[str]]:
    return next(b for b in result["blocks"] if b["type"] == "table")["rows"]


def test_ten_percent_compounds_and_ends_at_the_goal() -> None:
    rows = table(run("10", "20"))
    assert [r[1] for r in rows] == [
        "10",
        "11",
        "12.1",
        "13.3",
        "14.6",
        "16.1",
        "17.7",
        "19.5",
        "20",
    ]
    assert rows[1][2] == "+1" and rows[-1][2] == "+0.5"


def test_five_percent_grows_more_slowly() -> None:
    rows = table(run("20", "25", increase="5"))
    assert [r[1] for r in rows] == ["20", "21", "22.1", "23.2", "24.3", "25"]


def test_no_week_grows_more_than_the_chosen_rate() -> None:
    for pct in (5.0, 7.5, 10.0):
        totals = [3.0, *planner.weekly_totals(3.0, 30.0, pct)]
        for before, after in itertools.pairwise(totals):
            assert after <= before * (1 + pct / 100) + 1e-9
        assert totals[-1] == 30.0


def test_miles_and_minutes() -> None:
    assert [r[1] for r in table(run("16", "20", unit="miles"))] == [
        "16",
        "17.6",
        "19.4",
        "20",
    ]
    minutes = table(run("30", "45", unit="minutes"))
    assert [r[1] for r in minutes] == ["30", "33", "36", "40", "44", "45"]
    assert (
        "Total (minutes)"
        in next(b for b in run("30", "45", unit="minutes")["blocks"] if b["type"] == "table")[
            "columns"
        ]
    )


def test_empty_increase_means_ten_percent() -> None:
    assert table(run("10", "20", increase="")) == table(run("10", "20"))


def test_weeks_needed_matches_the_table() -> None:
    result = run("10", "20")
    assert "in week 8" in result["blocks"][1]["text"]
    assert len(table(result)) == 1 + planner.weeks_needed(10, 20, 10)


def test_chart_has_one_point_per_week() -> None:
    result = run("10", "20")
    chart = next(b for b in result["blocks"] if b["type"] == "chart")
    assert [p["value"] for p in chart["points"]][:2] == [11.0, 12.1]
    assert len(chart["points"]) == 8


def test_long_plans_are_capped_at_52_weeks_with_a_message() -> None:
    result = run("1", "300", unit="minutes", increase="5")
    assert len(table(result)) == 1 + planner.MAX_WEEKS
    notice = result["blocks"][1]
    assert notice["level"] == "warning"
    assert "117 weeks" in notice["text"] and "first 52 weeks" in notice["text"]


def test_advice_from_the_article_is_shown() -> None:
    result = run("10", "20")
    advice = next(b["items"] for b in result["blocks"] if b["type"] == "list")
    texts = " ".join(advice)
    assert "flat ground" in texts
    assert "without pain making you change the way you run" in texts
    assert "[@urmc-runners-knee]" in texts
    assert planner.PAIN_RULE in texts


@pytest.mark.parametrize(
    "answers", [("10", "20", "km", "10"), ("1", "300", "minutes", "5"), ("16", "25", "miles", "")]
)
def test_result_states_its_rule_of_thumb_limits(answers: tuple[str, ...]) -> None:
    result = run(*answers)
    notices = [b for b in result["blocks"] if b["type"] == "notice" and b["level"] == "info"]
    assert [n["text"] for n in notices] == [planner.LIMITS]
    assert "rule of thumb, not a plan made for you" in planner.LIMITS
    assert "one thing at a time" in planner.LIMITS


@pytest.mark.parametrize(
    ("answers", "errors"),
    [
        (("", "20"), {"current": "Enter a number."}),
        (("abc", "20"), {"current": "Enter a number, such as 12 or 12.5."}),
        (("-5", "20"), {"current": "The number cannot be negative."}),
        (
            ("0", "20"),
            {
                "current": "Enter more than 0. If you cannot run yet and keep to the pain "
                "rule, wait until you can before you start the plan."
            },
        ),
        (("10", "5"), {"goal": "Your goal must be more than what you run now (10 km)."}),
        (("10", "10"), {"goal": "Your goal must be more than what you run now (10 km)."}),
        (
            ("10000", "20000"),
            {
                "current": "That is more than 400 km a week, far more than people run. "
                "Check the number.",
                "goal": "That is more than 400 km a week, far more than people run. "
                "Check the number.",
            },
        ),
    ],
)
def test_bad_input_gets_field_messages(answers: tuple[str, str], errors: dict) -> None:
    result = run(*answers)
    assert result["ok"] is False
    assert result["field_errors"] == errors


def test_increase_outside_five_to_ten_percent() -> None:
    assert run("10", "20", increase="20")["field_errors"] == {"increase": "Enter 10% or less."}
    assert run("10", "20", increase="2")["field_errors"] == {"increase": "Enter at least 5%."}


def test_absurd_limits_depend_on_the_unit() -> None:
    assert run("300", "390", unit="km")["ok"] is True
    assert run("300", "390", unit="miles")["field_errors"]["current"].startswith(
        "That is more than 250 miles"
    )
