"""Helpers for the extension tests: a small bibliography and a renderer without MkDocs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import markdown
import pytest
from edusite.errors import Problems
from edusite.markdown import article_extensions
from edusite.structure.bibliography import Bibliography, load_bibliography
from edusite.structure.page import PageResult, RenderSession

HERE = Path(__file__).resolve().parent
# The Markdown extensions the real site uses next to ours (mkdocs.yml), for realistic output.
SITE_EXTENSIONS = ["toc", "admonition", "tables", "attr_list", "md_in_html", "pymdownx.superfences"]


@dataclass
class Rendered:
    html: str
    problems: list[str]
    result: PageResult


@pytest.fixture(scope="session")
def bibliography() -> Bibliography:
    problems = Problems()
    bib = load_bibliography(HERE / "references.json", problems)
    assert list(problems) == []
    return bib


def render_markdown(text: str, bibliography: Bibliography) -> Rendered:
    """Render `text` with the citation and FAQ extensions, as the site does."""
    session = RenderSession(bibliography)
    md = markdown.Markdown(extensions=[*SITE_EXTENSIONS, *article_extensions(session)])
    html = md.convert(text)
    problems = [f"{p.line} {p.code} {p.message}" for p in session.problems]
    return Rendered(html, problems, session.result)


@pytest.fixture
def render(bibliography: Bibliography):
    """`render(text)` -> Rendered(html, problems as 'line CODE message', page result)."""
    return lambda text: render_markdown(text, bibliography)
