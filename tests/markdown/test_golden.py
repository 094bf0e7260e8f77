"""Golden files: `<ext>/<case>.md` rendered must equal `<ext>/<case>.html` byte for byte.

Problems found while rendering are part of the golden output (a trailing HTML comment).
After an intended change, regenerate with `EDUSITE_UPDATE_GOLDEN=1 uv run pytest
tests/markdown/test_golden.py` and review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import render_markdown

HERE = Path(__file__).resolve().parent
CASES = sorted(HERE.glob("*/*.md"))
UPDATE = os.environ.get("EDUSITE_UPDATE_GOLDEN") == "1"


def golden_text(case: Path, bibliography) -> str:
    out = render_markdown(case.read_text(encoding="utf-8"), bibliography)
    text = out.html.rstrip() + "\n"
    if out.problems:
        text += "<!-- problems:\n" + "\n".join(out.problems) + "\n-->\n"
    return text


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_golden(case: Path, bibliography) -> None:
    expected_file = case.with_suffix(".html")
    actual = golden_text(case, bibliography)
    if UPDATE:
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.exists(), f"no golden file: run with EDUSITE_UPDATE_GOLDEN=1 ({case})"
    assert actual == expected_file.read_text(encoding="utf-8")


def test_there_are_cases_for_each_extension() -> None:
    assert {c.parent.name for c in CASES} == {"citations", "faq"}
