"""Turn a content page's Markdown into the plain prose a reader reads, for readability scores.

Readability formulas count words per sentence and syllables per word, so everything that is
not running prose must go first: front matter, code, HTML tags, images, citation markers,
quiz embeds, headings (FAQ questions included), block fences and the Sources list. List items
and paragraphs become sentences of their own: a bullet without a full stop is still a
separate thought to the reader, and gluing bullets together would inflate sentence length.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import yaml

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"

_FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.S)
_FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1[ \t]*$", re.S | re.M)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?")
_LINK = re.compile(r"\[(?P<text>[^\]@][^\]]*)\]\([^)]*\)")
_CITATION = re.compile(r"\s*\[@[^\]]+\]")
_ATTR_LIST = re.compile(r"\{[:#. ][^}]*\}")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_INLINE_CODE = re.compile(r"`[^`]*`")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_SKIP_LINE = re.compile(
    r"^\s*(#{1,6}\s|:::\s*quiz\b|///|!!!|\?\?\?|===)"  # headings, embeds, blocks, call-outs
)
_SOURCES_HEADING = re.compile(r"^#{1,6}\s+(Sources|References)\b", re.M)
_BULLET = re.compile(r"^\s*([-*+]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['\u2019.,-][A-Za-z0-9]+)*%?|[^\sA-Za-z0-9]")


def split_front_matter(markdown: str) -> tuple[dict, str]:
    """The page's YAML front matter (empty if none) and the Markdown body after it."""
    match = _FRONT_MATTER.match(markdown)
    if not match:
        return {}, markdown
    return yaml.safe_load(match["yaml"]) or {}, markdown[match.end() :]


def prose_units(markdown: str) -> list[str]:
    """Paragraphs and list items of running text, markup removed, in page order."""
    _, body = split_front_matter(markdown)
    if sources := _SOURCES_HEADING.search(body):
        body = body[: sources.start()]
    body = _FENCE.sub("\n", body)
    body = _HTML_COMMENT.sub(" ", body)
    units: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join(current).strip()
        current.clear()
        if re.search(r"[A-Za-z]", text):
            units.append(text)

    for line in body.split("\n"):
        if not line.strip() or _SKIP_LINE.match(line):
            flush()
            continue
        if _BULLET.match(line):
            flush()
            line = _BULLET.sub("", line)
        current.append(_clean_inline(line))
    flush()
    return [u for u in (" ".join(u.split()) for u in units) if u]


def _clean_inline(line: str) -> str:
    line = _IMAGE.sub(" ", line)
    line = _CITATION.sub("", line)
    line = _INLINE_CODE.sub(" ", line)
    line = _LINK.sub(lambda m: m["text"], line)
    line = _ATTR_LIST.sub(" ", line)
    line = _TAG.sub(" ", line)
    line = _EMPHASIS.sub(lambda m: m[2], line)
    return line.strip()


def sentences(markdown: str) -> list[str]:
    """One sentence per item; a unit without end punctuation counts as one sentence."""
    result: list[str] = []
    for unit in prose_units(markdown):
        result.extend(s.strip() for s in _SENTENCE_END.split(unit) if s.strip())
    return result


def tokenized(markdown: str) -> str:
    """The `readability` package's input: one sentence per line, tokens split by spaces."""
    return "\n".join(" ".join(_TOKEN.findall(s)) for s in sentences(markdown))


def flesch_kincaid_grade(markdown: str) -> float:
    """Flesch-Kincaid grade level of the page's prose, via the offline `readability` package."""
    with warnings.catch_warnings():
        # readability's langdata module has an invalid escape in a Dutch word list, which
        # Python reports as a SyntaxWarning when the module is first compiled.
        warnings.simplefilter("ignore", SyntaxWarning)
        import readability

    measures = readability.getmeasures(tokenized(markdown), lang="en")
    return float(measures["readability grades"]["Kincaid"])


_VOWEL_GROUP = re.compile(r"[aeiouy]+")


def rough_syllables(word: str) -> int:
    """Vowel groups, minus a silent final e; at least one. A cross-check, not a dictionary."""
    word = word.lower().strip("'\u2019")
    count = len(_VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(1, count)


def flesch_kincaid_cross_check(markdown: str) -> float:
    """The same formula with our own counter: `readability` scores "the" as zero syllables,
    so a second, independent count guards against a number that is low only by accident."""
    words = 0
    syllables = 0
    lines = tokenized(markdown).split("\n")
    for line in lines:
        for token in line.split():
            if re.search(r"[A-Za-z0-9]", token):
                words += 1
                syllables += sum(rough_syllables(p) for p in re.split(r"[-\u2013]", token) if p)
    return 0.39 * words / len(lines) + 11.8 * syllables / words - 15.59
