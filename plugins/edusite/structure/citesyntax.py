"""Pandoc's citation syntax as editors write it, parsed without any Markdown or bibliography.

One definition of what a citation looks like, shared by the citation extension (which renders
it), the front-matter check (E109: no citations there), the reading-grade text (which drops
them) and the leftover check (which finds any that reached a reader as text):

- bracketed: `[@key]`, `[@a; @b]`, each item with an optional prefix, `-` (suppress the
  author) and suffix/locator: `[see @key, p. 5; also -@other, ch. 2]`;
- in the text: `@key` and `@key [p. 5]` (the author's name, then the number).

The key grammar is quizkit's `CITATION_KEY` (Pandoc's rule). Pandoc's braced keys (`@{...}`)
are not needed: every bibliography key must match the plain grammar (E202).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizkit.text import CITATION_KEY

__all__ = [
    "ACCEPTED_FORMS",
    "BRACKETED",
    "CITATION_KEY",
    "IN_TEXT",
    "KEY",
    "CiteItem",
    "parse_group",
]

KEY = re.compile(rf"(?:{CITATION_KEY})\Z")
"""A whole string that is one citation key (a bibliography `id` must be one)."""

_AT = r"(?<![^\s\[;])-?@"
"""`@` (or `-@`) starting a word: after a space, `[` or `;`, so `name@example.org` is no key."""

BRACKETED = re.compile(
    rf"\[(?P<body>-?@[^\[\]]*|[^\[\]]*?{_AT}(?=\S)[^\[\]]*)\](?!\()(?!\[[^\[\]@]*\])"
)
"""A bracketed group Pandoc would read as a citation, or one an editor meant as one: `[`...`]`
with an `@` starting a word inside, not a link (`[...](url)`, `[...][label]`). Its items are
checked by `parse_group`; a group that does not parse is a malformed citation."""

IN_TEXT = re.compile(
    rf"(?<![^\s(])@(?P<key>{CITATION_KEY})(?:[ \t]?\[(?P<locator>[^\[\]@\n]*)\](?![(\[]))?"
)
"""`@key` after a space or `(` (never inside a word, so e-mail addresses are not keys),
optionally followed by `[locator]`."""

_ITEM = re.compile(
    rf"(?P<prefix>(?:.*?\s)?)(?P<minus>-)?@(?P<key>{CITATION_KEY})(?P<suffix>(?![\w@]).*)\Z",
    re.S,
)
_KEY_IN_TEXT = re.compile(rf"{_AT}{CITATION_KEY}")

ACCEPTED_FORMS = "citations are written [@key], [see @key, p. 5], [-@key] or [@key1; @key2]"
"""The forms a hint shows, so editors see the accepted syntax where they went wrong."""


@dataclass(frozen=True)
class CiteItem:
    """One cited source: the key, optional prefix and suffix (locator), author suppressed."""

    key: str
    prefix: str = ""
    suffix: str = ""
    suppress_author: bool = False

    @property
    def has_affixes(self) -> bool:
        return bool(self.prefix or self.suffix)


def parse_group(body: str) -> list[CiteItem] | None:
    """The items of a bracketed citation's inside (`body`), or None when one item is not
    `prefix @key suffix` with exactly one key.

    >>> [(i.prefix, i.key, i.suffix) for i in parse_group("see @doe99, p. 33; also -@smith04")]
    [('see', 'doe99', 'p. 33'), ('also', 'smith04', '')]
    >>> parse_group("@a @b") is None, parse_group("@a; b") is None, parse_group("@{a}") is None
    (True, True, True)
    """
    items = []
    for part in body.split(";"):
        match = _ITEM.match(part.strip())
        if match is None:
            return None
        prefix, suffix = match["prefix"].strip(), match["suffix"].strip()
        if _KEY_IN_TEXT.search(prefix) or _KEY_IN_TEXT.search(suffix):
            return None
        suffix = suffix.removeprefix(",").strip()
        items.append(CiteItem(match["key"], prefix, suffix, bool(match["minus"])))
    return items


def bare_words(body: str) -> list[str]:
    """The words inside a citation's brackets that are not `@key`s, punctuation stripped
    (to spot a key written without its `@`).

    >>> bare_words("see @a, p. 5; b")
    ['see', 'p', '5', 'b']
    """
    words = (word.strip(".,:;") for word in body.split())
    return [word for word in words if word and not word.lstrip("-").startswith("@")]


def strip_citations(text: str) -> str:
    """`text` with bracketed citations (and the space before them) and in-text keys removed:
    what is left to read around them (for the reading grade)."""
    return IN_TEXT.sub("", re.sub(rf"\s*{BRACKETED.pattern}", "", text))
