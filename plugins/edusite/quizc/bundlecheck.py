"""Each page's quiz bundle checked alone, as a reader's browser loads it (issue 9).

A page ships the shared bundle and the bundles of its quizzes' modules, each holding only the
modules that module imports with an import statement (`bundles.py` reads them from the AST).
A module reached only by name (`importlib.import_module`, `__import__`) is in the wheel, so
the whole-wheel runs pass, but not in the page's bundle. So the trimmed library's Pyodide run
(`trim.py`, `pyodide_probe.mjs`) also loads every quiz bundle with only the shared one
beside it, and each of its quizzes' samples must give the results of the whole-wheel run:
a missing module fails the build (E422 at the quiz), never a reader.
"""

from __future__ import annotations

from typing import Any

from edusite.errors import ContentProblem
from edusite.quizc import codes
from edusite.quizc.model import CompiledQuizzes

HINT = (
    "A page ships only its quiz's module and the modules of the quizzes package that module "
    "imports with an import statement; a module reached only by name (importlib, __import__) "
    "is missing there: import it with an import statement."
)
_WHERE = "when its page's quiz bundle is loaded alone"


def _quiz_ids_by_module(quizzes: CompiledQuizzes) -> dict[str, list[str]]:
    """Each quiz module's quiz ids, both sorted (so the request and its cache key are
    stable)."""
    ids: dict[str, list[str]] = {}
    for quiz_id, bundle in sorted(quizzes.quiz_bundles.items()):
        ids.setdefault(str(bundle.module), []).append(quiz_id)
    return dict(sorted(ids.items()))


def request(quizzes: CompiledQuizzes) -> dict[str, Any]:
    """What the probe needs to load each bundle alone: the shared bundle, and per quiz
    module its bundle and its quiz ids."""
    bundles = quizzes.quiz_bundles
    return {
        "shared": str(quizzes.shared.path),
        "bundles": [
            {"path": str(bundles[ids[0]].path), "module": module, "quizzes": ids}
            for module, ids in _quiz_ids_by_module(quizzes).items()
        ],
    }


def key(quizzes: CompiledQuizzes) -> list[tuple[str, str | None]]:
    """The bundles' content-hashed names and modules, for the probe's cache key."""
    return sorted(
        {(quizzes.shared.name, None), *((b.name, b.module) for b in quizzes.quiz_bundles.values())},
        key=str,
    )


def problems(
    alone: dict[str, dict[str, Any]],
    expected: dict[str, list[dict[str, Any]]],
    quizzes: CompiledQuizzes,
) -> list[ContentProblem]:
    """E422 for each quiz whose bundle, loaded alone, does not import or whose samples give
    other results than in the whole-wheel run (`expected`); at the quiz's definition."""
    found = []
    ids = _quiz_ids_by_module(quizzes)
    for module, reply in sorted(alone.items()):
        for quiz_id in ids.get(module, []):
            message = _failure(quiz_id, reply, expected.get(quiz_id, []))
            if message is None:
                continue
            path, line = quizzes.sources.get(quiz_id, ("quizzes", 1))
            found.append(ContentProblem(path, line, codes.EVALUATE_FAILED, message, HINT))
    return found


def _failure(quiz_id: str, reply: dict[str, Any], wanted: list[dict[str, Any]]) -> str | None:
    """What went wrong for `quiz_id` in its bundle's reply, or None."""
    if "failed" in reply:
        return f"quiz `{quiz_id}` does not load {_WHERE}: {reply['failed']}"
    outputs = reply.get("results", {}).get(quiz_id, [])
    for index, output in enumerate(outputs):
        if "raised" in output:
            return f"quiz `{quiz_id}`: sample {index + 1} fails {_WHERE}: {output['raised']}"
        if index >= len(wanted) or output != wanted[index]:
            return (
                f"quiz `{quiz_id}`: sample {index + 1} gives a different result {_WHERE} "
                "than with every quiz module loaded"
            )
    if len(outputs) != len(wanted):
        return f"quiz `{quiz_id}` has other samples {_WHERE} than with every quiz module loaded"
    return None
