"""Run in a fresh interpreter: import every quiz module, exercise every quiz, print JSON facts.

This file is executed as a script (`python -I probe.py REQUEST`) and uses only the standard
library plus `quizkit`. A separate process means each build imports the quiz files as they
are now (an `mkdocs serve` rebuild sees edits, nothing leaks into the server's sys.modules),
and the authors' code never runs inside the MkDocs process. Modules are imported one by
one, and each import and each quiz object's check runs under a `Watchdog`, so a loop that
never ends is stopped within seconds and blamed on its own file and line. A self-check's
`decide` is run over its answer combinations by `sweep.py`. The parent
(`edusite.quizc.discover`) judges the facts; this only collects.
"""

from __future__ import annotations

import contextlib
import faulthandler
import importlib
import importlib.util
import json
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


def _where(error: BaseException, roots: list[str]) -> dict[str, Any]:
    """The innermost traceback frame in the authors' files, with what went wrong."""
    file, line = None, None
    if isinstance(error, SyntaxError) and error.filename:
        file, line = error.filename, error.lineno
    for frame in traceback.extract_tb(error.__traceback__):
        if any(frame.filename.startswith(root) for root in roots):
            file, line = frame.filename, frame.lineno
    if isinstance(error, _NotJSON):
        return {"file": file, "line": line, "message": str(error), "returned": True}
    return {"file": file, "line": line, "message": f"{type(error).__name__}: {error}"}


class _NotJSON(ValueError):
    """A value that cannot travel to the browser as JSON."""


def _jsonable(value: object) -> object:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise _NotJSON(f"something JSON cannot carry ({error})") from None
    return value


def _call(fact: dict[str, Any], key: str, roots: list[str], func: Any, *args: Any) -> Any:
    """Store `func(*args)` (JSON-checked) under `key`, or the error under `key + '_error'`."""
    try:
        value = _jsonable(func(*args))
    except Exception as error:
        fact[key] = None
        fact[f"{key}_error"] = _where(error, roots)
        return None
    fact[key] = value
    return value


def _extras(obj: Any) -> dict[str, Any]:
    """Facts only the object knows (not in its spec): where it was made, its outcomes."""
    extras: dict[str, Any] = {}
    origin = getattr(obj, "origin", None)
    if isinstance(origin, tuple) and len(origin) == 2:
        extras["origin"] = [str(origin[0]), int(origin[1])]
    if hasattr(obj, "outcomes"):
        extras["outcomes"] = [str(getattr(o, "id", o)) for o in obj.outcomes]
    return extras


def _authoring(problem: Any) -> dict[str, Any]:
    """One of quizkit's `problems()` as data: message, kind, and the literal that locates it."""
    subject = getattr(problem, "subject", None)
    return {
        "message": str(problem),
        "kind": str(getattr(problem, "kind", "")),
        "subject": None if subject is None else str(subject),
        "nth": int(getattr(problem, "nth", 1)),
    }


def _probe_object(obj: Any, roots: list[str], result_problems: Any) -> dict[str, Any]:
    fact: dict[str, Any] = {"class": type(obj).__name__, "id": str(getattr(obj, "id", ""))}
    _call(fact, "spec", roots, obj.spec)
    _call(fact, "cited_keys", roots, lambda: sorted(obj.cited_keys()))
    if hasattr(obj, "problems"):
        _call(fact, "authoring", roots, lambda: [_authoring(p) for p in obj.problems()])
    try:
        fact.update(_jsonable(_extras(obj)))
    except Exception as error:
        fact["extras_error"] = _where(error, roots)
    samples = _call(fact, "samples", roots, lambda: [dict(s) for s in obj.samples()])
    fact["runs"] = []
    for answers in samples or []:
        run: dict[str, Any] = {"answers": answers}
        result = _call(run, "result", roots, obj.evaluate, answers)
        if result is not None or "result_error" not in run:
            run["problems"] = list(result_problems(result))
        fact["runs"].append(run)
    if hasattr(obj, "ordinary_questions") and hasattr(obj, "decision"):
        where = lambda error: _where(error, roots)  # noqa: E731
        _call(fact, "sweep", roots, _sweep().run, obj, samples or [], where)
    if hasattr(obj, "triage_problems"):
        _call(fact, "triage", roots, lambda: [str(p) for p in obj.triage_problems(samples or [])])
    return fact


def _sweep() -> Any:
    """`sweep.py` beside this file, loaded by path: the probe runs isolated (`-I`), without
    edusite on its path, and its own folder must not shadow the authors' imports."""
    module = sys.modules.get("_edusite_quizc_sweep")
    if module is None:
        spec = importlib.util.spec_from_file_location(
            "_edusite_quizc_sweep", Path(__file__).with_name("sweep.py")
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return module


CHECK_FACTOR = 3
"""Checking one quiz object may take this many times the import limit."""


class Watchdog:
    """Ends the process when one step (importing a module, checking an object) takes longer
    than `seconds`, leaving in `path` what it was doing and the Python traceback.

    Why `faulthandler.dump_traceback_later`: its timer is a C thread that needs no GIL, so it
    fires even inside `while True: pass` or a long C call, names the exact line that was
    running, and costs nothing until it fires (`sys.settrace` would slow every quiz and
    cannot interrupt C code; a progress file alone names the module but not the line).
    """

    def __init__(self, path: str | None, seconds: float) -> None:
        self.seconds = seconds
        self.file: IO[str] | None = open(path, "w", encoding="utf-8") if path else None  # noqa: SIM115

    @contextlib.contextmanager
    def step(self, doing: str, file: str, factor: float = 1) -> Iterator[None]:
        """Guard one step of `factor` x `seconds`; `doing` and `file` say what to blame."""
        if self.file is None or self.seconds <= 0:
            yield
            return
        seconds = self.seconds * factor
        self.file.seek(0)
        self.file.truncate()
        self.file.write(json.dumps({"doing": doing, "file": file, "seconds": seconds}) + "\n")
        self.file.flush()
        faulthandler.dump_traceback_later(seconds, exit=True, file=self.file)
        try:
            yield
        finally:
            faulthandler.cancel_dump_traceback_later()


def probe(request: dict[str, Any]) -> dict[str, Any]:
    """Import `request["modules"]` ({name: file}) and describe every quiz object in them."""
    watchdog = Watchdog(request.get("watchdog"), float(request.get("step_seconds") or 0))
    sys.path[:0] = request["sys_path"]
    roots = request["roots"]
    quizkit = importlib.import_module("quizkit")
    try:
        result_problems = importlib.import_module("quizkit.blocks").result_problems
    except (ImportError, AttributeError):
        result_problems = _minimal_result_problems
    modules: list[dict[str, Any]] = []
    seen: dict[int, dict[str, Any]] = {}
    for name, file in request["modules"].items():
        entry: dict[str, Any] = {"name": name, "file": file, "objects": []}
        modules.append(entry)
        try:
            with watchdog.step(f"importing {name}", file):
                module = importlib.import_module(name)
        except BaseException as error:  # SystemExit too: an author's module must not stop us
            entry["error"] = _where(error, roots)
            continue
        for obj in quizkit.collect(module):
            names = sorted(n for n, v in vars(module).items() if v is obj)
            if id(obj) in seen:
                seen[id(obj)]["bound"].append({"module": name, "file": file, "names": names})
                continue
            # Checking runs up to ~100,000 answer combinations, whose time grows with the
            # quiz (1.5 s for the runner's knee self-check on a busy machine): a wider margin.
            with watchdog.step(f"checking {getattr(obj, 'id', '')!r}", file, CHECK_FACTOR):
                fact = _probe_object(obj, roots, result_problems)
            fact["bound"] = [{"module": name, "file": file, "names": names}]
            seen[id(obj)] = fact
            entry["objects"].append(fact)
    return {"modules": modules}


def _minimal_result_problems(result: object) -> list[str]:
    if not isinstance(result, dict) or not {"ok", "field_errors", "blocks"} <= set(result):
        return ["evaluate() must return a dict with ok, field_errors and blocks"]
    return []


def main() -> None:
    """`probe.py REQUEST.json OUT.json`: quiz code's prints go to stderr, facts to OUT."""
    request = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    with contextlib.redirect_stdout(sys.stderr):
        facts = probe(request)
    Path(sys.argv[2]).write_text(json.dumps(facts, allow_nan=False), encoding="utf-8")


if __name__ == "__main__":
    main()
