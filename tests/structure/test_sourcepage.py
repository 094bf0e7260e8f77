"""One `SourcePage` per page: the file's text, front matter and lines worked out once, and the
same object everywhere a `path:line` is reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from edusite.checkrun import check_site
from edusite.structure import sourcepage
from edusite.structure.sourcepage import SourcePage, editor_path, front_matter_end
from mkdocs.utils.meta import get_data

from tests.badinputs.sitecopy import make_site

ARTICLE = "\ufeff---\r\ntitle: Knees\r\n---\r\n\r\n\r\nText with `<code>`.\r\n"


def test_the_text_is_normalised_and_the_front_matter_split_once() -> None:
    page = SourcePage.read("content/a.md", ARTICLE, "a.md")
    assert page.text == "---\ntitle: Knees\n---\n\n\nText with `<code>`.\n"
    assert page.front_matter.get("title") == "Knees"
    assert page.body_offset == 5 and page.body == "Text with `<code>`.\n"
    assert page.line_text(6) == "Text with `<code>`." and page.line_text(99) == ""
    assert page.masked.count("\n") == page.text.count("\n") and "code" not in page.masked


@pytest.mark.parametrize(
    "text",
    ["---\n---\nText\n", "---\ntitle: x\n---", "--- \ntitle: x\n...\nText\n", "Text\n---\n"],
)
def test_front_matter_ends_where_mkdocs_says_it_does(text: str) -> None:
    body, _ = get_data(text)
    assert SourcePage.read("p.md", text).body == body
    assert text[front_matter_end(text) :].lstrip("\n") == body


def test_a_problem_carries_the_path_and_quotes_its_line() -> None:
    problem = SourcePage.read("content/a.md", ARTICLE).problem(6, "E999", "bad", "fix it")
    assert str(problem) == (
        "content/a.md:6: bad [E999]\n    | Text with `<code>`.\n    hint: fix it"
    )


def test_a_front_matter_mistake_is_kept_for_the_page_not_raised() -> None:
    page = SourcePage.read("content/a.md", "---\ntitle: [open\n---\n\nText.\n")
    assert [p.code for p in page.front_matter_problems] == ["E101"]


def test_the_path_editors_see_is_relative_to_the_project(tmp_path: Path) -> None:
    assert editor_path(tmp_path, tmp_path / "content" / "a.md") == "content/a.md"
    assert editor_path(tmp_path, Path("content/a.md")) == "content/a.md"
    assert editor_path(tmp_path / "x", tmp_path / "a.md") == str(tmp_path / "a.md")


def test_a_build_parses_each_page_front_matter_once(tmp_path: Path, monkeypatch) -> None:
    """`edusite check` runs the plugin's own build: every page is read into its one
    `SourcePage` in `on_files`, and the catalogue, the extensions and the checks reuse it."""
    config = make_site(tmp_path)
    parsed: list[str] = []
    real = sourcepage.parse_front_matter

    def counting(path, text, problems):
        parsed.append(path)
        return real(path, text, problems)

    monkeypatch.setattr(sourcepage, "parse_front_matter", counting)
    monkeypatch.chdir(tmp_path)
    assert check_site(config, out=io.StringIO()) == 0
    pages = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.glob("content/**/*.md"))
    assert sorted(parsed) == pages
