"""Citations: `[@key]` and `[@a; @b]` become numbered links, and a Sources list ends the page.

Numbers follow the order of first use in the document. Python-Markdown's inline pass does not
visit elements in document order (nested lists and blocks come later), so the inline pattern
only marks each citation and a tree pass afterwards numbers them in reading order, gives each
occurrence its own id (`cite-<key>-<n>`) and appends the Sources list (`source-<key>`) with a
back link to every place a source is cited. Code spans and code blocks are never touched
(their text is atomic before this pattern runs). Unknown keys are reported with the file's
line, found in the raw page text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from difflib import get_close_matches
from typing import Any

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from edusite.markdown.text import register_page_hook
from edusite.structure.bibliography import Bibliography
from edusite.structure.page import RenderSession
from edusite.structure.references import format_reference_html

# Leading whitespace is part of the match: "pain (PFPS) [@a]." reads "pain (PFPS)¹." with the
# number against the word, as superscript reference numbers are set.
CITATION = r"\s*\[(@[^\]\n]*)\]"
ONE_KEY = re.compile(r"^@([A-Za-z0-9][A-Za-z0-9_.:-]*)$")
KEY_ATTR = "data-edusite-cite"
BACK = "\u21a9\ufe0e"  # ↩ as text, not an emoji

CODE_UNKNOWN = "E210"
CODE_MALFORMED = "E211"


class CitationPattern(InlineProcessor):
    """Marks `[@a; @b]`; numbering happens later, in document order."""

    def __init__(self, md: Markdown, session: RenderSession) -> None:
        super().__init__(CITATION, md)
        self.session = session
        self.reported: set[str] = set()

    def handleMatch(
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | None, int | None, int | None]:
        items = [part.strip() for part in m.group(1).split(";")]
        keys = [ONE_KEY.match(item) for item in items]
        if not all(keys):
            self._malformed(m.group(0).strip())
            return None, None, None
        # Every unknown key is reported; the known ones still count as cited, so a typo in
        # one key of a group does not also report its neighbours as never cited.
        known = [k.group(1) for k in keys if k and self._known(k.group(1))]
        if not known:
            return None, None, None
        if len(known) == 1:
            return _marker(known[0]), m.start(0), m.end(0)
        group = etree.Element("span", {"class": "citation-group"})
        for index, key in enumerate(known):
            if index:
                sep = etree.SubElement(group, "sup", {"class": "citation-sep"})
                sep.text = ","
            group.append(_marker(key))
        return group, m.start(0), m.end(0)

    def _known(self, key: str) -> bool:
        if key in self.session.bibliography:
            return True
        if key not in self.reported:
            self.reported.add(key)
            page = self.session.page
            line = page.find_line(re.escape("@" + key) + r"(?![A-Za-z0-9_.:-])")
            close = get_close_matches(key, self.session.bibliography.keys(), n=1)
            hint = (f"did you mean `{close[0]}`? " if close else "") + (
                "keys are the `id`s in the bibliography file"
            )
            self.session.problems.add(
                page.path,
                line,
                CODE_UNKNOWN,
                f"unknown citation key `{key}`",
                hint,
                page.line_text(line),
            )
        return False

    def _malformed(self, text: str) -> None:
        page = self.session.page
        line = page.find_line(re.escape(text))
        self.session.problems.add(
            page.path,
            line,
            CODE_MALFORMED,
            f"malformed citation `{text}`",
            "write [@key] or [@key1; @key2]: each key starts with @",
            page.line_text(line),
        )


def _marker(key: str) -> etree.Element:
    sup = etree.Element("sup", {"class": "citation", KEY_ATTR: key})
    etree.SubElement(sup, "a", {"href": f"#source-{key}"})
    return sup


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
            sup[0].text = str(numbers[key])
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
    """`[@key]` citations and the Sources list. Give it a `session` (shared with the FAQ
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
        # After code spans (190) and escapes (180), before links and references (170, 160).
        md.inlinePatterns.register(CitationPattern(md, self.session), "edusite_citation", 175)
        # After inline (20) and the blocks' inline-end pass (19.99), before toc (5).
        md.treeprocessors.register(CitationNumberer(md, self.session), "edusite_citations", 19.5)


def makeExtension(**kwargs: Any) -> CitationsExtension:
    """Entry point for `markdown.Markdown(extensions=["edusite.markdown.citations"])`."""
    return CitationsExtension(**kwargs)
