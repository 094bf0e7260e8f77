"""The `edusite` command line: one argparse subcommand per task.

`edusite check` (content problems, no site build), `edusite new` (start an article from a
template), `edusite quizc` (validate the quizzes, build their wheel). Each subcommand is
registered by a small `_add_<name>` function that sets `run`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def _add_check(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "check",
        help="report every content problem as path:line, without building the site",
        description="Check articles, sources, FAQs and quizzes the way `mkdocs build --strict` "
        "does, but without writing the site. Exit status 1 if there is any problem.",
    )
    parser.add_argument("-f", "--config-file", default=None, help="mkdocs.yml to use")

    def run(args: argparse.Namespace) -> int:
        import os

        from edusite.checkrun import check_site

        in_github = os.environ.get("GITHUB_ACTIONS") == "true"
        return check_site(args.config_file, annotations=sys.stdout if in_github else None)

    parser.set_defaults(run=run)


def _add_new(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "new",
        help="create a new article (and optionally its quiz) from a template",
        description="Create content/<name>.md from a template that passes `edusite check` "
        "and explains each field; with --quiz also quizzes/<name>/quiz.py, embedded in it.",
    )
    parser.add_argument("name", help="page name: lowercase words joined by hyphens")
    parser.add_argument("--title", default="", help="the page title")
    parser.add_argument("--description", default="", help="one sentence for search results")
    parser.add_argument("--quiz", action="store_true", help="also create a quiz for it")

    def run(args: argparse.Namespace) -> int:
        from edusite.scaffold import NewArticle, ScaffoldError, create, nav_hint

        article = NewArticle(args.name, args.title, args.description, args.quiz)
        try:
            created = create(article, Path.cwd())
        except ScaffoldError as error:
            print(f"edusite new: {error}", file=sys.stderr)
            return 1
        for path in created:
            print(f"created {path.relative_to(Path.cwd())}")
        if hint := nav_hint(article, Path.cwd()):
            print(f"next: {hint}")
        print("next: fill in the notes, then run `edusite check` (or `make serve` to preview)")
        return 0

    parser.set_defaults(run=run)


def _add_quizc(commands: argparse._SubParsersAction) -> None:
    from edusite.quizc.command import add_parser

    add_parser(commands)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `edusite` script."""
    parser = argparse.ArgumentParser(prog="edusite", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_check(commands)
    _add_new(commands)
    _add_quizc(commands)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
