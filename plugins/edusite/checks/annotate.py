"""GitHub Actions annotations: each problem shown on its line in the pull request's diff.

When `edusite check` runs in GitHub Actions (`GITHUB_ACTIONS=true`) it also prints one
workflow command per problem (`::error file=…,line=…,title=…::message`), so editors see the
message and hint next to the line they changed, without opening the job log.
"""

from __future__ import annotations

from edusite.errors import ContentProblem


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: ContentProblem) -> str:
    """The `::error` workflow command for one problem (GitHub's escaping rules applied)."""
    message = problem.message + (f"\nhint: {problem.hint}" if problem.hint else "")
    return (
        f"::error file={_property(problem.path)},line={problem.line},"
        f"title={_property(f'{problem.code} {problem.message}')}::{_data(message)}"
    )
