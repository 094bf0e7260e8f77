"""Fixture quizzes for the runaway-evaluation test: one loops forever on one answer."""

from __future__ import annotations

from quizkit import Number, Tool, Values, blocks


def _loop_on_99(values: Values) -> list[dict]:
    while values["n"] == 99:  # the runaway: never ends, as a buggy quiz might
        pass
    return [blocks.paragraph(f"You typed {values['n']:g}.")]


def _double(values: Values) -> list[dict]:
    return [blocks.paragraph(f"Twice that is {values['n'] * 2:g}.")]


looper = Tool(
    id="looper",
    title="A check that hangs on 99",
    intro="Type a number.",
    questions=[Number("n", "A number", min=0, max=100, samples=[1, 50])],
    compute=_loop_on_99,
)

doubler = Tool(
    id="doubler",
    title="Double a number",
    intro="Type a number.",
    questions=[Number("n", "A number", min=0, max=100, samples=[1, 50])],
    compute=_double,
)
