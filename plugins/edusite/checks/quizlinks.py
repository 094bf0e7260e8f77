"""Links from quiz results back into the article must still exist there.

Quiz modules link to sections of the page that embeds them, and cite its sources. When an
editor renames a section's `{#id}` or stops citing a source, those links would break
silently, because they only appear in results in the reader's browser (a citation the page
does not list shows as a bare `[key]`). Every string literal in a quiz's module that is
exactly an in-page link (`"#some-id"`, E523), and every `[@key]` in it (E524), is checked
against each page embedding one of the module's quizzes.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from quizkit.text import citation_keys

from edusite.checks.links import SiteIndex
from edusite.errors import ContentProblem, quoted_line
from edusite.markdown.quizembed import embedded_ids
from edusite.structure.sourcepage import SourcePage

_FRAGMENT = re.compile(r"#[A-Za-z][\w-]*")


@dataclass(frozen=True)
class QuizModule:
    """Where a quiz is defined: the path shown to editors and the file on disk."""

    shown: str
    path: Path


def embedded_quizzes(doc: SourcePage) -> list[str]:
    """Ids of the quizzes a page embeds with `/// quiz | <id>` (outside code)."""
    return embedded_ids(doc.masked.splitlines())


def fragment_links(text: str) -> list[tuple[str, int]]:
    """(`#id`, line) for each plain string literal that is exactly an in-page link."""
    found: list[tuple[str, int]] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type != tokenize.STRING:
                continue
            try:
                value = ast.literal_eval(token.string)
            except (ValueError, SyntaxError):
                continue
            if isinstance(value, str) and _FRAGMENT.fullmatch(value):
                found.append((value, token.start[0]))
    except (tokenize.TokenError, SyntaxError):
        return found  # the compiler reports the module's syntax error itself
    return found


def cited_keys_by_line(text: str) -> list[tuple[str, int]]:
    """(key, line) for each key a module cites, by quizkit's own `[@key]` syntax."""
    return [
        (key, number)
        for number, line in enumerate(text.splitlines(), start=1)
        for key in sorted(citation_keys(line))
    ]


def check_quiz_links(
    embeds: Mapping[str, Iterable[str]],
    modules: Mapping[str, QuizModule],
    index: SiteIndex,
    bibliography_keys: Collection[str] = (),
) -> list[ContentProblem]:
    """Quiz links to sections (E523) and citations of sources (E524) that a page embedding
    the quiz lacks.

    `embeds` maps a page (docs path) to the quiz ids it embeds; `modules` a quiz id to the
    module defining it. Only keys in `bibliography_keys` are checked here: the quiz compiler
    already reports unknown keys.
    """
    pages_of: dict[QuizModule, dict[str, list[str]]] = {}
    for page, quiz_ids in embeds.items():
        for quiz_id in quiz_ids:
            if quiz_id in modules:
                pages_of.setdefault(modules[quiz_id], {}).setdefault(page, []).append(quiz_id)
    problems: list[ContentProblem] = []
    for module, pages in pages_of.items():
        try:
            text = module.path.read_text(encoding="utf-8")
        except OSError:
            continue
        lines = text.split("\n")
        for anchor, line in fragment_links(text):
            for page, quiz_ids in sorted(pages.items()):
                if anchor[1:] in index.anchors.get(page, set()):
                    continue
                problems.append(
                    ContentProblem(
                        module.shown,
                        line,
                        "E523",
                        f'quiz link to "{anchor}", but {page} (which embeds '
                        f"{', '.join(sorted(set(quiz_ids)))}) has no such section",
                        "Use the {#id} of a section of that page, or put the id back on the "
                        "section it belonged to.",
                        quoted_line(lines, line),
                    )
                )
        for key, line in cited_keys_by_line(text):
            if key not in bibliography_keys:
                continue
            for page, quiz_ids in sorted(pages.items()):
                if f"source-{key}" in index.anchors.get(page, set()):
                    continue
                problems.append(
                    ContentProblem(
                        module.shown,
                        line,
                        "E524",
                        f"quiz cites [@{key}], but {page} (which embeds "
                        f"{', '.join(sorted(set(quiz_ids)))}) does not cite that source, so "
                        "readers get no link to it",
                        f"Cite [@{key}] in that page where it supports a claim, or cite a "
                        "source the page already lists.",
                        quoted_line(lines, line),
                    )
                )
    return sorted(problems)
