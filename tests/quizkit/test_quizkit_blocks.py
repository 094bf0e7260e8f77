"""The block schema checker finds every way a hand-built result block can be wrong."""

from __future__ import annotations

import json

import pytest
from quizkit import blocks


def test_builders_make_valid_json_blocks() -> None:
    made = [
        blocks.heading("H"),
        blocks.paragraph("P [@aaos-pfps]"),
        blocks.notice("success", "N"),
        blocks.bullet_list(["a", "b"]),
        blocks.links([("Symptoms", "#symptoms")]),
        blocks.table("T", ["Week", "km"], [[1, 10.5], ["Now", 10.0]]),
        blocks.chart("C", "Week", "km", [("Week 1", 11)]),
        blocks.feedback("q1", None, "F"),
        blocks.score(3, 4),
        blocks.care("urgent"),
        blocks.closing(),
    ]
    assert {b["type"] for b in made} == set(blocks.BLOCK_KEYS)
    for block in made:
        assert blocks.block_problems(block) == []
    assert json.loads(json.dumps(made)) == made


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ({"type": "poem", "text": "x"}, "unknown block type 'poem'"),
        ("text", "unknown block type 'str'"),
        ({"type": "heading", "text": "x", "level": 2}, "heading block: unexpected key 'level'"),
        ({"type": "list", "items": ["a", 1]}, "list block: every item must be text"),
        ({"type": "links", "items": [{"text": "x"}]}, "links block: every item must be"),
        (
            {"type": "table", "caption": "", "columns": ["a"], "rows": [["1", "2"]]},
            "table block: every row must have one cell per column",
        ),
        (
            {"type": "table", "caption": "", "columns": ["a"], "rows": [[1]]},
            "table block: every cell must be text",
        ),
        (
            {
                "type": "chart",
                "title": "",
                "x_label": "",
                "y_label": "",
                "points": [{"label": "a"}],
            },
            "chart block: every point must be",
        ),
        ({"type": "feedback", "question_id": "q", "correct": "yes", "text": ""}, "feedback block"),
        ({"type": "score", "correct": 1.0, "total": 2}, "score block"),
    ],
)
def test_block_problems(block: object, message: str) -> None:
    problems = blocks.block_problems(block)
    assert problems and problems[0].startswith(message)


def test_result_problems() -> None:
    assert blocks.result_problems([]) == ["evaluate() must return a dict"]
    assert blocks.result_problems({"ok": True}) == [
        "result: missing key 'field_errors'",
        "result: missing key 'blocks'",
    ]
    bad = {"ok": 1, "field_errors": {"a": 2}, "blocks": [{"type": "nope"}]}
    assert len(blocks.result_problems(bad)) == 3
