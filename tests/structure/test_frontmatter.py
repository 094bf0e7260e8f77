"""Front matter: the schema, the article rule, and exact `path:line` for every problem."""

from __future__ import annotations

import datetime as dt

import pytest
from edusite.errors import Problems
from edusite.structure.frontmatter import parse_front_matter, split_front_matter

ARTICLE = """---
type: article
title: "Runner's knee"
description: What it is and what helps.
summary:
  - It is common.
  - Most people get better.
byline: the Example editorial team
reviewed: 2026-11-25
tags:
  - knee
---

## First section
"""


def parse(text: str) -> tuple[dict, list[str]]:
    problems = Problems()
    matter = parse_front_matter("content/page.md", text, problems)
    return matter.fields, [f"{p.line} {p.code} {p.message}" for p in problems]


def test_a_complete_article_is_valid() -> None:
    fields, problems = parse(ARTICLE)
    assert problems == []
    assert fields["reviewed"] == dt.date(2026, 11, 25)
    assert fields["summary"] == ["It is common.", "Most people get better."]
    assert fields["title"] == "Runner's knee"


def test_split_counts_the_lines_mkdocs_strips() -> None:
    raw, body, offset = split_front_matter(ARTICLE.replace("---\n\n##", "---\n\n\n##"))
    assert raw is not None and raw.startswith("type: article")
    assert body.startswith("## First section")
    assert offset == 14  # 12 front-matter lines + 2 blank lines MkDocs also strips


def test_a_plain_page_needs_only_a_title() -> None:
    assert parse("---\ntitle: Home\n---\n\n# Home\n")[1] == []
    missing_title = parse("---\ndescription: x\n---\n")[1]
    assert missing_title == ["1 E107 a page needs the front matter field `title`"]


def test_a_page_without_front_matter_is_a_plain_page() -> None:
    assert parse("# Just a page\n") == ({}, [])


def without(field: str) -> str:
    lines = ARTICLE.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(field + ":"))
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    return "".join(lines[:start] + lines[end:])


def test_an_article_may_leave_out_its_byline_for_the_sites() -> None:
    fields, problems = parse(without("byline"))
    assert problems == [] and "byline" not in fields


@pytest.mark.parametrize("removed", ["description", "summary", "reviewed", "tags"])
def test_an_article_needs_every_article_field(removed: str) -> None:
    _, problems = parse(without(removed))
    assert problems == [f"1 E107 an article needs the front matter field `{removed}`"]


def test_a_reviewed_date_makes_a_page_an_article() -> None:
    _, problems = parse("---\ntitle: T\nreviewed: 2026-01-02\n---\n")
    assert "1 E107 an article needs the front matter field `summary`" in problems


def test_invalid_yaml_is_reported_at_its_line_not_ignored() -> None:
    text = ARTICLE.replace("description: What it is and what helps.", "description: a: b: c")
    _, problems = parse(text)
    assert problems == [
        "4 E101 the front matter is not valid YAML: mapping values are not allowed here"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "reviewed: 2026-11-25",
            "reviewed: 2026-13-01",
            "9 E106 `reviewed` must be a date written YYYY-MM-DD, not `2026-13-01`",
        ),
        (
            "reviewed: 2026-11-25",
            "reviewed: 25/11/2026",
            "9 E106 `reviewed` must be a date written YYYY-MM-DD, not `25/11/2026`",
        ),
        (
            "reviewed: 2026-11-25",
            "reviwed: 2026-11-25",
            "9 E102 unknown front matter field `reviwed`",
        ),
        ('title: "Runner\'s knee"', "title: 2026", "3 E104 `title` must be text"),
        ("  - knee", "  - [a, b]", "11 E104 each item of `tags` must be text"),
        ("type: article", "type: blog", "2 E105 `type` must be one of: article, page"),
    ],
)
def test_field_problems_name_the_line(old: str, new: str, expected: str) -> None:
    _, problems = parse(ARTICLE.replace(old, new))
    assert expected in problems


def test_summary_must_be_a_list() -> None:
    text = ARTICLE.replace(
        "summary:\n  - It is common.\n  - Most people get better.\n", "summary: It is common.\n"
    )
    _, problems = parse(text)
    assert problems == ["5 E104 `summary` must be a list with at least one item"]


def test_a_field_given_twice_is_reported_at_the_second() -> None:
    _, problems = parse(ARTICLE.replace("tags:", "title: Again\ntags:"))
    assert problems == ["10 E103 the field `title` is given twice"]


def test_problem_text_shows_the_source_line_and_a_hint() -> None:
    problems = Problems()
    parse_front_matter("content/page.md", ARTICLE.replace("2026-11-25", "2026-02-30"), problems)
    (problem,) = list(problems)
    assert str(problem).splitlines() == [
        "content/page.md:9: `reviewed` must be a date written YYYY-MM-DD, not `2026-02-30` [E106]",
        "    | reviewed: 2026-02-30",
        "    hint: for example `reviewed: 2026-11-25`",
    ]


def test_citations_in_front_matter_are_reported() -> None:
    _, problems = parse(ARTICLE.replace("  - It is common.", "  - It is common [@a2019]."))
    assert problems == ["6 E109 `summary` cannot cite sources"]


def test_every_pandoc_citation_form_in_front_matter_is_reported() -> None:
    for cite in ("[see @a2019, p. 5]", "[-@a2019]", "[@a2019; @b2020]"):
        _, problems = parse(ARTICLE.replace("  - It is common.", f"  - It is common {cite}."))
        assert problems == ["6 E109 `summary` cannot cite sources"], cite


def test_an_e_mail_address_in_front_matter_is_not_a_citation() -> None:
    _, problems = parse(ARTICLE.replace("  - It is common.", "  - Ask [help@example.org]."))
    assert problems == []
