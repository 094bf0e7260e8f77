"""Nothing about one topic is built into the generator: a site's words come from its settings.

Every text the generator itself can put on a page or in a message (templates, the theme's
files, the browser runtime, and the string literals of the plugin and quizkit, docstrings
left out since readers never see them) is searched for the first site's topic.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOPIC = re.compile(r"knee|runner|running shoe|physical therap|patell", re.IGNORECASE)


def shown_strings(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal in a module that is not documentation: not a
    docstring, nor a bare string after an attribute (its docstring)."""
    tree = ast.parse(path.read_text("utf-8"))
    bare = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in bare
    ]


PYTHON = sorted([*(ROOT / "plugins").rglob("*.py")])
FILES = sorted(
    path
    for folder in ("plugins/edusite/templates", "site_overrides", "plugins/edusite/runtime")
    for path in (ROOT / folder).rglob("*")
    if path.suffix in (".html", ".css", ".js", ".md", ".tmpl") and "node_modules" not in path.parts
)


@pytest.mark.parametrize("path", PYTHON, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_string_of_the_generator_names_the_first_sites_topic(path: Path) -> None:
    found = [(line, text) for line, text in shown_strings(path) if TOPIC.search(text)]
    assert found == [], "make it a setting in mkdocs.yml or site content"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_template_or_theme_file_names_the_first_sites_topic(path: Path) -> None:
    text = path.read_text("utf-8")
    lines = [n for n, line in enumerate(text.splitlines(), 1) if TOPIC.search(line)]
    assert lines == [], "make it a setting in mkdocs.yml or site content"
