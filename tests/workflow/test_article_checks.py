"""Reading grade (E701) and review age (W702) of articles, and how `edusite check` shows them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from edusite.checks.readability import MIN_SENTENCES, measure
from edusite.checks.review import check_review_age
from edusite.checks.site import SiteChecks
from edusite.structure.sourcepage import SourcePage

from tests.badinputs.sitecopy import edusite_check, make_site

CASES = Path(__file__).resolve().parents[1] / "badinputs" / "cases"

FRONT = """---
type: article
title: T
description: D.
summary:
  - S.
byline: the team
reviewed: {reviewed}
tags:
  - t
---

"""
EASY = "The knee hurts when you run. Rest it for a day or two. Then walk a bit.\n\n"
HARD = (
    "Conservative management emphasises progressive quadriceps strengthening, activity "
    "modification and individualised education regarding cumulative load management.\n\n"
)


def _article(body: str, reviewed: str = "2026-11-25") -> SourcePage:
    return SourcePage.read("content/a.md", FRONT.format(reviewed=reviewed) + body)


def _checks(**options: object) -> SiteChecks:
    return SiteChecks(Path("."), Path("content"), today=dt.date(2026, 12, 1), **options)


def test_a_hard_article_fails_at_line_1_naming_its_three_hardest_sentences() -> None:
    page = _article(EASY * 3 + HARD * 3)
    found = _checks().article(page)
    assert [(p.line, p.code) for p in found] == [(1, "E701")]
    named = [part.split(" (")[0] for part in found[0].hint.split(": ")[1].split("; ")]
    assert named == ["line 19", "line 21", "line 23"]  # the three HARD paragraphs, not EASY
    assert _checks(reading_grade_max=30).article(page) == []


def test_too_little_prose_is_printed_but_not_enforced() -> None:
    checks = _checks()
    assert checks.article(_article(HARD * (MIN_SENTENCES - 1))) == []
    assert checks.readings["content/a.md"].summary().startswith("reading grade: too little")


def test_pages_that_are_not_articles_are_not_measured() -> None:
    page = SourcePage.read("content/index.md", "---\ntitle: Home\n---\n\n" + HARD * 10)
    checks = _checks()
    assert checks.article(page) == []
    assert checks.readings == {}


def test_an_old_review_warns_at_the_reviewed_line_with_an_injected_today() -> None:
    matter = _article(EASY, reviewed="2023-11-30").front_matter
    today = dt.date(2026, 12, 1)
    (warning,) = check_review_age("content/a.md", matter, 3, today)
    assert (warning.line, warning.code) == (8, "W702")
    assert check_review_age("content/a.md", matter, 3, dt.date(2026, 11, 29)) == []
    assert check_review_age("content/a.md", matter, 5, today) == []


def test_the_grade_is_the_flesch_kincaid_formula_on_whole_sentences() -> None:
    reading = measure("The cat sat on the mat.\n\n- a fragment\n")
    assert len(reading.sentences) == 1  # 6 words, 6 syllables
    assert round(reading.grade, 2) == round(0.39 * 6 + 11.8 * 1 - 15.59, 2)


def test_check_prints_each_articles_grade(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", CASES / "reading-grade-too-high" / "files").parent
    result = edusite_check(site)
    assert "content/guide.md: reading grade 16.5 (Flesch-Kincaid, 8 sentences)\n" in result.stderr
    assert "hint: Split long sentences" in result.stderr


def test_the_review_age_is_judged_on_the_build_date(monkeypatch) -> None:
    """SOURCE_DATE_EPOCH dates a reproducible build; without it, today counts."""
    import datetime as dt

    from edusite.checks.review import build_date

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")
    assert build_date() == dt.date(2026, 12, 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_date() == dt.date.today()
