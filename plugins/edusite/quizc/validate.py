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

from quizkit.base import QUIZ_ID

from edusite.errors import ContentProblem
from edusite.quizc import codes
from edusite.quizc.source import definition_node, literal_line, source_line, statement_at
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
        text = source_line(self.source.text, line)
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
                text = source_line((base / quiz.path).read_text(encoding="utf-8"), line)
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
        source_line(source.text, line),
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
    before = len(out)
    if not QUIZ_ID.match(quiz_id):
        out.append(
            site.problem(
                site.line_of(quiz_id),
                codes.BAD_QUIZ_ID,
                f"quiz id {quiz_id!r} is not kebab-case",
                "Use lowercase letters, digits and hyphens, e.g. 'shoe-check'.",
            )
        )

    def report(code: str, message: str, hint: str, literal: str | None, nth: int) -> None:
        out.append(site.problem(site.line_of(literal, nth), code, message, hint))

    spec = fact.get("spec")
    if spec is not None:
        check_spec(spec, quiz_id, report)
    defined_badly = len(out) > before
    for qid in fact.get("no_correct_answer", []):
        if not any(f"question {qid!r}" in p.message for p in out[before:]):
            report(
                codes.NO_CORRECT_ANSWER,
                f"question {qid!r} of quiz {quiz_id!r} has no correct answer",
                "Mark the right option with correct=True (or set answer=).",
                qid,
                1,
            )
    for key, what, code in (
        ("spec", "spec()", codes.BAD_SPEC),
        ("cited_keys", "cited_keys()", codes.EVALUATE_FAILED),
        ("samples", "samples()", codes.EVALUATE_FAILED),
        ("reached", "finding the outcome", codes.EVALUATE_FAILED),
        ("triage", "checking the triage rules", codes.EVALUATE_FAILED),
    ):
        # A badly defined question often makes samples() fail too: report the cause only.
        if fact.get(f"{key}_error") and not (defined_badly and key != "spec"):
            out.append(_raised(site, fact[f"{key}_error"], f"{what} of {quiz_id!r}", code))
    _check_runs(fact, site, out)
    _check_outcomes(fact, site, out)
    _check_triage(fact, site, out)
    _check_authoring(fact, site, out, already=len(out) - before)
    citations = tuple(
        sorted(
            (key, site.line_of(f"@{key}", contains=True)) for key in fact.get("cited_keys") or ()
        )
    )
    if not isinstance(spec, dict):
        return None
    return CheckedQuiz(quiz_id, spec, site.source.shown, site.line, citations)


def _check_runs(fact: dict[str, Any], site: Site, out: list[ContentProblem]) -> None:
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
            problem = _raised(
                site, run["result_error"], f"evaluate() of {quiz_id!r}", codes.EVALUATE_FAILED
            )
            key = f"{problem.line}:{problem.message}"
            if key not in reported:
                reported.add(key)
                out.append(
                    site.problem(
                        problem.line,
                        problem.code,
                        f"{problem.message} (answers {shown})",
                        problem.hint,
                    )
                )
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


def _check_outcomes(fact: dict[str, Any], site: Site, out: list[ContentProblem]) -> None:
    reached = fact.get("reached")
    if not reached:
        return
    if reached["exhaustive"]:
        hint = "Every answer combination was tried: change decide() or drop the outcome."
    else:
        hint = "Samples and random answer combinations missed it: add sample_answers for it."
    for outcome in fact.get("outcomes", []):
        if outcome not in reached["ids"]:
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


def _check_authoring(
    fact: dict[str, Any], site: Site, out: list[ContentProblem], *, already: int
) -> None:
    """quizkit's own `problems()`, minus what the checks above already reported.

    A message naming a subject ('q1') that one of ours names is a duplicate; one naming
    nothing is kept only when ours found nothing for this quiz.
    """
    ours = " ".join(p.message for p in out[len(out) - already :])
    for message in fact.get("authoring") or []:
        subject = _QUOTED.search(message)
        if (subject.group(0) in ours) if subject else already:
            continue
        line = site.line_of(subject.group(1)) if subject else site.line
        out.append(
            site.problem(
                line,
                codes.AUTHORING,
                f"quiz {fact['id']!r}: {message}",
                "See the quizkit docstrings for what each field expects.",
            )
        )


def _short(answers: object, limit: int = 160) -> str:
    text = repr(answers)
    return text if len(text) <= limit else text[: limit - 3] + "..."
