"""The part of the standard library a site ships: what Pyodide's start-up and its quizzes use.

Found by running, not by guessing: the quizzes run in the pinned Pyodide under Node
(`pyodide_probe.mjs`) with the whole byte-compiled standard library, exactly as the reader's
worker runs them (its start-up code, the wheel's `edusite_boot`, then every quiz's samples),
after importing every module the quiz sources name anywhere (so an import inside a function
is shipped with its dependencies). The modules loaded from the zip are kept. The trimmed zip
is then checked by a second run with it alone: every sample must give the same result as
with the whole library, so a missing module fails the build (E422 at the quiz), never a
reader. The same run then loads each page's quiz bundle alone and checks its quizzes again
(`bundlecheck.py`), so a quiz module that reaches a sibling only by name fails the build too.
Output cached by the wheel, the bundles, the standard library and this code.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edusite.errors import ContentError, ContentProblem
from edusite.quizc import bundlecheck, cache, codes
from edusite.quizc.imports import absolute_imports
from edusite.quizc.model import CompiledQuizzes
from edusite.quizc.source import content_hash, python_files
from edusite.quizc.stdlib import STDLIB_ZIP, subset_stdlib

PROBE = Path(__file__).with_name("pyodide_probe.mjs")
_CODE = (Path(__file__), PROBE, Path(bundlecheck.__file__))
"""Besides the wheel, which carries the worker's start-up code (runtime/boot.py)."""
NODE_TIMEOUT = 300
_HINT = (
    "Quizzes must run in the reader's browser as they do here; a module imported only by "
    "name (importlib) is not shipped: import it with an import statement."
)


class ProbeFailed(RuntimeError):
    """Node or Pyodide failed to run the probe (a tool problem, not an editor's)."""


@dataclass(frozen=True)
class TrimmedStdlib:
    """The zip to ship, the modules in it (empty: the whole library), and a note to log."""

    path: Path
    modules: tuple[str, ...]
    note: str | None = None


def trim_stdlib(
    compiled_stdlib: Path,
    quizzes: CompiledQuizzes,
    *,
    pyodide_dir: Path,
    source_dirs: list[Path],
    cache_dir: Path,
) -> TrimmedStdlib:
    """The standard library `quizzes` need, found and checked in Pyodide under Node."""
    node = shutil.which("node")
    if node is None:
        return TrimmedStdlib(
            compiled_stdlib,
            (),
            "no Node.js: shipping the whole standard library, quiz bundles not checked alone",
        )
    names = sorted(_imported_names(source_dirs))
    key = content_hash(
        [(p.name, p.read_bytes()) for p in (*_CODE, compiled_stdlib, quizzes.wheel_path)],
        json.dumps([names, bundlecheck.key(quizzes)]),
    )[:16]
    root = cache_dir / "stdlib-trim"
    manifest = cache.load_manifest(root, key)
    if manifest is not None:
        return TrimmedStdlib(cache.entry_dir(root, key) / STDLIB_ZIP, tuple(manifest["modules"]))
    request = {
        "indexURL": f"{pyodide_dir.resolve()}/",
        "wheel": str(quizzes.wheel_path),
        "imports": names,
    }
    full = _probe(node, {**request, "stdLibURL": str(compiled_stdlib)})
    _check(full, None, quizzes)
    staging = cache.staging_dir(root)
    try:
        subset_stdlib(compiled_stdlib, full["modules"], staging / STDLIB_ZIP)
        trimmed = _probe(
            node,
            {
                **request,
                "stdLibURL": str(staging / STDLIB_ZIP),
                "bundles": bundlecheck.request(quizzes),
            },
        )
        _check(trimmed, full["results"], quizzes)
        if "shared_failed" in trimmed:  # quizkit and edusite_boot: ours, not an editor's
            raise ProbeFailed(
                "the shared quiz bundle (quizkit and the worker's start-up) does not start on "
                f"its own, as every page loads it: {trimmed['shared_failed']}. This is a "
                "fault in edusite, not in the quizzes: please report it."
            )
        problems = bundlecheck.problems(trimmed.get("alone", {}), full["results"], quizzes)
        if problems:
            raise ContentError(problems)
        entry = cache.publish(root, key, staging, {"modules": full["modules"]})
    except BaseException:
        cache.discard(staging)
        raise
    return TrimmedStdlib(entry / STDLIB_ZIP, tuple(full["modules"]))


def _imported_names(source_dirs: list[Path]) -> set[str]:
    """Every dotted name the sources import, and each of its parents (`a.b` -> `a`)."""
    names: set[str] = set()
    for directory in source_dirs:
        for path in python_files(directory):
            try:
                tree = ast.parse(path.read_text(encoding="utf-8"))
            except (SyntaxError, UnicodeDecodeError):
                continue  # reported by the compiler, which ran first
            for _, name in absolute_imports(tree):
                parts = name.split(".")
                names.update(".".join(parts[: i + 1]) for i in range(len(parts)))
    return names


def _probe(node: str, request: dict[str, Any]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "request.json"
        path.write_text(json.dumps(request), encoding="utf-8")
        try:
            done = subprocess.run(
                [node, str(PROBE), str(path)],
                capture_output=True,
                text=True,
                timeout=NODE_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise ProbeFailed(
                f"running the quizzes in Pyodide under Node took over {error.timeout} s"
            ) from error
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise ProbeFailed(
            f"running the quizzes in Pyodide under Node failed: {done.stderr[-2000:]}"
        )
    return json.loads(lines[-1])


def _check(
    results: dict[str, Any],
    expected: dict[str, list[dict[str, Any]]] | None,
    quizzes: CompiledQuizzes,
) -> None:
    """E422 when the quizzes do not start in Pyodide, or for each quiz whose samples raise
    there (or, with the trimmed library, give other results than `expected`)."""
    problems = []
    where = "with the site's trimmed standard library" if expected else "in Pyodide"
    if "failed" in results:
        path, _ = min(quizzes.sources.values(), default=("quizzes", 1))
        raise ContentError(
            [
                ContentProblem(
                    path,
                    1,
                    codes.EVALUATE_FAILED,
                    f"the quizzes do not start {where}: {results['failed']}",
                    _HINT,
                )
            ]
        )
    for quiz_id, outputs in sorted(results.get("results", {}).items()):
        for index, output in enumerate(outputs):
            wanted = expected[quiz_id][index] if expected else None
            if "raised" not in output and (expected is None or output == wanted):
                continue
            path, line = quizzes.sources.get(quiz_id, ("quizzes", 1))
            said = output.get("raised") or "a different result than with the whole library"
            problems.append(
                ContentProblem(
                    path,
                    line,
                    codes.EVALUATE_FAILED,
                    f"quiz `{quiz_id}`: sample {index + 1} fails {where}: {said}",
                    _HINT,
                )
            )
            break
    if problems:
        raise ContentError(problems)
