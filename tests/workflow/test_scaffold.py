"""`edusite new`: the new article (and quiz) passes every check and explains each field."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from edusite.scaffold import SLUG_MAX, NewArticle, ScaffoldError, nav_hint, plan
from edusite.structure.frontmatter import REQUIRED_ARTICLE_FIELDS

from tests.badinputs.sitecopy import ROOT, edusite_check, make_site, mkdocs_build, run


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return make_site(tmp_path / "site").parent


def front_matter(text: str) -> tuple[str, dict]:
    block = text.split("---\n", 2)[1]
    return block, yaml.safe_load(block)


def test_new_article_with_quiz_passes_the_checks(site: Path) -> None:
    created = run(
        ["edusite.cli", "new", "knee-exercises", "--title", "Knee exercises", "--quiz"], site
    )
    assert created.returncode == 0, created.stderr
    assert created.stdout.splitlines()[:3] == [
        "created content/knee-exercises.md",
        "created quizzes/knee_exercises/__init__.py",
        "created quizzes/knee_exercises/quiz.py",
    ]
    article = (site / "content" / "knee-exercises.md").read_text("utf-8")
    assert "/// quiz | knee-exercises-quiz\n///\n" in article
    assert 'id="knee-exercises-quiz"' in (site / "quizzes/knee_exercises/quiz.py").read_text()
    checked = edusite_check(site)
    assert checked.returncode == 0, checked.stderr
    assert "no problems in 3 pages" in checked.stderr


def test_every_front_matter_field_is_explained(site: Path) -> None:
    text = plan(NewArticle("knee-exercises", today=dt.date(2026, 11, 25)), site)[
        site / "content" / "knee-exercises.md"
    ]
    block, fields = front_matter(text)
    assert set(REQUIRED_ARTICLE_FIELDS) <= fields.keys()
    assert fields["reviewed"] == dt.date(2026, 11, 25)
    # No byline of its own: the note names the site's default, which the page shows.
    assert "byline" not in fields
    assert '"the Runner\'s Knee Guide editorial team" (`byline` in' in block
    lines = block.splitlines()
    for number, line in enumerate(lines):
        if re.match(r"^[a-z]+:", line):
            assert lines[number - 1].startswith("#"), f"no note above {line!r}"


def test_the_note_names_this_sites_byline(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Shin Guide\nplugins:\n  - edusite:\n      publisher: Example Health\n"
    )
    text = plan(NewArticle("shins"), tmp_path)[tmp_path / "docs" / "shins.md"]
    assert '"the Example Health editorial team"' in text
    assert "Runner" not in text and "knee" not in text


def test_the_new_files_pass_the_formatting_the_pull_request_check_enforces(site: Path) -> None:
    """ruff's lint and format check run on every pull request (tests/test_code_style.py)."""
    longest = "a-very-long-page-name-for-a-test-of-line-lengths-and-more-wo"
    assert len(longest) == SLUG_MAX
    title = 'What to do when your "shin" hurts after running on hard roads for many weeks on end'
    files = plan(NewArticle(longest, title=title, with_quiz=True), site)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    quizzes = [str(path) for path in files if path.suffix == ".py"]
    for arguments in (["check", "--no-cache"], ["format", "--check", "--no-cache"]):
        result = run(["ruff", *arguments, "--config", str(ROOT / "pyproject.toml"), *quizzes], site)
        assert result.returncode == 0, result.stdout + result.stderr


def test_titles_with_quotes_stay_valid_yaml(site: Path) -> None:
    article = NewArticle("quotes", title='The "runner\'s knee" myth \\ facts')
    _, fields = front_matter(plan(article, site)[site / "content" / "quotes.md"])
    assert fields["title"] == 'The "runner\'s knee" myth \\ facts'


def test_refuses_to_overwrite_or_to_take_a_bad_name(site: Path) -> None:
    with pytest.raises(
        ScaffoldError, match=re.escape("not overwriting what is already there: content/guide.md")
    ):
        plan(NewArticle("guide"), site)
    with pytest.raises(ScaffoldError, match='"Knee_Exercises" is not a valid page name'):
        plan(NewArticle("Knee_Exercises"), site)
    with pytest.raises(ScaffoldError, match="too long for a page name: use at most 60"):
        plan(NewArticle("a" * 61), site)
    refused = run(["edusite.cli", "new", "guide"], site)
    assert refused.returncode == 1
    assert "edusite new: not overwriting" in refused.stderr


@pytest.mark.slow
def test_new_article_builds_with_its_quiz_form(site: Path, tmp_path: Path) -> None:
    assert run(["edusite.cli", "new", "knee-exercises", "--quiz"], site).returncode == 0
    built = mkdocs_build(site, tmp_path / "out")
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "out" / "knee-exercises" / "index.html").read_text("utf-8")
    assert 'data-quiz-id="knee-exercises-quiz"' in page
    assert 'id="first-section"' in page


def test_a_site_with_an_explicit_nav_is_told_where_to_list_the_page(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: S\nnav:\n  - Home: index.md\n")
    assert nav_hint(NewArticle("knee-exercises", "Knee exercises"), tmp_path) == (
        "list it in the menu: under `nav:` in mkdocs.yml, add the line  "
        '- "Knee exercises": knee-exercises.md'
    )
    (tmp_path / "mkdocs.yml").write_text("site_name: S\n")
    assert nav_hint(NewArticle("knee-exercises"), tmp_path) is None
