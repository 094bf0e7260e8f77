"""The reading grade of an article (Flesch-Kincaid), and the check that it is not too hard.

Readers of a health guide are the public, so articles are held to a US school grade (the
`reading_grade_max` setting, default 8). The grade is measured on full sentences only
(`edusite.checks.prose`) with syllables from the CMU dictionary (`edusite.checks.syllables`):

    grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59

Below `MIN_SENTENCES` full sentences the figure says little, so it is printed as "too little
prose to measure" and not enforced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from edusite.checks.prose import Sentence, prose_sentences
from edusite.checks.syllables import syllables
from edusite.errors import ContentProblem

MIN_SENTENCES = 5
"""Fewer full sentences than this are too little prose to give a meaningful grade."""
HARDEST_SHOWN = 3
"""How many of the hardest sentences the E701 hint names by line."""


def flesch_kincaid(words: int, sentences: int, syllable_count: int) -> float:
    """The Flesch-Kincaid grade level from the three counts (0 for no words)."""
    if not words or not sentences:
        return 0.0
    return 0.39 * words / sentences + 11.8 * syllable_count / words - 15.59


@dataclass(frozen=True)
class ScoredSentence:
    """A sentence with its own counts, so the hardest ones can be named."""

    sentence: Sentence
    words: int
    syllables: int

    @property
    def grade(self) -> float:
        return flesch_kincaid(self.words, 1, self.syllables)


@dataclass(frozen=True)
class Reading:
    """The measured reading level of one page."""

    sentences: tuple[ScoredSentence, ...]

    @property
    def measurable(self) -> bool:
        return len(self.sentences) >= MIN_SENTENCES

    @property
    def grade(self) -> float:
        words = sum(s.words for s in self.sentences)
        count = sum(s.syllables for s in self.sentences)
        return flesch_kincaid(words, len(self.sentences), count)

    @property
    def reading_ease(self) -> float:
        """Flesch Reading Ease (0-100, higher is easier; 60 and up is plain English)."""
        words = sum(s.words for s in self.sentences)
        if not words:
            return 100.0
        count = sum(s.syllables for s in self.sentences)
        return 206.835 - 1.015 * words / len(self.sentences) - 84.6 * count / words

    def hardest(self, count: int = HARDEST_SHOWN) -> list[ScoredSentence]:
        """The sentences that raise the page's grade most (the grade drop if each were cut),
        hardest first: long sentences of long words, not merely a short one with a long word."""
        words = sum(s.words for s in self.sentences)
        count_all = sum(s.syllables for s in self.sentences)
        total = len(self.sentences)

        def cost(s: ScoredSentence) -> float:
            rest = flesch_kincaid(words - s.words, total - 1, count_all - s.syllables)
            return self.grade - rest

        return sorted(self.sentences, key=lambda s: (-cost(s), s.sentence.line))[:count]

    def summary(self) -> str:
        """`reading grade 7.4 (Flesch-Kincaid, 123 sentences)`, or why there is none."""
        if not self.measurable:
            return f"reading grade: too little prose to measure ({len(self.sentences)} sentences)"
        return f"reading grade {self.grade:.1f} (Flesch-Kincaid, {len(self.sentences)} sentences)"


def measure(text: str, count_syllables: Callable[[str], int] = syllables) -> Reading:
    """Measure a page's whole file text (front matter is skipped)."""
    scored = []
    for sentence in prose_sentences(text):
        words = sentence.words
        scored.append(ScoredSentence(sentence, len(words), sum(map(count_syllables, words))))
    return Reading(tuple(scored))


def check_reading_grade(path: str, reading: Reading, max_grade: float) -> list[ContentProblem]:
    """E701 at `path:1` when a measurable page reads above `max_grade`."""
    if not reading.measurable or reading.grade <= max_grade:
        return []
    hardest = reading.hardest()
    named = "; ".join(
        f"line {s.sentence.line} ({s.words} words, grade {s.grade:.0f})" for s in hardest
    )
    return [
        ContentProblem(
            path,
            1,
            "E701",
            f"reading grade {reading.grade:.1f} is above {max_grade:g} "
            f"(Flesch-Kincaid, {len(reading.sentences)} sentences)",
            f"Split long sentences and use shorter, everyday words. Hardest sentences: {named}.",
        )
    ]
