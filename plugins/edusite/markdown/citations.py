"""Citations in Pandoc's syntax become numbered links, and a Sources list ends the page.

`[@key]`, `[@a; @b]`, `[see @key, p. 5]`, `[-@key]` and in-text `@key` / `@key [p. 5]` (the
syntax is parsed by `structure.citesyntax`). The style is numeric (Vancouver): a bracketed
citation is a superscript number against the word before it, with its prefix and locator in
the same superscript ("see 1, p. 5"); `-@key` changes nothing (a number names no author); an
in-text citation is the authors' name as text, then the number ("Collins et al.¹").

Numbers follow the order of first use in the document. Python-Markdown's inline pass does not
visit elements in document order (nested lists and blocks come later), so the inline patterns
only mark each citation and a tree pass afterwards numbers them in reading order, gives each
occurrence its own id (`cite-<key>-<n>`) and appends the Sources list (`source-<key>`) with a
back link to every place a source is cited. Code spans and code blocks are never touched
(their text is atomic before these patterns run). Problems are reported with the file's line,
found in the raw page text; a citation that cannot be rendered is kept as typed inside
`span.citation-unresolved`, so the leftover check (`checks/leftovers.py`) does not report it
a second time.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from difflib import get_close_matches
from typing import Any

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from edusite.markdown.text import register_page_hook
from edusite.structure.bibliography import Bibliography
from edusite.structure.citesyntax import (
    ACCEPTED_FORMS,
    BRACKETED,
    IN_TEXT,
    CiteItem,
    bare_words,
    parse_group,
)
from edusite.structure.page import RenderSession
from edusite.structure.references import format_reference_html

# Leading whitespace is part of the match: "pain (PFPS) [@a]." reads "pain (PFPS)¹." with the
# number against the word, as superscript reference numbers are set.
CITATION = r"\s*" + BRACKETED.pattern
KEY_ATTR = "data-edusite-cite"
UNRESOLVED = "citation-unresolved"
BACK = "\u21a9\ufe0e"  # ↩ as text, not an emoji
AUTHOR_YEAR = re.compile(r"[^\W\d_][\w-]*\d{4}[a-z]?")
"""A handle shaped like a citation key (`crossley2015`): an unknown one is reported."""

CODE_UNKNOWN = "E210"
CODE_MALFORMED = "E211"
CODE_UNKNOWN_IN_TEXT = "E212"
ESCAPE_HINT = "to show brackets as text, write `\\[`"


class CitationPattern(InlineProcessor):
    """Marks `[prefix @a, locator; @b]`; numbering happens later, in document order."""

    def __init__(self, md: Markdown, session: RenderSession) -> None:
        super().__init__(CITATION, md)
        self.session = session
        self.reported: set[str] = set()

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        text = m.group(0).strip()
        items = parse_group(m["body"])
        bare_key = self._key_without_at(m["body"])
        if items is None or bare_key:
            self._malformed(text, bare_key)
            return _unresolved(text), m.end(0) - len(text), m.end(0)
        # Every unknown key is reported; the known ones still count as cited, so a typo in
        # one key of a group does not also report its neighbours as never cited.
        known = [item for item in items if _known(self.session, self.reported, item.key)]
        if not known:
            return _unresolved(text), m.end(0) - len(text), m.end(0)
        if len(known) == 1:
            return _marker(known[0]), m.start(0), m.end(0)
        affixed = any(item.has_affixes for item in known)
        group = etree.Element(
            "span", {"class": "citation-group citation-affixed" if affixed else "citation-group"}
        )
        for index, item in enumerate(known):
            if index:
                sep = etree.SubElement(group, "sup", {"class": "citation-sep"})
                sep.text = "; " if affixed else ","
            group.append(_marker(item))
        return group, m.start(0), m.end(0)

    def _key_without_at(self, body: str) -> str:
        """A bibliography key written inside the brackets without its `@`, or ""."""
        keys = self.session.bibliography
        return next((word for word in bare_words(body) if word in keys), "")

    def _malformed(self, text: str, bare_key: str) -> None:
        page = self.session.page
        line = page.find_line(re.escape(text.split("\n")[0]))
        hint = f"{ACCEPTED_FORMS} (each source `@key`, no space after @, `;` between)"
        if bare_key:
            hint = f"`{bare_key}` is a source's key: write `@{bare_key}`; " + hint
        self.session.report(
            line,
            CODE_MALFORMED,
            f"malformed citation `{' '.join(text.split())}`",
            f"{hint}; {ESCAPE_HINT}",
        )


class InTextPattern(InlineProcessor):
    """Marks `@key` and `@key [locator]` of known keys: the authors' name, then the number."""

    def __init__(self, md: Markdown, session: RenderSession) -> None:
        super().__init__(IN_TEXT.pattern, md)
        self.session = session
        self.reported: set[str] = set()

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | None, int | None, int | None]:
        key = m["key"]
        bibliography = self.session.bibliography
        if key not in bibliography:
            self._looks_like_a_key(key)
            return None, None, None
        span = etree.Element("span", {"class": "citation-intext"})
        span.text = AtomicString(bibliography[key].in_text_name)
        span.append(_marker(CiteItem(key, suffix=(m["locator"] or "").strip())))
        return span, m.start(0), m.end(0)

    def _looks_like_a_key(self, key: str) -> None:
        """E212 for a handle that is close to a key or shaped like one (`@crossly2015`);
        other handles (`@home`, `@NHS`) are text, as in Pandoc."""
        close = get_close_matches(key, self.session.bibliography.keys(), n=1, cutoff=0.8)
        if key in self.reported or not (close or AUTHOR_YEAR.fullmatch(key)):
            return
        self.reported.add(key)
        page = self.session.page
        # Not inside brackets: there the same key is a bracketed citation (E210).
        line = page.find_line(r"(?<![^\s(])@" + re.escape(key) + r"(?![\w@])(?![^\[\]]*\])")
        hint = (f"did you mean `@{close[0]}`? " if close else "") + (
            "keys are the `id`s in the bibliography file; if it is not a citation, write "
            f"`&#64;{key}`"
        )
        self.session.report(
            line,
            CODE_UNKNOWN_IN_TEXT,
            f"`@{key}` looks like a citation, but `{key}` is not a key in the bibliography",
            hint,
        )


def _known(session: RenderSession, reported: set[str], key: str) -> bool:
    """Whether `key` is in the bibliography; E210 (once per key and page) when not."""
    if key in session.bibliography:
        return True
    if key not in reported:
        reported.add(key)
        page = session.page
        # Inside brackets (up to a `]`, or the line's end when the brackets span lines).
        line = page.find_line(
            r"(?<![^\s\[;])-?@" + re.escape(key) + r"(?![\w@])(?=[^\[\]]*(?:\]|$))"
        )
        close = get_close_matches(key, session.bibliography.keys(), n=1)
        hint = (f"did you mean `{close[0]}`? " if close else "") + (
            "keys are the `id`s in the bibliography file"
        )
        session.report(
            line,
            CODE_UNKNOWN,
            f"unknown citation key `{key}`",
            hint,
        )
    return False


def _marker(item: CiteItem) -> etree.Element:
    """`<sup class="citation">prefix <a>N</a>, locator</sup>`; N is set in reading order."""
    sup = etree.Element("sup", {"class": "citation", KEY_ATTR: item.key})
    if item.prefix:
        sup.text = item.prefix + " "
    link = etree.SubElement(sup, "a", {"href": f"#source-{item.key}"})
    if item.suffix:
        link.tail = ", " + item.suffix
    return sup


def _unresolved(text: str) -> etree.Element:
    """A citation that could not be rendered, kept as typed (its problem is reported)."""
    span = etree.Element("span", {"class": UNRESOLVED})
    span.text = AtomicString(text)
    return span


class CitationNumberer(Treeprocessor):
    """Numbers the marked citations in reading order and appends the Sources list."""

    def __init__(self, md: Markdown, session: RenderSession) -> None:
        super().__init__(md)
        self.session = session

    def run(self, root: etree.Element) -> None:
        numbers: dict[str, int] = {}
        places: dict[str, list[str]] = {}
        for sup in root.iter("sup"):
            key = sup.attrib.pop(KEY_ATTR, None)
            if key is None:
                continue
            numbers.setdefault(key, len(numbers) + 1)
            places.setdefault(key, []).append(f"cite-{key}-{len(places.get(key, [])) + 1}")
            sup.set("id", places[key][-1])
            link = next(a for a in sup.iter("a") if a.get("href") == f"#source-{key}")
            link.text = str(numbers[key])
        self.session.result.cited = list(numbers)
        if numbers:
            root.append(self._sources(numbers, places))

    def _sources(self, numbers: dict[str, int], places: dict[str, list[str]]) -> etree.Element:
        section = etree.Element("section", {"class": "sources", "aria-labelledby": "sources"})
        heading = etree.SubElement(section, "h2", {"id": "sources"})
        heading.text = "Sources"
        listing = etree.SubElement(section, "ol", {"class": "sources-list"})
        for key, number in numbers.items():
            item = etree.SubElement(listing, "li", {"id": f"source-{key}"})
            text = etree.SubElement(item, "span", {"class": "source-text"})
            text.text = self.md.htmlStash.store(
                format_reference_html(self.session.bibliography[key])
            )
            text.tail = " "
            _backlinks(
                etree.SubElement(item, "span", {"class": "source-backrefs"}), number, places[key]
            )
        return section


def _backlinks(parent: etree.Element, number: int, ids: list[str]) -> None:
    count = len(ids)
    for index, target in enumerate(ids, start=1):
        where = f", place {index} of {count}" if count > 1 else ""
        link = etree.SubElement(
            parent,
            "a",
            {
                "class": "citation-backref",
                "href": f"#{target}",
                "aria-label": f"Back to citation {number} in the text{where}",
            },
        )
        link.text = BACK
        if count > 1:
            mark = etree.SubElement(link, "sup")
            mark.text = str(index)
        link.tail = " " if index < count else ""


class CitationsExtension(Extension):
    """Pandoc-style citations and the Sources list. Give it a `session` (shared with the FAQ
    extension and the plugin) or just a `bibliography` when used on its own."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            # Defaults are "" not None: Markdown would turn a None-default option into a bool.
            "session": ["", "RenderSession shared with the plugin and other extensions"],
            "bibliography": ["", "Bibliography, when no session is given"],
        }
        super().__init__(**kwargs)
        session = self.getConfig("session")
        if not session:
            bibliography = self.getConfig("bibliography") or Bibliography()
            session = RenderSession(bibliography)
        self.session: RenderSession = session

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        register_page_hook(md, self.session)
        # After code spans (190) and escapes (180), before links and references (170, 160);
        # bracketed first, so the `@key` inside `[see @key]` is not an in-text citation.
        md.inlinePatterns.register(CitationPattern(md, self.session), "edusite_citation", 175)
        md.inlinePatterns.register(InTextPattern(md, self.session), "edusite_in_text", 174)
        # After inline (20) and the blocks' inline-end pass (19.99), before toc (5).
        md.treeprocessors.register(CitationNumberer(md, self.session), "edusite_citations", 19.5)


def makeExtension(**kwargs: Any) -> CitationsExtension:
    """Entry point for `markdown.Markdown(extensions=["edusite.markdown.citations"])`."""
    return CitationsExtension(**kwargs)
