"""Quiz, SelfCheck and Tool keep the ARCHITECTURE.md contract: spec, evaluate, samples, keys."""

from __future__ import annotations

import json
import sys
import types

import pytest
from quizkit import (
    NOT_A_DIAGNOSIS,
    Decision,
    InputError,
    MultipleChoice,
    Number,
    Option,
    Outcome,
    Quiz,
    RedFlag,
    SelfCheck,
    SingleChoice,
    Tool,
    YesNo,
    blocks,
    collect,
)

SPEC_KEYS = {"id", "kind", "title", "intro", "submit_label", "questions"}


def make_quiz() -> Quiz:
    return Quiz(
        id="mini-quiz",
        title="Mini",
        questions=[
            SingleChoice(
                "where",
                "Where?",
                explanation="At the front [@aaos-pfps].",
                options=[Option("front", "Front", correct=True), Option("back", "Back")],
            ),
            MultipleChoice(
                "when",
                "When?",
                required=True,
                options=[Option("stairs", "Stairs", correct=True), Option("bed", "In bed")],
            ),
            YesNo("tape", "Tape alone?", correct=False, explanation="No [@logan2017]."),
        ],
        links=[("Symptoms", "#symptoms")],
    )


def make_check(**extra: object) -> SelfCheck:
    def decide(values):
        return Decision("fits" if values["where"] == "front" else "other", ["It hurts."])

    return SelfCheck(
        id="mini-check",
        title="Mini check",
        red_flags=[RedFlag("fever", "Fever?", "urgent", "You have a fever.")],
        red_flag_links=[("Doctor", "#doctor")],
        questions=[
            SingleChoice("where", "Where?", options=[Option("front", "F"), Option("back", "B")]),
        ],
        outcomes=[
            Outcome("fits", "Fits", "Read on [@crossley2015].", tier="self-care"),
            Outcome("other", "Other", "See someone.", tier="soon"),
        ],
        decide=decide,
        **extra,
    )


def make_tool() -> Tool:
    def compute(values):
        if values["b"] <= values["a"]:
            raise InputError({"b": "Must be more than a."})
        return [blocks.paragraph(f"Gap {values['b'] - values['a']:g} [@willy2016].")]

    return Tool(
        id="mini-tool",
        title="Gap",
        questions=[Number("a", "A", min=0, samples=[1]), Number("b", "B", min=0, samples=[0, 5])],
        compute=compute,
    )


@pytest.mark.parametrize("factory", [make_quiz, make_check, make_tool])
def test_spec_and_every_sample_follow_the_contract(factory) -> None:
    obj = factory()
    spec = obj.spec()
    assert set(spec) == SPEC_KEYS | ({"red_flags", "closing"} if obj.kind == "selfcheck" else set())
    assert spec["kind"] == obj.kind
    assert json.loads(json.dumps(spec)) == spec
    assert obj.problems() == []
    for answers in obj.samples():
        result = obj.evaluate(answers)
        assert blocks.result_problems(result) == []
        assert json.loads(json.dumps(result)) == result


def test_quiz_scores_and_explains() -> None:
    result = make_quiz().evaluate({"where": "back", "when": ["stairs"], "tape": "no"})
    assert result["ok"] is True
    assert result["blocks"][0] == {"type": "score", "correct": 2, "total": 3}
    feedback = {b["question_id"]: b for b in result["blocks"] if b["type"] == "feedback"}
    assert feedback["where"]["correct"] is False
    assert feedback["where"]["text"] == "At the front [@aaos-pfps]."
    assert feedback["tape"]["correct"] is True
    assert result["blocks"][-1]["type"] == "links"


def test_quiz_reports_every_unreadable_field_at_once() -> None:
    result = make_quiz().evaluate({"where": "nowhere", "when": []})
    assert result["ok"] is False
    assert set(result["field_errors"]) == {"where", "when", "tape"}
    assert result["blocks"][0]["type"] == "notice"


def test_selfcheck_outcome_reasons_and_disclaimer() -> None:
    check = make_check()
    result = check.evaluate({"fever": "yes", "where": "front"})
    assert (result["outcome"], result["tier"]) == ("red-flag", "urgent")
    assert result["blocks"][0] == {"type": "care", "tier": "urgent"}
    assert {"type": "list", "items": ["You have a fever."]} in result["blocks"]
    assert {"type": "links", "items": [{"text": "Doctor", "href": "#doctor"}]} in result["blocks"]
    assert result["blocks"][-1] == {"type": "closing"}  # the page fills in the sentence
    ordinary = check.evaluate({"fever": "no", "where": "back"})
    assert (ordinary["outcome"], ordinary["tier"]) == ("other", "soon")
    assert ordinary["blocks"][:2] == [
        {"type": "care", "tier": "soon"},
        {"type": "heading", "text": "Other"},
    ]
    assert check.evaluate({})["outcome"] is None


def test_a_red_flag_decides_alone_and_the_rest_is_optional() -> None:
    check = make_check()
    assert check.evaluate({"fever": "yes"})["field_errors"] == {}
    assert check.evaluate({"fever": "yes", "where": "nowhere"})["tier"] == "urgent"
    assert [q.id for q in check.questions] == ["fever", "where"]
    assert check.spec()["red_flags"] == [{"question": "fever", "tier": "urgent"}]


def test_triage_rules_are_checked() -> None:
    def build(**changes):
        fields = {
            "id": "t",
            "title": "T",
            "red_flags": [RedFlag("f", "F?", "urgent", "F.")],
            "questions": [YesNo("x", "X?")],
            "outcomes": [Outcome("a", "A", "a", tier="self-care")],
            "decide": lambda values: Decision("a"),
        }
        return SelfCheck(**(fields | changes))

    assert build().triage_problems([{}]) == []
    no_tier = build(red_flags=[RedFlag("f", "F?", "", "F.")])
    assert no_tier.triage_problems() == [
        "red flag 'f' has no tier: give it one of emergency, urgent, soon, self-care"
    ]
    too_high = build(outcomes=[Outcome("a", "A", "a", tier="emergency")])
    assert "only a red flag may lead to" in too_high.triage_problems()[0]


def test_selfcheck_enumerates_to_find_reachable_outcomes() -> None:
    check = make_check()
    assert check.combination_count() == 4
    assert check.reachable_outcomes(check.combinations()) == {"red-flag", "fits", "other"}


def test_selfcheck_rejects_an_undeclared_outcome() -> None:
    check = SelfCheck(
        id="broken",
        title="Broken",
        questions=[YesNo("x", "X?")],
        outcomes=[Outcome("a", "A", "a")],
        decide=lambda values: Decision("b"),
    )
    with pytest.raises(ValueError, match="undeclared outcome 'b'"):
        check.evaluate({"x": "yes"})


def test_tool_input_error_becomes_field_errors() -> None:
    tool = make_tool()
    assert tool.evaluate({"a": "3", "b": "2"})["field_errors"] == {"b": "Must be more than a."}
    assert tool.evaluate({"a": "3", "b": "5"})["blocks"][0]["text"] == "Gap 2 [@willy2016]."


def test_cited_keys_cover_texts_outcomes_and_results() -> None:
    assert make_quiz().cited_keys() == {"aaos-pfps", "logan2017"}
    assert make_check().cited_keys() == {"crossley2015"}
    assert make_tool().cited_keys() == {"willy2016"}


def test_problems_found_in_containers() -> None:
    quiz = Quiz(
        id="Bad_Id",
        title="",
        questions=[YesNo("x", "X?"), YesNo("x", "Again?", correct=True)],
    )
    assert quiz.problems() == [
        "the id 'Bad_Id' is not kebab-case (lowercase words joined by hyphens)",
        "the title is empty",
        "question id 'x' is used more than once",
        "question 'x' must say which answer is correct",
    ]
    assert [p.kind for p in quiz.problems()] == [
        "quiz-id",
        "form",
        "question-id",
        "correct-answer",
    ]
    near_twins = Quiz(
        id="twins",
        title="Twins",
        questions=[YesNo("Pain", "P?", correct=True), YesNo("pain ", "Q?", correct=True)],
    )
    assert (
        near_twins.problems()[0] == "question ids 'Pain' and 'pain ' differ only in case or spaces"
    )
    assert near_twins.problems()[0].subject == "pain "
    check = SelfCheck(
        id="c",
        title="C",
        questions=[YesNo("x", "X?")],
        outcomes=[Outcome("a", "A", "a", tier="red"), Outcome("a", "A", "a", tier="soon")],
        decide=lambda values: Decision("a"),
    )
    assert check.problems() == ["outcome ids used more than once: ['a']"]
    assert check.triage_problems() == ["outcome 'a': tier must be one of soon, self-care"]


def test_collect_finds_own_objects_in_order_and_skips_imported(tmp_path) -> None:
    first = types.ModuleType("fake_quizzes_first")
    exec(
        "from quizkit import Tool, Number\n"
        "b = Tool(id='b-tool', title='B', questions=[Number('n', 'N')], compute=list)\n"
        "a = Tool(id='a-tool', title='A', questions=[Number('n', 'N')], compute=list)\n"
        "alias = a\n",
        first.__dict__,
    )
    sys.modules["fake_quizzes_first"] = first
    try:
        second = types.ModuleType("fake_quizzes_second")
        exec("from fake_quizzes_first import a\n", second.__dict__)
    finally:
        del sys.modules["fake_quizzes_first"]
    assert [q.id for q in collect(first)] == ["b-tool", "a-tool"]
    assert collect(first)[1].origin == ("fake_quizzes_first", 3)
    assert collect(second) == []


def test_non_text_answers_are_read_as_text() -> None:
    """A caller passing numbers or tuples (not FormData strings) still gets a result."""
    assert make_tool().evaluate({"a": 3, "b": 5.5})["ok"] is True
    assert make_quiz().evaluate({"where": "front", "when": ("stairs",), "tape": "no"})["ok"]


def test_a_self_check_may_close_with_its_own_sentence() -> None:
    assert make_check().spec()["closing"] is None  # the site's sentence
    own = make_check(closing="Your pharmacist can help too [@willy2016].")
    assert own.spec()["closing"] == "Your pharmacist can help too [@willy2016]."
    assert "willy2016" in own.cited_keys()
    assert own.evaluate({"fever": "no", "where": "back"})["blocks"][-1] == blocks.closing()
    assert own.problems() == []
    assert NOT_A_DIAGNOSIS.endswith(".") and "knee" not in NOT_A_DIAGNOSIS


@pytest.mark.parametrize(
    ("closing", "message"),
    [
        ("   ", "closing is only spaces: leave it out to use the site's closing sentence"),
        ("Ask a nurse", "closing must end with . ! or ? (it is printed as a sentence)"),
        (42, "closing must be text, not int"),
    ],
)
def test_a_bad_closing_sentence_is_an_authoring_mistake(closing: object, message: str) -> None:
    check = make_check(closing=closing)
    assert message in check.problems()
    assert check.spec()["closing"] in (None, closing)  # the spec is still JSON-able text
