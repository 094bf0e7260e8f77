"""A tool that reaches its helper only by name: the whole wheel has it, the page's bundle not."""

import importlib

from quizkit import Number, Tool, Values, blocks


def double(values: Values) -> list:
    rates = importlib.import_module("quizzes.demo.rates")
    return [blocks.paragraph(f"Twice that is {values['n'] * rates.FACTOR:g}.")]


doubler = Tool(
    id="doubler",
    title="Doubler",
    questions=[Number("n", "A number", min=0, max=10, samples=[1, 2])],
    compute=double,
)
