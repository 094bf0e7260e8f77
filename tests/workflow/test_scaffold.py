"""`edusite new`: the new article (and quiz) passes every check and explains each field."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from edusite.scaffold import NewArticle, ScaffoldError, nav_hint, plan
from edusite.structure.frontmatter import ARTICLE_FIELDS

from tests.badinputs.sitecopy import edusite_check, make_site, mkdocs_build, run


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
    assert "::: quiz knee-exercises-quiz" in article
    assert 'id="knee-exercises-quiz"' in (site / "quizzes/knee_exercises/quiz.py").read_text()
    checked = edusite_check(site)
    assert checked.returncode == 0, checked.stderr
    assert "no problems in 3 pages" in checked.stderr


def test_every_front_matter_field_is_explained(site: Path) -> None:
    text = plan(NewArticle("knee-exercises", today=dt.date(2026, 11, 25)), site)[
        site / "content" / "knee-exercises.md"
    ]
    block, fields = front_matter(text)
    assert set(ARTICLE_FIELDS) <= fields.keys()
    assert fields["reviewed"] == dt.date(2026, 11, 25)
    assert fields["byline"] == "the Runner's Knee Guide editorial team"
    lines = block.splitlines()
    for number, line in enumerate(lines):
        if re.match(r"^[a-z]+:", line):
            assert lines[number - 1].startswith("#"), f"no note above {line!r}"


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
