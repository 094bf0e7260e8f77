"""The code stays clean: Python by ruff (pyproject.toml), JavaScript by Biome (biome.json)."""

from __future__ import annotations

import shutil
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


def test_biome_lints_the_javascript() -> None:
    """The runtime, the theme's scripts and the JS test helpers, with Biome's recommended rules
    (installed by `npm ci` from package-lock.json)."""
    biome = ROOT / "node_modules" / ".bin" / "biome"
    assert biome.exists() or shutil.which("biome"), "run `npm ci` (the Makefile does)"
    result = subprocess.run(
        [str(biome), "lint", "--error-on-warnings"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
