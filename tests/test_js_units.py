"""Runs every JavaScript unit test under tests/ (`*.test.mjs`, Node's built-in test runner)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


@pytest.mark.parametrize(
    "test_file", sorted(TESTS.rglob("*.test.mjs")), ids=lambda p: str(p.relative_to(TESTS))
)
def test_node_unit_tests_pass(test_file: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: the project needs Node.js 20 (see README)")
    done = subprocess.run(
        [node, "--test", str(test_file)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
