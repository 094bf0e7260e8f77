"""Each question type reads raw FormData answers, grades them and describes itself."""

from __future__ import annotations

import json
import re

import pytest
from quizkit import FieldError, MultipleChoice, Number, Option, SingleChoice, YesNo

SPEC_KEYS = {
    "id",
    "type",
    "prompt",
    "help",
    "options",
    "unit",
    "min",
    "max",
    "step",
    "required",
    "default",
}


def single(**kwargs) -> SingleChoice:
    options = [Option("a", "A", correct=True, feedback="Yes, A."), Option("b", "B")]
    return SingleChoice("q", "Pick one", options=options, **kwargs)


def multiple(**kwargs) -> MultipleChoice:
    options = [Option("a", "A", correct=True), Option("b", "B", correct=True), Option("c", "C")]
    return MultipleChoice("m", "Tick", options=options, **kwargs)


def test_single_choice_reads_and_grades() -> None:
    q = single()
    assert q.parse("a") == "a"
    assert q.parse(["b"]) == "b"
    assert (q.grade("a"), q.grade("b")) == (True, False)
    assert q.feedback_for("a") == ["Yes, A."]
    assert q.feedback_for("b") == []


@pytest.mark.parametrize(
    ("raw", "message"),
    [(None, "Choose one answer."), ("", "Choose one answer."), ("z", "That answer is not")],
)
def test_single_choice_errors(raw, message: str) -> None:
    with pytest.raises(FieldError, match=message):
        single().parse(raw)


def test_optional_single_choice_allows_empty() -> None:
    q = single(required=False)
    assert q.parse("") is None
    assert q.raw_choices() == ["a", "b", ""]


def test_multiple_choice_keeps_option_order_and_grades_exact_set() -> None:
    q = multiple()
    assert q.parse(["b", "a"]) == ("a", "b")
    assert q.parse("c") == ("c",)
    assert q.parse(None) == ()
    assert q.grade(("a", "b")) is True
    assert q.grade(("a",)) is False
    assert q.grade(("a", "b", "c")) is False


def test_multiple_choice_errors() -> None:
    with pytest.raises(FieldError, match="not one of the choices"):
        multiple().parse(["a", "x"])
    with pytest.raises(FieldError, match=re.escape("Tick at least one answer.")):
        multiple(required=True).parse([])


def test_multiple_choice_enumerates_every_subset() -> None:
    assert len(multiple().raw_choices()) == 8
    assert len(multiple(required=True).raw_choices()) == 7
    assert multiple().correct_raw() == ["a", "b"]


def test_yes_no() -> None:
    q = YesNo("y", "Sure?", correct=False, yes_feedback="No, it is not.")
    assert (q.parse("yes"), q.parse("No"), q.parse(["no"])) == (True, False, False)
    assert (q.grade(True), q.grade(False)) == (False, True)
    assert q.feedback_for(True) == ["No, it is not."]
    assert q.correct_raw() == "no"
    with pytest.raises(FieldError, match=re.escape("Answer yes or no.")):
        q.parse("maybe")
    with pytest.raises(FieldError, match=re.escape("Answer yes or no.")):
        q.parse("")
    assert [o["value"] for o in q.spec()["options"]] == ["yes", "no"]


def test_number_reads_range_and_grades() -> None:
    q = Number("n", "How far?", unit="km", min=0, max=50, answer=10, tolerance=0.5)
    assert q.parse("10.4 km") == 10.4
    assert q.grade(10.4) is True
    assert q.grade(11) is False
    with pytest.raises(FieldError, match=re.escape("Enter a number.")):
        q.parse("")
    with pytest.raises(FieldError, match=re.escape("Enter 50 km or less.")):
        q.parse("51")
    assert Number("n", "x", required=False).parse("") is None


def test_number_samples_and_spec() -> None:
    q = Number("n", "How far?", unit="km", min=1, max=9, step=0.5, default=4)
    assert q.raw_choices() == ["4", "1", "9"]
    spec = q.spec()
    assert (spec["unit"], spec["min"], spec["max"], spec["step"], spec["default"]) == (
        "km",
        1,
        9,
        0.5,
        "4",
    )
    assert Number("n", "x", samples=[2.5]).raw_choices() == ["2.5"]


@pytest.mark.parametrize(
    "question", [single(), multiple(), YesNo("y", "?"), Number("n", "?", unit="km")]
)
def test_spec_has_every_contract_key(question) -> None:
    spec = question.spec()
    assert set(spec) == SPEC_KEYS
    assert json.loads(json.dumps(spec)) == spec


def test_authoring_problems() -> None:
    one_option = SingleChoice("q", "?", options=[Option("a", "A")])
    assert "question 'q' needs at least two options" in one_option.problems(scored=False)
    twice = SingleChoice("q", "?", options=[Option("a", "A"), Option("a", "B")])
    assert "question 'q' repeats option values: a" in twice.problems(scored=False)
    unscored = SingleChoice("q", "?", options=[Option("a", "A"), Option("b", "B")])
    assert unscored.problems(scored=False) == []
    assert unscored.problems(scored=True) == ["question 'q' must mark exactly one option correct"]
    assert YesNo("y", "?").problems(scored=True) == [
        "question 'y' must say which answer is correct"
    ]
    assert Number("n", "?", min=5, max=1).problems(scored=False) == [
        "question 'n': min 5 is not below max 1"
    ]
    bad_default = SingleChoice("q", "?", options=[Option("a", "A"), Option("b", "B")], default="z")
    assert bad_default.problems(scored=False) == ["question 'q': default 'z' is not an option"]


def test_option_values_that_differ_only_in_case_or_spaces_collide() -> None:
    question = SingleChoice(
        "q",
        "?",
        options=[Option("front", "Front", correct=True), Option("Front ", "Also front")],
    )
    [problem] = question.problems(scored=True)
    assert (
        problem == "question 'q': option values 'front' and 'Front ' differ only in case or spaces"
    )
    assert (problem.kind, problem.subject, problem.nth) == ("options", "Front ", 1)


def test_each_kind_of_problem_says_what_locates_it() -> None:
    twice = SingleChoice("q", "?", options=[Option("a", "A"), Option("a", "B")])
    [problem] = twice.problems(scored=False)
    assert (problem.kind, problem.subject, problem.nth) == ("options", "a", 2)
    [unscored] = YesNo("y", "?").problems(scored=True)
    assert (unscored.kind, unscored.subject) == ("correct-answer", "y")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # min above max: that one mistake only, not the step or the default it upsets
        (Number("n", "?", min=10, max=5, step=20, default=7), ["min 10 is not below max 5"]),
        (Number("n", "?", min=0, max=5, step=0), ["step 0 must be above zero"]),
        (Number("n", "?", min=0, max=5, step=10), ["step 10 is larger than the range 0-5"]),
        (Number("n", "?", min=0, max=10, default=12), ["default 12 is above max 10"]),
        (Number("n", "?", min=1, default=0.5), ["default 0.5 is below min 1"]),
        (Number("n", "?", min=0, max=10, default=10), []),
    ],
)
def test_number_range_problems(question: Number, expected: list[str]) -> None:
    problems = question.problems(scored=False)
    assert problems == [f"question 'n': {e}" for e in expected]
    assert all(p.kind == "number-range" for p in problems)


def test_a_scored_number_answer_outside_the_range_is_a_range_problem() -> None:
    question = Number("n", "?", min=0, max=10, answer=11)
    assert question.problems(scored=True) == ["question 'n': the right answer 11 is above max 10"]
