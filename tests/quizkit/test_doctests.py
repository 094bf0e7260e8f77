"""Run the examples in quizkit's docstrings, so the documentation cannot drift from the code."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest
import quizkit

import quizzes.runners_knee

MODULES = (
    ["quizkit"]
    + [info.name for info in pkgutil.iter_modules(quizkit.__path__, "quizkit.")]
    + [
        info.name
        for info in pkgutil.iter_modules(quizzes.runners_knee.__path__, "quizzes.runners_knee.")
    ]
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_every_quizkit_module_has_examples() -> None:
    for name in MODULES:
        if name.startswith("quizkit"):
            finder = doctest.DocTestFinder()
            tests = finder.find(importlib.import_module(name))
            assert any(t.examples for t in tests), name
