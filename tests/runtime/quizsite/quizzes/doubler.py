"""doubler: a calculator small enough for fixture builds."""

from __future__ import annotations

from quizkit import Number, Tool, Values, blocks


def _double(values: Values) -> list[dict]:
    return [blocks.paragraph(f"Twice that is {values['n'] * 2:g}.")]


doubler = Tool(
    id="doubler",
    title="Double a number",
    intro="Type a number.",
    questions=[Number("n", "A number", min=0, max=100, samples=[1, 50])],
    compute=_double,
)
