"""Every article and the site's front pages read at US grade 8 or below (Flesch-Kincaid).

The grade is measured on the prose a reader sees (see `content_prose`), with the offline
`readability` package and, as a cross-check, the same formula with our own syllable count.
Run `uv run pytest tests/content -s` to see the measured grades.
"""

from __future__ import annotations

import pytest

from tests.content.content_prose import (
    CONTENT_DIR,
    flesch_kincaid_cross_check,
    flesch_kincaid_grade,
    prose_units,
    sentences,
    split_front_matter,
)

MAX_GRADE = 8.0
FRONT_PAGES = ("index.md", "about.md")


def _pages() -> list[str]:
    """Pages held to the reading level: every `type: article` page plus home and about."""
    names = set(FRONT_PAGES)
    for path in CONTENT_DIR.rglob("*.md"):
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
        if meta.get("type") == "article":
            names.add(path.relative_to(CONTENT_DIR).as_posix())
    return sorted(names)


@pytest.mark.parametrize("name", _pages())
def test_reading_grade_is_8_or_lower(name: str) -> None:
    markdown = (CONTENT_DIR / name).read_text(encoding="utf-8")
    grade = flesch_kincaid_grade(markdown)
    cross_check = flesch_kincaid_cross_check(markdown)
    count = len(sentences(markdown))
    print(
        f"\n{name}: Flesch-Kincaid grade {grade:.2f} (readability), "
        f"{cross_check:.2f} (cross-check), {count} sentences"
    )
    assert count >= 10, f"{name}: too little prose found to measure; is the extraction broken?"
    assert grade <= MAX_GRADE, f"{name}: Flesch-Kincaid grade {grade:.2f} > {MAX_GRADE}"
    assert cross_check <= MAX_GRADE, f"{name}: cross-check grade {cross_check:.2f} > {MAX_GRADE}"


def test_the_article_is_in_the_measured_set() -> None:
    assert "runners-knee.md" in _pages()


SAMPLE = """---
title: A title that is not prose
summary:
  - A takeaway that lives in front matter.
---

## A heading that is not measured {#heading}

First sentence with a citation [@aaos-pfps; @crossley2015]. Second sentence with a
[link to a page](other.md#part) and **bold words**.

![Alt text that is not prose](images/x.svg){ width="480" }

<figcaption>A caption <em>inside</em> HTML.</figcaption>

- a bullet without a full stop
- another bullet

```python
code = "is not prose"
```

::: quiz runners-knee-quiz

!!! danger "Call-out title"

    Text inside the call-out.

/// faq

### A question heading?

An answer.

///

## Sources

1. A reference that is not prose.
"""


def test_prose_extraction_keeps_only_running_text() -> None:
    units = prose_units(SAMPLE)
    assert units == [
        "First sentence with a citation. Second sentence with a link to a page and bold words.",
        "A caption inside HTML.",
        "a bullet without a full stop",
        "another bullet",
        "Text inside the call-out.",
        "An answer.",
    ]


def test_sentences_split_on_end_punctuation_and_list_items() -> None:
    assert sentences(SAMPLE)[:3] == [
        "First sentence with a citation.",
        "Second sentence with a link to a page and bold words.",
        "A caption inside HTML.",
    ]


def test_long_winded_prose_fails_the_limit() -> None:
    """The measurement can fail: dense academic prose scores far above grade 8."""
    dense = (
        "Patellofemoral pain syndrome constitutes a multifactorial musculoskeletal condition "
        "characterised by retropatellar or peripatellar discomfort, predominantly "
        "exacerbated by activities that substantially increase patellofemoral joint "
        "reaction forces, including prolonged sitting, stair negotiation and squatting.\n"
    ) * 12
    assert flesch_kincaid_grade(dense) > 16
    assert flesch_kincaid_cross_check(dense) > 16
