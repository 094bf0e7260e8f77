"""The syllable counter behind the reading grade, checked against the CMU dictionary.

`data/syllables_words.txt` holds words with their spoken syllables (the dictionary's count
where it lists the word, a hand count for medical terms, numbers and abbreviations it lacks).
`data/syllables_heldout.txt` is vocabulary the fallback rules were not tuned on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from edusite.checks.syllables import (
    dictionary_syllables,
    number_syllables,
    rule_syllables,
    syllables,
)

DATA = Path(__file__).parent / "data"


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


WORDS = [(word, int(count)) for word, count in map(str.split, _lines("syllables_words.txt"))]
HELD_OUT = _lines("syllables_heldout.txt")


def test_the_word_list_is_big_and_has_the_tricky_words() -> None:
    words = {word for word, _ in WORDS}
    assert len(words) >= 200
    tricky = {"every", "quadriceps", "patellofemoral", "tendinopathy", "physiotherapist"}
    assert tricky | {"ibuprofen", "NSAIDs", "10%", "runner's", "well-known"} <= words


def test_the_word_list_agrees_with_the_dictionary_where_it_lists_the_word() -> None:
    differ = [
        (word, count, dictionary_syllables(word))
        for word, count in WORDS
        if dictionary_syllables(word) not in (None, count)
    ]
    assert differ == []


def test_every_word_gets_its_spoken_syllables() -> None:
    wrong = [(word, syllables(word), count) for word, count in WORDS if syllables(word) != count]
    assert wrong == []


def test_no_word_with_letters_or_digits_scores_zero() -> None:
    samples = ["the", "a", "x", "rhythm", "nth", "Zzz", "0", "q", "tsk", "hmm", *HELD_OUT]
    assert all(syllables(word) >= 1 for word in samples)
    assert rule_syllables("rhythm") >= 1 and syllables("--") == 0


def test_a_numeral_counts_as_one_syllable_and_a_percent_sign_as_two_more() -> None:
    assert [number_syllables(n) for n in ("480", "2,500", "2.5", "1990s", "3rd")] == [1] * 5
    assert number_syllables("10%") == 3  # "percent"
    assert number_syllables("knee") is None


def test_the_rules_agree_with_the_dictionary_on_held_out_words() -> None:
    assert len(HELD_OUT) >= 200
    agree = sum(rule_syllables(word) == dictionary_syllables(word) for word in HELD_OUT)
    share = agree / len(HELD_OUT)
    print(f"\nrule-based counter agrees with CMU on {agree}/{len(HELD_OUT)} = {share:.1%}")
    assert share >= 0.85


@pytest.mark.parametrize("word", ["the", "every", "kneecap", "physical"])
def test_the_dictionary_is_read_offline_from_the_package(word: str) -> None:
    assert dictionary_syllables(word) is not None
