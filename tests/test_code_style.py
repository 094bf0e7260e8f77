"""The code stays ruff-clean: lint rules and formatting as configured in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "arguments",
    [["check", "--output-format", "concise"], ["format", "--check"]],
    ids=["lint", "format"],
)
def test_ruff(arguments: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *arguments, "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
