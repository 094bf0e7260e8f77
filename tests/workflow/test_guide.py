"""The editors' guide (CONTRIBUTING.md) cannot go stale: its examples are built here.

Code blocks with `title="<path>"` are files: they are written into a copy of the small test
site (a `content/references.json` block holds exported entries, appended to the list), after
running the guide's own `edusite new` command. The site must pass `edusite check` and build
strictly, with the citations, FAQ and quizzes rendered. The block titled
`"<path>, with a mistake"` must make `edusite check` print exactly the guide's error output.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from tests.badinputs.sitecopy import (
    ROOT,
    add_plugin_options,
    edusite_check,
    make_site,
    mkdocs_build,
    run,
)

GUIDE = ROOT / "CONTRIBUTING.md"
_BLOCK = re.compile(
    r'^```(?P<lang>\w+)(?: title="(?P<title>[^"]+)")?\n(?P<body>.*?)^```$', re.MULTILINE | re.DOTALL
)
MISTAKE = ", with a mistake"


def blocks() -> list[tuple[str, str, str]]:
    """(language, title, text) of every fenced block in the guide."""
    text = GUIDE.read_text("utf-8")
    return [(m["lang"], m["title"] or "", m["body"]) for m in _BLOCK.finditer(text)]


def commands(prefix: str) -> list[list[str]]:
    lines = [line for lang, _, body in blocks() if lang == "sh" for line in body.splitlines()]
    return [shlex.split(line, comments=True) for line in lines if line.startswith(prefix)]


def write_examples(site: Path, with_mistake: bool = False) -> None:
    for _, title, body in blocks():
        if not title or title == "edusite check" or title.endswith(MISTAKE) != with_mistake:
            continue
        path = site / title.removesuffix(MISTAKE)
        if path.name == "references.json":
            entries = json.loads(path.read_text("utf-8")) + json.loads(body)
            body = json.dumps(entries, indent=2, ensure_ascii=False) + "\n"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """The small site, after the guide's `edusite new` command and with its examples."""
    site = make_site(tmp_path / "site").parent
    (new,) = commands("uv run edusite new")
    created = run(["edusite.cli", *new[3:]], site)
    assert created.returncode == 0, created.stderr
    write_examples(site)
    return site


def test_the_guide_has_every_example_the_issue_asks_for() -> None:
    titles = {title for _, title, _ in blocks()}
    assert {
        "content/knee-exercises.md",
        "content/references.json",
        "content/references.bib",
        "quizzes/knee_exercises/quiz.py",
        "content/knee-exercises.md" + MISTAKE,
        "edusite check",
    } <= titles
    text = GUIDE.read_text("utf-8")
    for heading in (
        "Add an article",
        "Cite a source",
        "Write an FAQ",
        "Embed a quiz",
        "Preview your changes",
        "Read an error",
    ):
        assert f"## {heading}" in text


def test_the_examples_pass_the_check(site: Path) -> None:
    result = edusite_check(site)
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_the_examples_build_with_citations_faq_and_quizzes(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = mkdocs_build(site, out)
    assert result.returncode == 0, result.stderr
    page = (out / "knee-exercises" / "index.html").read_text("utf-8")
    assert 'href="#source-neal2019"' in page and 'id="source-neal2019"' in page
    assert 'id="faq"' in page and "How often should I do the exercises?" in page
    assert 'data-quiz-id="knee-exercises-quiz"' in page
    assert 'data-quiz-id="distance-converter"' in page
    assert 'class="edusite-care edusite-care--urgent"' in page
    assert "Get medical help today if:" in page


# The small site's own article cites this source too; it is not part of the guide's example.
BASE_SOURCE = """
@article{crossley2015,
  author = {Crossley, K M and van Middelkoop, M},
  title = {Making football safer for women},
  journal = {BMJ}, year = {2015}, volume = {351}, pages = {h3939},
}
"""


@pytest.mark.slow
def test_the_bibtex_example_builds_as_the_bibliography(site: Path, tmp_path: Path) -> None:
    bib = site / "content/references.bib"
    bib.write_text(bib.read_text("utf-8") + BASE_SOURCE, encoding="utf-8")
    (site / "content/references.json").unlink()
    add_plugin_options(site / "mkdocs.yml", "bibliography: content/references.bib")
    out = tmp_path / "out"
    result = mkdocs_build(site, out)
    assert result.returncode == 0, result.stderr
    page = (out / "knee-exercises" / "index.html").read_text("utf-8")
    assert 'id="source-neal2019"' in page and 'id="source-aaos-pfps"' in page
    assert "Br J Sports Med. 2019;53(5):270\u201381." in page
    assert "OrthoInfo [Internet]. [cited 2026 Nov 25]." in page
    assert 'href="https://doi.org/10.1136/bjsports-2017-098890"' in page


def test_the_error_shown_in_the_guide_is_what_the_check_prints(site: Path) -> None:
    write_examples(site, with_mistake=True)
    result = edusite_check(site)
    assert result.returncode == 1
    (shown,) = [body for _, title, body in blocks() if title == "edusite check"]
    # The test site also holds the corpus's own article, content/guide.md, which the guide
    # does not show: only its reading-grade line is left out of the comparison.
    printed = [line for line in result.stderr.splitlines() if not line.startswith("content/guide")]
    assert "\n".join(printed).strip() == shown.strip()


def test_make_targets_in_the_guide_exist() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    targets = set(re.findall(r"^([A-Za-z][\w-]*):", makefile, re.MULTILINE))
    used = {word for command in commands("make ") for word in command[1:]}
    assert used and used <= targets


def test_every_problem_code_in_the_code_is_explained_in_the_guide() -> None:
    source = "\n".join(
        path.read_text("utf-8") for path in (ROOT / "plugins" / "edusite").rglob("*.py")
    )
    codes = set(re.findall(r"[\"\[]([EW]\d{3})[\"\]]", source))
    listed = set(re.findall(r"^\| ([EW]\d{3}) \|", GUIDE.read_text("utf-8"), re.MULTILINE))
    assert codes - listed == set(), "add these codes to the table in CONTRIBUTING.md"


def test_what_the_guide_says_a_result_prints_is_what_it_prints() -> None:
    """The guide quotes the words a result already has, so feedback does not repeat them."""
    from quizkit.base import FIX_ANSWERS
    from quizkit.selfcheck import NOT_A_DIAGNOSIS, WHY

    guide = " ".join(GUIDE.read_text("utf-8").split())
    render = (ROOT / "plugins/edusite/runtime/render.js").read_text("utf-8")
    for words in (FIX_ANSWERS, WHY, NOT_A_DIAGNOSIS):
        assert words in guide
    for words in ('"Correct. "', '"Not quite. "', "`Question ${number}: `", "You got ${"):
        assert words in render
    assert '"Correct."' in guide and '"Not quite."' in guide and '"Question 2:"' in guide
    assert '"You got 3 of 4 right."' in guide
