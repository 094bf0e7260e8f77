"""Every runner's knee quiz object: fixed ids, well formed, valid samples, real sources, links.

These are the checks the build also makes, run here against the real article and bibliography
so a quiz edit that breaks the site fails fast.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest
from edusite.checks.readability import measure
from quizkit import QuizBase, blocks, collect

import quizzes.runners_knee

ROOT = Path(__file__).resolve().parents[2]
FIXED_IDS = {
    "runners-knee-self-check",
    "runners-knee-quiz",
    "return-to-running-planner",
    "shoe-mileage-check",
}
ANCHORS = {
    "#what-is-runners-knee",
    "#who-gets-it",
    "#symptoms",
    "#when-to-see-a-doctor",
    "#causes-and-risk-factors",
    "#diagnosis",
    "#home-treatment",
    "#exercises",
    "#medical-treatment",
    "#prevention",
    "#returning-to-running",
    "#shoes",
    "#check-your-knee",
    "#quiz",
    "#faq",
}


def all_quizzes() -> list[QuizBase]:
    found = []
    prefix = quizzes.runners_knee.__name__ + "."
    for info in pkgutil.iter_modules(quizzes.runners_knee.__path__, prefix):
        found += collect(importlib.import_module(info.name))
    return found


QUIZZES = all_quizzes()


def test_the_four_fixed_ids_each_defined_once() -> None:
    ids = [q.id for q in QUIZZES]
    assert sorted(ids) == sorted(FIXED_IDS)


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.id)
def test_well_formed(quiz: QuizBase) -> None:
    assert quiz.problems() == []
    spec = quiz.spec()
    assert json.loads(json.dumps(spec)) == spec


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.id)
def test_every_sample_gives_a_valid_result(quiz: QuizBase) -> None:
    samples = quiz.samples()
    assert len(samples) >= 3
    oks = 0
    for answers in samples:
        result = quiz.evaluate(answers)
        assert blocks.result_problems(result) == [], answers
        assert set(result["field_errors"]) <= {q["id"] for q in quiz.spec()["questions"]}
        oks += result["ok"]
    assert oks > 0


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.id)
def test_citations_are_in_the_bibliography(quiz: QuizBase) -> None:
    bibliography = json.loads((ROOT / "content" / "references.json").read_text("utf-8"))
    known = {entry["id"] for entry in bibliography}
    assert quiz.cited_keys()
    assert quiz.cited_keys() <= known


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.id)
def test_links_go_to_fixed_article_sections(quiz: QuizBase) -> None:
    hrefs = set()
    for answers in quiz.samples():
        for block in quiz.evaluate(answers)["blocks"]:
            if block["type"] == "links":
                hrefs |= {item["href"] for item in block["items"]}
    assert hrefs and hrefs <= ANCHORS
    article = ROOT / "content" / "runners-knee.md"
    if article.exists():  # written in parallel; the fixed list above is the contract
        written = set(re.findall(r"\{#([a-z0-9-]+)\}", article.read_text("utf-8")))
        assert {h[1:] for h in hrefs} <= written


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.id)
def test_plain_language(quiz: QuizBase) -> None:
    """Short sentences: no author text sentence runs over 30 words."""
    for text in quiz.texts():
        for sentence in re.split(r"(?<=[.!?])\s+", re.sub(r"\[@[^\]]+\]", "", text)):
            assert len(sentence.split()) <= 30, sentence


def _prose(quiz: QuizBase) -> list[str]:
    """Whole sentences an author wrote or a sample result shows (not option labels)."""
    texts = set(quiz.texts())
    for answers in quiz.samples():
        for block in quiz.evaluate(answers)["blocks"]:
            texts.add(block.get("text", ""))
            texts |= {i for i in block.get("items", []) if isinstance(i, str)}
    clean = (re.sub(r"\s*\[@[^\]]+\]", "", t).strip() for t in texts)
    return sorted(t for t in clean if t.endswith((".", "?")) and len(t.split()) >= 4)


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.id)
def test_reading_level_is_at_most_eighth_grade(quiz: QuizBase) -> None:
    reading = measure("\n\n".join(_prose(quiz)))  # the articles' measure (E701)
    assert reading.grade <= 8.0
    assert reading.reading_ease >= 60.0
