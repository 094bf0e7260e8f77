"""Where a page points to: Markdown links and images, reference definitions, raw `<a>`/`<img>`.

One small scanner shared by the link and image checks, working on `SourcePage.masked` so it
never sees code examples. Each reference keeps the offset of its target in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from edusite.structure.sourcepage import SourcePage

# ![alt](target "title") or [text](target): text may hold one level of nested brackets.
_INLINE = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\(\s*(?P<target><[^>\n]*>|[^\s)]*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_REFERENCE_USE = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\[(?P<label>[^\]]*)\]"
)
_DEFINITION = re.compile(
    r"^[ ]{0,3}\[(?P<label>[^\]^][^\]]*)\]:[ \t]*(?P<target><[^>\n]*>|\S+)", re.MULTILINE
)
_HTML_TAG = re.compile(r"<(?P<name>a|img)\b(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.I)
_HTML_ATTR = re.compile(
    r"""(?P<name>[\w:-]+)(?:\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+)))?"""
)


@dataclass(frozen=True)
class Ref:
    """A link or image: its target as written, the alt text (images) and where it is."""

    kind: str
    """`link` or `image`."""
    target: str
    alt: str | None
    offset: int


def _clean_target(raw: str) -> str:
    return unescape(raw.strip().removeprefix("<").removesuffix(">").strip())


def _html_attrs(attrs: str) -> dict[str, tuple[str, int]]:
    """Attribute name -> (value, offset in `attrs`); a bare attribute has the value ""."""
    found: dict[str, tuple[str, int]] = {}
    for match in _HTML_ATTR.finditer(attrs):
        value = next((v for v in (match["dq"], match["sq"], match["bare"]) if v is not None), "")
        found.setdefault(match["name"].lower(), (unescape(value), match.start()))
    return found


def find_refs(doc: SourcePage) -> list[Ref]:
    """Every link and image on the page, in file order."""
    text = doc.masked
    refs: list[Ref] = []
    definitions: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        target = _clean_target(match["target"])
        definitions.setdefault(match["label"].casefold(), target)
        refs.append(Ref("link", target, None, match.start("target")))
    for match in _INLINE.finditer(text):
        kind = "image" if match["bang"] else "link"
        alt = match["text"] if kind == "image" else None
        refs.append(Ref(kind, _clean_target(match["target"]), alt, match.start()))
    for match in _REFERENCE_USE.finditer(text):
        if not match["bang"]:
            continue
        label = (match["label"] or match["text"]).casefold()
        refs.append(Ref("image", definitions.get(label, ""), match["text"], match.start()))
    for match in _HTML_TAG.finditer(text):
        attrs = _html_attrs(match["attrs"])
        if match["name"].lower() == "img":
            src, _ = attrs.get("src", ("", 0))
            alt = attrs["alt"][0] if "alt" in attrs else ""
            refs.append(Ref("image", src, alt, match.start()))
        elif "href" in attrs:
            href, pos = attrs["href"]
            refs.append(Ref("link", href, None, match.start("attrs") + pos))
    return sorted(refs, key=lambda ref: ref.offset)
