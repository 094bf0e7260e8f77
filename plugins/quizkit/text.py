"""Citation markers in quiz texts: authors cite the article's sources with `[@key]`.

The browser turns the markers into links; here we only find the keys so the compiler can check
them against the bibliography before the site is built.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CITATION_KEY = r"\w(?:\w|[:.#$%&\-+?<>~/](?=\w))*"
"""A citation key, by Pandoc's rule (the one definition, also used by the article pages): a
letter, digit or _ first, then letters, digits, _ and single inner punctuation `:.#$%&-+?<>~/`
(so the final `.` of `@smith2020.` ends the sentence, not the key)."""

_GROUP = re.compile(r"\[(@[^\[\]]+)\]")
_KEY = re.compile(rf"^@({CITATION_KEY})$")


def citation_keys(text: str) -> set[str]:
    """The keys cited in `text`, from `[@key]` and `[@key1; @key2]` markers.

    >>> sorted(citation_keys("Rest [@aaos-pfps], then build up [@urmc-runners-knee; @neal2019]."))
    ['aaos-pfps', 'neal2019', 'urmc-runners-knee']
    >>> citation_keys("An email like a@b.org is not a citation.")
    set()
    """
    keys: set[str] = set()
    for group in _GROUP.finditer(text):
        for part in group.group(1).split(";"):
            match = _KEY.match(part.strip())
            if match:
                keys.add(match.group(1))
    return keys


def keys_in(texts: Iterable[str]) -> set[str]:
    """The union of `citation_keys` over several texts (empty strings are fine).

    >>> sorted(keys_in(["[@a]", "", "no citation", "[@b; @a]"]))
    ['a', 'b']
    """
    keys: set[str] = set()
    for text in texts:
        if text:
            keys |= citation_keys(text)
    return keys
