"""Result blocks: the plain data `evaluate()` returns and the browser renders (never HTML).

Each function builds one block of the contract in ARCHITECTURE.md ("Quiz objects"), so tool
authors cannot misspell a key; `block_problems` checks a block someone built by hand, which is
what the compiler runs over every sample result.

>>> table("Your plan", ["Week", "km"], [[1, 10.0], [2, 11]])["rows"]
[['1', '10'], ['2', '11']]
>>> block_problems({"type": "notice", "level": "loud", "text": "Hi"})
["notice block: level must be one of danger, warning, info, success, not 'loud'"]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from quizkit.care import TIER_IDS

Block = dict[str, Any]
LEVELS = ("danger", "warning", "info", "success")

#: Every block type and the keys it must have (no others are allowed).
BLOCK_KEYS: dict[str, tuple[str, ...]] = {
    "heading": ("text",),
    "paragraph": ("text",),
    "notice": ("level", "text"),
    "list": ("items",),
    "links": ("items",),
    "table": ("caption", "columns", "rows"),
    "chart": ("title", "x_label", "y_label", "points"),
    "feedback": ("question_id", "correct", "text"),
    "score": ("correct", "total"),
    "care": ("tier",),
    "closing": (),
}


def cell(value: object) -> str:
    """Table cells are text; numbers lose a useless `.0` and keep at most one decimal.

    >>> [cell(10.0), cell(10.25), cell(3), cell("5%")]
    ['10', '10.2', '3', '5%']
    """
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        text = f"{value:.1f}"
        return text[:-2] if text.endswith(".0") else text
    return str(value)


def heading(text: str) -> Block:
    """A short heading above the blocks that follow it."""
    return {"type": "heading", "text": text}


def paragraph(text: str) -> Block:
    """Ordinary text; may cite sources with `[@key]`."""
    return {"type": "paragraph", "text": text}


def notice(level: str, text: str) -> Block:
    """A call-out; `level` is danger, warning, info or success."""
    return {"type": "notice", "level": level, "text": text}


def bullet_list(items: Iterable[str]) -> Block:
    """A bulleted list of texts."""
    return {"type": "list", "items": list(items)}


def links(items: Iterable[tuple[str, str]]) -> Block:
    """Links, e.g. to article sections: `links([("Symptoms", "#symptoms")])`."""
    return {"type": "links", "items": [{"text": text, "href": href} for text, href in items]}


def table(caption: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> Block:
    """A table; every cell becomes text (see `cell`)."""
    return {
        "type": "table",
        "caption": caption,
        "columns": [str(c) for c in columns],
        "rows": [[cell(v) for v in row] for row in rows],
    }


def chart(title: str, x_label: str, y_label: str, points: Iterable[tuple[str, float]]) -> Block:
    """A simple bar/line chart of labelled values; the table beside it carries the same data."""
    return {
        "type": "chart",
        "title": title,
        "x_label": x_label,
        "y_label": y_label,
        "points": [{"label": str(label), "value": float(value)} for label, value in points],
    }


def feedback(question_id: str, correct: bool | None, text: str) -> Block:
    """Feedback on one question; `correct` is None when the question is not scored."""
    return {"type": "feedback", "question_id": question_id, "correct": correct, "text": text}


def score(correct: int, total: int) -> Block:
    """How many scored questions were answered correctly."""
    return {"type": "score", "correct": correct, "total": total}


def care(tier: str) -> Block:
    """A care tier's card (`quizkit.care`): the page shows the site's standard wording."""
    return {"type": "care", "tier": tier}


def closing() -> Block:
    """A self-check's closing sentence (it is not a diagnosis...): the page shows the quiz's
    own `closing`, else the site's `selfcheck_closing` (`mkdocs.yml`)."""
    return {"type": "closing"}


def _item_problems(kind: str, items: object) -> list[str]:
    if not isinstance(items, list):
        return [f"{kind} block: items must be a list"]
    if kind == "list":
        ok = all(isinstance(i, str) for i in items)
        return [] if ok else ["list block: every item must be text"]
    for item in items:
        if not (isinstance(item, Mapping) and set(item) == {"text", "href"}):
            return ["links block: every item must be {'text', 'href'}"]
        if not all(isinstance(item[k], str) and item[k] for k in ("text", "href")):
            return ["links block: text and href must be non-empty text"]
    return []


def _value_problems(block: Mapping[str, Any]) -> list[str]:
    kind = block["type"]
    if kind in ("heading", "paragraph", "notice") and not isinstance(block["text"], str):
        return [f"{kind} block: text must be text"]
    if kind == "notice" and block["level"] not in LEVELS:
        return [f"notice block: level must be one of {', '.join(LEVELS)}, not {block['level']!r}"]
    if kind in ("list", "links"):
        return _item_problems(kind, block["items"])
    if kind == "table":
        columns, rows = block["columns"], block["rows"]
        if not all(isinstance(r, list) and len(r) == len(columns) for r in rows):
            return ["table block: every row must have one cell per column"]
        if not all(isinstance(c, str) for r in rows for c in r):
            return ["table block: every cell must be text"]
    if kind == "chart":
        for point in block["points"]:
            value = point.get("value") if isinstance(point, Mapping) else None
            if not isinstance(value, int | float) or isinstance(value, bool):
                return ["chart block: every point must be {'label', 'value': number}"]
    if kind == "feedback" and block["correct"] not in (True, False, None):
        return ["feedback block: correct must be true, false or null"]
    if kind == "care" and block["tier"] not in TIER_IDS:
        return [f"care block: tier must be one of {', '.join(TIER_IDS)}, not {block['tier']!r}"]
    if kind == "score" and not all(type(block[k]) is int for k in ("correct", "total")):
        return ["score block: correct and total must be whole numbers"]
    return []


def block_problems(block: object) -> list[str]:
    """What is wrong with one block, as messages (empty when it matches the contract).

    >>> block_problems(paragraph("Fine."))
    []
    >>> block_problems({"type": "paragraph"})
    ["paragraph block: missing key 'text'"]
    """
    if not isinstance(block, Mapping) or block.get("type") not in BLOCK_KEYS:
        kind = block.get("type") if isinstance(block, Mapping) else type(block).__name__
        return [f"unknown block type {kind!r}; use one of {', '.join(BLOCK_KEYS)}"]
    kind = block["type"]
    expected = BLOCK_KEYS[kind]
    missing = [k for k in expected if k not in block]
    extra = sorted(set(block) - {"type", *expected})
    problems = [f"{kind} block: missing key {k!r}" for k in missing]
    problems += [f"{kind} block: unexpected key {k!r}" for k in extra]
    return problems or _value_problems(block)


def result_problems(result: object) -> list[str]:
    """What is wrong with a whole `evaluate()` result (ok, field_errors, blocks).

    >>> result_problems({"ok": True, "field_errors": {}, "blocks": [heading("Done")]})
    []
    """
    if not isinstance(result, Mapping):
        return ["evaluate() must return a dict"]
    problems = [
        f"result: missing key {k!r}" for k in ("ok", "field_errors", "blocks") if k not in result
    ]
    if problems:
        return problems
    if not isinstance(result["ok"], bool):
        problems.append("result: ok must be true or false")
    errors = result["field_errors"]
    if not (isinstance(errors, Mapping) and all(isinstance(v, str) for v in errors.values())):
        problems.append("result: field_errors must map question ids to messages")
    if not isinstance(result["blocks"], list):
        return [*problems, "result: blocks must be a list"]
    for block in result["blocks"]:
        problems += block_problems(block)
    return problems
