"""Pandoc's citation syntax, parsed once (`structure.citesyntax`) for every user of it."""

from __future__ import annotations

import doctest

import pytest
from edusite.structure import citesyntax
from edusite.structure.citesyntax import BRACKETED, IN_TEXT, KEY, parse_group, strip_citations


def test_the_doctests_hold() -> None:
    assert doctest.testmod(citesyntax).failed == 0


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("@Foo_bar.baz.", "Foo_bar.baz"),  # the final full stop ends the sentence
        ("@Foo_bar--baz", "Foo_bar"),  # doubled punctuation ends the key
        ("@aaos-pfps,", "aaos-pfps"),
        ("@a:b/c#d$e%f&g+h?i<j>k~l", "a:b/c#d$e%f&g+h?i<j>k~l"),
        ("@_x1", "_x1"),
    ],
)
def test_keys_follow_pandocs_rule(text: str, key: str) -> None:
    match = IN_TEXT.match(text)
    assert match is not None and match["key"] == key
    assert KEY.match(key)


@pytest.mark.parametrize("key", ["", "-a", "a-", "a b", "a--b", "{a}"])
def test_what_is_not_a_key(key: str) -> None:
    assert KEY.match(key) is None


@pytest.mark.parametrize(
    "text",
    ["[help@example.org]", "[@a](https://x.org)", "[@a][label]", "[^1]", "[see page 5]"],
)
def test_what_is_not_a_bracketed_citation(text: str) -> None:
    assert BRACKETED.search(text) is None


def test_items_carry_prefix_locator_and_suppressed_author() -> None:
    items = parse_group("see @doe99, pp. 33-35 and *passim*; -@smith04 ch. 1")
    assert items is not None
    assert [(i.prefix, i.key, i.suffix, i.suppress_author) for i in items] == [
        ("see", "doe99", "pp. 33-35 and *passim*", False),
        ("", "smith04", "ch. 1", True),
    ]


@pytest.mark.parametrize("body", ["@a @b", "@a; b", "@ a", "@{a}", "see@a", "@a;"])
def test_malformed_groups_do_not_parse(body: str) -> None:
    assert parse_group(body) is None


def test_in_text_keys_need_a_space_or_parenthesis_before_them() -> None:
    found = [m["key"] for m in IN_TEXT.finditer("@a, (@b) x@c e@d.org [@e] @f [p. 5]")]
    assert found == ["a", "b", "f"]


def test_the_reading_text_keeps_the_words_around_citations() -> None:
    assert strip_citations("Rest [see @a, p. 5], then @b says [-@c; @d].") == "Rest, then  says."
