"""What ARCHITECTURE.md says about imports holds: the compiler, the structure models, the Markdown
extensions and quizkit work without MkDocs (Zensical runs Python-Markdown extensions, and the
compiler has its own command line)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import edusite
import pytest

PACKAGE = Path(edusite.__file__).parent

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
    *(f"edusite.checks.{path.stem}" for path in sorted((PACKAGE / "checks").glob("[!_]*.py"))),
    *(f"edusite.runtime.{path.stem}" for path in sorted((PACKAGE / "runtime").glob("[!_]*.py"))),
]
"""`checks/` holds only checks and `runtime/` only browser files and their installer: the
MkDocs-facing parts (the quiz adapter, `edusite check`, the serve banner) sit beside
`plugin.py`."""


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
