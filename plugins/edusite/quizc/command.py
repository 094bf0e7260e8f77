"""`edusite quizc`: compile the quizzes from a shell, print the wheel or every problem.

Useful for quiz authors (the same checks as `mkdocs build`, in a second and without the
articles) and in CI. Exit status 0 when the wheel was built, 1 on content problems.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from edusite.errors import ContentError, Problems
from edusite.quizc.compiler import compile_quizzes
from edusite.structure.bibliography import load_bibliography


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Register `quizc` on the `edusite` command's subparsers."""
    parser = commands.add_parser(
        "quizc",
        help="validate the quizzes and build their wheel",
        description="Import every quiz module, check it, and package the quizzes with quizkit "
        "as a content-hashed, byte-compiled wheel. Exit status 1 if there is any problem.",
    )
    parser.add_argument("--quizzes-dir", default="quizzes", help="the quizzes package folder")
    parser.add_argument("--out", default=None, help="copy the wheel into this folder")
    parser.add_argument(
        "--bibliography",
        default="content/references.json",
        help="CSL-JSON (.json) or BibTeX (.bib) with citation keys",
    )
    parser.add_argument("--cache-dir", default=".cache/edusite", help="compile cache folder")
    parser.add_argument("--pyodide-dir", default="node_modules/pyodide", help="npm Pyodide")
    parser.add_argument("--no-cache", action="store_true", help="compile even if cached")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Compile; print a summary on stdout, or every problem (bibliography too) on stderr."""
    problems = Problems()
    bibliography = load_bibliography(args.bibliography, problems)
    try:
        compiled = compile_quizzes(
            args.quizzes_dir,
            cache_dir=args.cache_dir,
            bibliography_keys=bibliography.keys(),
            pyodide_dir=args.pyodide_dir,
            use_cache=not args.no_cache,
        )
    except ContentError as error:
        problems.extend(error.problems)
    try:
        problems.raise_if_any()
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    wheel = compiled.wheel_path
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        wheel = Path(shutil.copyfile(compiled.wheel_path, out / compiled.wheel_name))
    state = "cached" if compiled.from_cache else "built"
    kind = "byte-compiled" if compiled.byte_compiled else "source"
    print(f"{state} {wheel} ({kind}, {wheel.stat().st_size} bytes, sha256 {compiled.sha256})")
    for quiz_id in compiled.quiz_ids:
        path, line = compiled.sources[quiz_id]
        print(f"  {quiz_id:32} {compiled.specs[quiz_id]['kind']:10} {path}:{line}")
    for note in compiled.notes:
        print(f"note: {note}")
    return 0
