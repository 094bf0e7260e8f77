"""The quiz worker's Python start-up, run in the reader's browser (Pyodide), not at build time.

Shipped inside the quiz wheel as the top-level module `edusite_boot`, beside
`edusite_quiz_modules` (written by the compiler): the exact list of the quiz modules it
validated, so the worker imports those and nothing else (no rediscovery from the wheel's
metadata). A Python module rather than a data file: it imports from the unpacked wheel in
the browser and from the zip itself (zipimport) alike, and needs nothing more from the
library. `quiz-worker.js` calls `edusite_boot.start()` once the wheel is unpacked, reads the
quiz ids from `ids_json()` and calls `evaluate` for each submitted form. The build's Node
probe (`quizc/pyodide_probe.mjs`) runs the same code to find the standard-library modules a
site ships. Plain CPython can import and test it: it needs only the standard library and
quizkit.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable
from typing import Any

import quizkit

MODULES_MODULE = "edusite_quiz_modules"
"""Beside this module in the wheel: `MODULES`, the quiz modules' names, written by quizc."""


class Quizzes:
    """The quiz objects of `modules` by id, and the one call the worker makes on them."""

    def __init__(self, modules: Iterable[str]) -> None:
        self.by_id: dict[str, Any] = {}
        for name in modules:
            for quiz in quizkit.collect(importlib.import_module(name)):
                self.by_id[quiz.id] = quiz

    def ids_json(self) -> str:
        """The quiz ids, sorted, as JSON (the worker's reply to `init`)."""
        return json.dumps(sorted(self.by_id))

    def evaluate(self, quiz_id: str, answers_json: str) -> str | None:
        """The quiz's result for the answers, as JSON; None for an unknown quiz id. A quiz
        that raises lets the error through: the worker reports it as `python-error`."""
        quiz = self.by_id.get(quiz_id)
        if quiz is None:
            return None
        return json.dumps(quiz.evaluate(json.loads(answers_json)))


def start(modules: Iterable[str] | None = None) -> Quizzes:
    """Import exactly `modules` (default: the wheel's list, `MODULES_MODULE`) and index
    their quizzes."""
    if modules is None:
        modules = importlib.import_module(MODULES_MODULE).MODULES
    return Quizzes(modules)
