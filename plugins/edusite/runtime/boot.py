"""The quiz worker's Python start-up, run in the reader's browser (Pyodide), not at build time.

Shipped as the top-level module `edusite_boot` in the shared quiz bundle (with quizkit) and
in the quiz wheel, where `edusite_quiz_modules` (written by the compiler) lists every quiz
module it validated. In the browser, `quiz-worker.js` calls `start_json("[]")` once the
shared bundle is unpacked, then `add_json` with the module of each quiz bundle it unpacks
(per page, on demand), so the worker imports exactly the modules its pages need and nothing
else (no rediscovery from files). `evaluate` answers each submitted form. The build's Node
probe (`quizc/pyodide_probe.mjs`) runs `start()` on the wheel, which imports the whole list,
to find the standard-library modules a site ships. A Python module rather than a data file:
it imports from unpacked files and from a zip (zipimport) alike. Plain CPython can import
and test it: it needs only the standard library and quizkit.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import json
import sys
from collections.abc import Iterable
from typing import Any

import quizkit

MODULES_MODULE = "edusite_quiz_modules"
"""Beside this module in the wheel: `MODULES`, the quiz modules' names, written by quizc."""


def forget_folder_listings() -> None:
    """Let the next import see files unpacked since the last one: clear the cached listing of
    every folder finder. Not `importlib.invalidate_caches()`, whose first call in Python 3.13
    imports `importlib.metadata` and `email` (25-40 ms of a reader's start-up in Pyodide, and
    their bytes shipped in the trimmed standard library) and re-reads every zip's index. The
    quiz packages the compiler writes are regular packages (`__init__`), so no namespace
    package's path needs recomputing."""
    for finder in list(sys.path_importer_cache.values()):
        if isinstance(finder, importlib.machinery.FileFinder):
            finder.invalidate_caches()


class Quizzes:
    """The quiz objects of `modules` by id, and the one call the worker makes on them."""

    def __init__(self, modules: Iterable[str]) -> None:
        self.by_id: dict[str, Any] = {}
        self.add(modules)

    def add(self, modules: Iterable[str]) -> None:
        """Import `modules` (files unpacked since the last import are seen: the folder
        finders' listings are cleared first) and index their quizzes."""
        forget_folder_listings()
        for name in modules:
            for quiz in quizkit.collect(importlib.import_module(name)):
                self.by_id[quiz.id] = quiz

    def add_json(self, modules_json: str) -> str:
        """`add` for the worker, which passes the module names as JSON: the ids after."""
        self.add(json.loads(modules_json))
        return self.ids_json()

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


def start_json(modules_json: str) -> Quizzes:
    """`start` with the module names as JSON (the worker's call: `"[]"`, then `add_json`)."""
    return Quizzes(json.loads(modules_json))
