"""What ARCHITECTURE.md says about imports holds: the compiler, the structure models, the Markdown
extensions and quizkit work without MkDocs (Zensical runs Python-Markdown extensions, and the
compiler has its own command line)."""

from __future__ import annotations

import subprocess
import sys

import pytest

WITHOUT_MKDOCS = [
    "quizkit",
    "edusite.errors",
    "edusite.quizc",
    "edusite.structure.article",
    "edusite.structure.bibliography",
    "edusite.structure.catalog",
    "edusite.structure.citesyntax",
    "edusite.structure.frontmatter",
    "edusite.structure.page",
    "edusite.structure.references",
    "edusite.markdown",
    "edusite.publish",
]


@pytest.mark.parametrize("module", WITHOUT_MKDOCS)
def test_importing_it_loads_no_mkdocs_module(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs')))"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ""
