"""The bad-input corpus: each case breaks the small site in one way (or several at once).

`cases/<name>/files/` is copied over a fresh copy of `base/` (a site that passes every
check); `cases/<name>/expected.txt` lists every problem that must be reported, exactly as
printed (`path:line: message [CODE]`, or `WARNING: ...` for strict-mode warnings). Both
`edusite check` and `mkdocs build --strict` must report exactly those, exit non-zero and
leave no site behind. A case may also give `cases/<name>/plugin-options.yml`, lines added
to the edusite plugin's options (e.g. `bibliography: content/references.bib`), and
`cases/<name>/mkdocs-prepend.yml`, top-level settings put first in mkdocs.yml (a `nav:`).

To add a case: create `cases/<name>/files/...`, run
`EDUSITE_UPDATE_EXPECTED=1 uv run pytest tests/badinputs -k <name>` to write its
`expected.txt`, then read that file: it must say exactly what an editor should be told.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.badinputs.sitecopy import edusite_check, make_site, mkdocs_build

CASES = sorted(path for path in (Path(__file__).parent / "cases").iterdir() if path.is_dir())
_PROBLEM = re.compile(r"^(?:ERROR\s+-\s+)?(?P<line>\S+:\d+: .+ \[[EW]\d{3}\])$")
_WARNING = re.compile(r"^WARNING(?::|\s+-)\s+(?P<message>.+)$")


def _order(line: str) -> tuple[str, int, str]:
    """Warnings first, then by file and line number (line 8 before line 17)."""
    path, _, rest = line.partition(":")
    number, _, message = rest.partition(":")
    return (path, int(number), message) if number.isdigit() else ("", 0, line)


def reported(output: str) -> list[str]:
    """The problem lines and warnings in a command's output, in a stable order."""
    found = []
    for line in output.splitlines():
        if problem := _PROBLEM.match(line):
            found.append(problem["line"])
        elif warning := _WARNING.match(line):
            found.append(f"WARNING: {warning['message']}")
    return sorted(found, key=_order)


def expected(case: Path) -> list[str]:
    lines = (case / "expected.txt").read_text("utf-8").splitlines()
    return sorted(filter(None, lines), key=_order)


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES) >= 25


def test_the_base_site_passes(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site").parent
    result = edusite_check(site)
    assert result.returncode == 0, result.stderr
    assert reported(result.stderr) == []


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_check_reports_exactly_the_expected_problems(case: Path, tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", case / "files").parent
    result = edusite_check(site)
    if os.environ.get("EDUSITE_UPDATE_EXPECTED") == "1":
        (case / "expected.txt").write_text("\n".join(reported(result.stderr)) + "\n", "utf-8")
    assert result.returncode == 1, result.stderr
    assert reported(result.stderr) == expected(case), result.stderr
    assert not (site / "site").exists()


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_strict_build_fails_the_same_way_and_writes_nothing(case: Path, tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", case / "files").parent
    out = tmp_path / "out"
    result = mkdocs_build(site, out)
    assert result.returncode == 1, result.stderr
    assert reported(result.stderr) == expected(case), result.stderr
    assert not out.exists() or not any(out.iterdir()), "a failed build left files behind"
    assert not list(tmp_path.glob(".out.*")), "a failed build left its staging folder behind"
