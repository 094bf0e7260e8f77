"""Judge the probe's facts: every problem of every quiz, each at the line that causes it.

Input is what `probe.py` reported (plain data) plus the module sources; nothing here runs
authors' code, so these checks are cheap to test with hand-written facts.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edusite.errors import ContentProblem, quoted_line
from edusite.quizc import codes
from edusite.quizc.source import definition_node, literal_line, statement_at
from edusite.quizc.spec_checks import check_spec

_QUOTED = re.compile(r"'([^']+)'")


@dataclass(frozen=True)
class ModuleSource:
    """One quiz module file: how it is shown in messages, its text and its AST (if it parses)."""

    file: str
    shown: str
    text: str
    tree: ast.Module | None


@dataclass(frozen=True)
class CheckedQuiz:
    """A quiz that passed the probe: its spec, where it is defined and what it cites."""

    id: str
    spec: dict[str, Any]
    path: str
    line: int
    citations: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Site:
    """Where one quiz object is defined, to put line numbers on its problems."""

    source: ModuleSource
    line: int
    node: ast.AST | None

    def line_of(self, literal: str | None, nth: int = 1, *, contains: bool = False) -> int:
        """Line of a string literal in the definition, else in the module, else the definition."""
        if literal is None:
            return self.line
        for scope in (self.node, self.source.tree):
            found = scope is not None and literal_line(scope, literal, nth, contains=contains)
            if found:
                return found
        return self.line

    def problem(self, line: int, code: str, message: str, hint: str = "") -> ContentProblem:
        text = quoted_line(self.source.text, line)
        return ContentProblem(self.source.shown, line, code, message, hint, text)


def judge(
    facts: dict[str, Any], sources: dict[str, ModuleSource], *, skip_import_errors: set[str]
) -> tuple[list[ContentProblem], list[CheckedQuiz]]:
    """Problems in the probe's `facts`, and the quizzes found (sources keyed by file path)."""
    problems: list[ContentProblem] = []
    quizzes: list[CheckedQuiz] = []
    files = {m["name"]: m["file"] for m in facts["modules"]}
    first_site: dict[str, Site] = {}
    for module in facts["modules"]:
        error = module.get("error")
        if error and module["file"] not in skip_import_errors:
            problems.append(_import_problem(module, error, sources))
        for fact in module["objects"]:
            site = _locate(fact, files, sources)
            quiz_id = fact["id"]
            if quiz_id in first_site:
                seen = first_site[quiz_id]
                problems.append(
                    site.problem(
                        site.line_of(quiz_id),
                        codes.DUPLICATE_QUIZ_ID,
                        f"quiz id {quiz_id!r} is already used at {seen.source.shown}:{seen.line}",
                        "Every quiz, self-check and tool needs its own id.",
                    )
                )
                continue
            first_site[quiz_id] = site
            found = _check_object(fact, site, problems)
            if found is not None:
                quizzes.append(found)
    return problems, quizzes


def check_citations(
    quizzes: Iterable[CheckedQuiz], known: set[str], base: Path | None = None
) -> list[ContentProblem]:
    """A problem for every citation key a quiz uses that the bibliography lacks.

    `base` is the folder quiz paths are relative to, to quote the offending line.
    """
    problems = []
    for quiz in quizzes:
        for key, line in quiz.citations:
            if key in known:
                continue
            text = ""
            if base is not None and (base / quiz.path).is_file():
                text = quoted_line((base / quiz.path).read_text(encoding="utf-8"), line)
            problems.append(
                ContentProblem(
                    quiz.path,
                    line,
                    codes.UNKNOWN_CITATION,
                    f"quiz {quiz.id!r} cites [@{key}], which is not in the bibliography",
                    "Use a key (CSL-JSON id) from content/references.json.",
                    text,
                )
            )
    return problems


def _import_problem(
    module: dict[str, Any], error: dict[str, Any], sources: dict[str, ModuleSource]
) -> ContentProblem:
    source = sources.get(error.get("file") or "") or sources[module["file"]]
    line = int(error.get("line") or 1) if error.get("file") in sources else 1
    return ContentProblem(
        source.shown,
        line,
        codes.IMPORT_FAILED,
        f"importing {module['name']} failed: {error['message']}",
        "Fix the error; the module must import without side effects.",
        quoted_line(source.text, line),
    )


def _locate(fact: dict[str, Any], files: dict[str, str], sources: dict[str, ModuleSource]) -> Site:
    origin = fact.get("origin")
    if origin and files.get(origin[0]) in sources and origin[1] > 0:
        source = sources[files[origin[0]]]
        node = statement_at(source.tree, origin[1]) if source.tree else None
        return Site(source, origin[1], node)
    for bound in fact["bound"]:
        source = sources[bound["file"]]
        node = definition_node(source.tree, bound["names"]) if source.tree else None
        if node is not None:
            return Site(source, node.lineno, node)
    source = sources[fact["bound"][0]["file"]]
    line = (literal_line(source.tree, fact["id"]) if source.tree else None) or 1
    return Site(source, line, None)


def _raised(site: Site, error: dict[str, Any], what: str, code: str) -> ContentProblem:
    """At the innermost line of the quiz's own module in the traceback, else its definition."""
    here = error.get("file") == site.source.file and error.get("line")
    line = int(error["line"]) if here else site.line
    verb = "returned" if error.get("returned") else "raised"
    return site.problem(
        line,
        code,
        f"{what} {verb} {error['message']}",
        "Run the quiz's samples in a test to see the full traceback.",
    )


def _check_object(
    fact: dict[str, Any], site: Site, out: list[ContentProblem]
) -> CheckedQuiz | None:
    quiz_id = fact["id"]

    def report(code: str, message: str, hint: str, literal: str | None, nth: int) -> None:
        out.append(site.problem(site.line_of(literal, nth), code, message, hint))

    spec = fact.get("spec")
    before = len(out)
    if spec is not None:
        check_spec(spec, quiz_id, report)
    # A badly defined question makes running the quiz fail or miss outcomes too: then only
    # the cause is reported, not what follows from it.
    defined_badly = len(out) > before or any(
        p.get("kind") in codes.DEFINITION_KINDS for p in fact.get("authoring") or ()
    )
    _check_authoring(fact, site, out)
    crashes: set[tuple[int, str]] = set()  # the runs and the sweep name answers: first
    _check_runs(fact, site, out, crashes)
    if not defined_badly:
        _check_outcomes(fact, site, out, crashes)
    for key, what, code in (
        ("spec", "spec()", codes.BAD_SPEC),
        ("cited_keys", "cited_keys()", codes.EVALUATE_FAILED),
        ("samples", "samples()", codes.EVALUATE_FAILED),
        ("sweep", "running decide() over the answer combinations", codes.EVALUATE_FAILED),
        ("triage", "checking the triage rules", codes.EVALUATE_FAILED),
    ):
        error = fact.get(f"{key}_error")
        if error and not (defined_badly and key != "spec"):
            _add_crash(out, crashes, _raised(site, error, f"{what} of {quiz_id!r}", code), error)
    _check_triage(fact, site, out)
    citations = tuple(
        sorted(
            (key, site.line_of(f"@{key}", contains=True)) for key in fact.get("cited_keys") or ()
        )
    )
    if not isinstance(spec, dict):
        return None
    return CheckedQuiz(quiz_id, spec, site.source.shown, site.line, citations)


def _add_crash(
    out: list[ContentProblem],
    crashes: set[tuple[int, str]],
    problem: ContentProblem,
    error: dict[str, Any],
) -> None:
    """Report `problem` unless the same exception at the same line was already reported: one
    bug in `decide` is met by the samples, the combinations and the triage proof alike."""
    key = (problem.line, str(error.get("message")))
    if key not in crashes:
        crashes.add(key)
        out.append(problem)


def _check_runs(
    fact: dict[str, Any], site: Site, out: list[ContentProblem], crashes: set[tuple[int, str]]
) -> None:
    quiz_id = fact["id"]
    if fact.get("samples") == []:
        out.append(
            site.problem(
                site.line,
                codes.NO_SAMPLES,
                f"quiz {quiz_id!r} has no samples",
                "Give it questions or sample_answers the build can run.",
            )
        )
    spec = fact.get("spec")
    questions = spec.get("questions") if isinstance(spec, dict) else None
    question_ids = {q.get("id") for q in questions or () if isinstance(q, dict)}
    reported: set[str] = set()
    for run in fact.get("runs", []):
        shown = _short(run["answers"])
        if run.get("result_error"):
            error = run["result_error"]
            problem = _raised(site, error, f"evaluate() of {quiz_id!r}", codes.EVALUATE_FAILED)
            message = f"{problem.message} (answers {shown})"
            problem = site.problem(problem.line, problem.code, message, problem.hint)
            _add_crash(out, crashes, problem, error)
            continue
        messages = list(run.get("problems", []))
        result = run.get("result")
        if isinstance(result, dict) and isinstance(result.get("field_errors"), dict):
            unknown = sorted(set(result["field_errors"]) - question_ids)
            messages += [f"field_errors names unknown question {u!r}" for u in unknown]
        if fact.get("triage"):  # a bad tier shows in every result: reported once, as E427
            messages = [m for m in messages if not m.startswith("care block:")]
        for message in messages:
            if message not in reported:
                reported.add(message)
                out.append(
                    site.problem(
                        site.line,
                        codes.BAD_RESULT,
                        f"evaluate() of {quiz_id!r}: {message} (answers {shown})",
                        "Build result blocks with quizkit.blocks.",
                    )
                )


def _check_outcomes(
    fact: dict[str, Any], site: Site, out: list[ContentProblem], crashes: set[tuple[int, str]]
) -> None:
    """Crashes of `decide` over the answer combinations (with the answers that caused each),
    else the outcomes none of them reached."""
    sweep = fact.get("sweep")
    if not sweep:
        return
    tried = f"{sweep['count']:,} answer combination{'s' if sweep['count'] != 1 else ''}"
    how = "every one of the" if sweep["exhaustive"] else "a cover of"
    for error in sweep["errors"]:
        problem = _raised(site, error, f"decide() of {fact['id']!r}", codes.EVALUATE_FAILED)
        message = f"{problem.message} (answers {_short(error['answers'], 400)}, no red flag)"
        hint = f"Found by running decide() on {how} {tried}: handle these answers."
        _add_crash(out, crashes, site.problem(problem.line, problem.code, message, hint), error)
    if sweep["errors"]:
        return  # a crash hides the outcomes its answers would reach
    if sweep["exhaustive"]:
        hint = f"All {tried} were tried: change decide() or drop the outcome."
    else:
        hint = (
            f"A systematic cover of {tried} (single and paired changes) missed it: "
            "add sample_answers that lead to it."
        )
    for outcome in fact.get("outcomes", []):
        if outcome not in sweep["ids"]:
            out.append(
                site.problem(
                    site.line_of(outcome),
                    codes.UNREACHABLE_OUTCOME,
                    f"self-check {fact['id']!r}: no answers lead to outcome {outcome!r}",
                    hint,
                )
            )


def _check_triage(fact: dict[str, Any], site: Site, out: list[ContentProblem]) -> None:
    """A self-check's breaches of the triage rules, each at the red flag or outcome it names."""
    for message in fact.get("triage") or []:
        subject = _QUOTED.search(message)
        out.append(
            site.problem(
                site.line_of(subject.group(1)) if subject else site.line,
                codes.TRIAGE,
                f"self-check {fact['id']!r}: {message}",
                "Every RedFlag needs a tier (emergency, urgent, soon or self-care); an outcome "
                "may only be soon or self-care. See quizkit/care.py and quizkit/selfcheck.py.",
            )
        )


def _check_authoring(fact: dict[str, Any], site: Site, out: list[ContentProblem]) -> None:
    """quizkit's own `problems()`, the one definition of a well-formed quiz, each under the
    code of its kind (`codes.BY_KIND`) at the literal it names."""
    for problem in fact.get("authoring") or []:
        code = codes.BY_KIND.get(problem.get("kind") or "", codes.AUTHORING)
        inside = code == codes.BAD_CITATION  # a marker is part of a longer text literal
        nth = int(problem.get("nth") or 1)
        out.append(
            site.problem(
                site.line_of(problem.get("subject"), nth, contains=inside),
                code,
                f"quiz {fact['id']!r}: {problem['message']}",
                codes.HINTS[code],
            )
        )


def _short(answers: object, limit: int = 160) -> str:
    text = repr(answers)
    return text if len(text) <= limit else text[: limit - 3] + "..."
