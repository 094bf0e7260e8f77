"""FAQ blocks: `/// faq` with `### Question` headings becomes disclosures plus FAQPage JSON-LD.

Built on pymdown-extensions' Blocks API. Each question becomes a native `<details>` whose
`<summary>` is the question (keyboard operable without script), inside a section headed
"Frequently asked questions" (`id="faq"`). After inline processing the block writes schema.org
FAQPage JSON-LD from the very elements the reader sees, so the two cannot drift apart
(citation numbers are left out of the JSON-LD answers). Standalone, the JSON-LD is written
inline after the questions; the MkDocs plugin sets `inline_jsonld=False` and puts it in the
page head instead (`session.result.faq`), because Material's instant navigation re-creates
`<script>` elements found in the content without their `type` and would run the JSON as
JavaScript (a SyntaxError on every navigation). A pymdownx block with a misspelled
name or option silently renders as a paragraph starting with `///`: the page check
`checks/leftovers.py` reports it (E310).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any, ClassVar

from edusite.markdown.text import SessionBlock, SessionBlocksExtension, plain_text
from edusite.structure.article import script_json
from edusite.structure.page import FaqEntry

HEADING = "Frequently asked questions"
SKIP_IN_ANSWERS = ("citation", "citation-sep")
OPENING = re.compile(r"^ {0,3}/{3,}\s*faq\b")

CODE_NO_ANSWER = "E301"
CODE_NO_QUESTION = "E302"
CODE_TWO_BLOCKS = "E303"


class FaqBlock(SessionBlock):
    """`/// faq` ... `///`: no argument, no options."""

    NAME = "faq"
    ARGUMENT = False
    OPENING = OPENING

    def on_init(self) -> None:
        super().on_init()
        self.body: etree.Element | None = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        section = etree.SubElement(parent, "section", {"class": "faq", "aria-labelledby": "faq"})
        heading = etree.SubElement(section, "h2", {"id": "faq"})
        heading.text = HEADING
        self.body = etree.SubElement(section, "div", {"class": "faq-list"})
        return section

    def on_add(self, block: etree.Element) -> etree.Element:
        return self.body if self.body is not None else block

    def on_end(self, block: etree.Element) -> None:
        """Turn `### Question` + answer blocks into `<details><summary>` pairs."""
        body = self.body if self.body is not None else block
        self.find_opening()
        if self.tracker[f"{self.NAME}_blocks"] > 1:
            self.problem(
                CODE_TWO_BLOCKS,
                "a page can have only one FAQ block",
                "put all questions in one `/// faq` block",
            )
        children = list(body)
        for child in children:
            body.remove(child)
        answer: etree.Element | None = None
        for child in children:
            if child.tag == "h3":
                answer = _question(body, child)
            elif answer is not None:
                answer.append(child)
            else:
                self.problem(
                    CODE_NO_QUESTION,
                    "the FAQ block has text before its first question",
                    "start each question with `### `",
                )
        if answer is None:
            self.problem(
                CODE_NO_QUESTION,
                "the FAQ block has no questions",
                "write each question as a `### ` heading followed by its answer",
            )

    def _no_answer(self, question: str) -> None:
        """E301, decided on the answer's text as the FAQPage JSON-LD carries it: nothing
        written, or only an HTML comment such as `<!-- TODO -->`, is no answer."""
        line = self.session.page.find_line(r"^ {0,3}#{3}\s+" + re.escape(question), self.line)
        self.problem(
            CODE_NO_ANSWER,
            f"the question `{question}` has no answer",
            "write the answer under the question, before the next `###` (an HTML comment "
            "such as `<!-- TODO -->` is not shown to readers)",
            line,
        )

    def on_inline_end(self, block: etree.Element) -> None:
        """Write the FAQPage JSON-LD from the rendered questions and answers."""
        body = self.body if self.body is not None else block
        entries = []
        for item in body.iter("details"):
            entry = FaqEntry(
                plain_text(self.md, item[0]), plain_text(self.md, item[1], SKIP_IN_ANSWERS)
            )
            if not entry.answer.strip():
                self._no_answer((item[0].text or "").strip())
            entries.append(entry)
        self.session.result.faq = entries
        if self.config["inline_jsonld"]:
            script = etree.SubElement(block, "script", {"type": "application/ld+json"})
            script.text = faq_jsonld(entries)


def _question(body: etree.Element, heading: etree.Element) -> etree.Element:
    """Add a `<details>` for `heading` to `body`; return the element its answer goes in."""
    # `question`: Material styles it as a disclosure with a question-mark icon.
    item = etree.SubElement(body, "details", {"class": "faq-item question"})
    summary = etree.SubElement(item, "summary")
    summary.text = heading.text
    for child in heading:
        summary.append(child)
    return etree.SubElement(item, "div", {"class": "faq-answer"})


def faq_jsonld(entries: list[FaqEntry]) -> str:
    """FAQPage JSON-LD, safe inside a `<script>` element (`<`, `>`, `&` escaped)."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": e.question,
                "acceptedAnswer": {"@type": "Answer", "text": e.answer},
            }
            for e in entries
        ],
    }
    return script_json(data)


class FaqExtension(SessionBlocksExtension):
    """The `/// faq` block; share `session` with the citations.

    `inline_jsonld` (default True): write the FAQPage JSON-LD inside the block; False when
    the caller puts `faq_jsonld(session.result.faq)` in the page head itself."""

    BLOCK = FaqBlock
    OPTIONS: ClassVar[dict[str, list[Any]]] = {
        "inline_jsonld": [True, "write the FAQPage JSON-LD inside the block"],
    }


def makeExtension(**kwargs: Any) -> FaqExtension:
    """Entry point for `markdown.Markdown(extensions=["edusite.markdown.faq"])`."""
    return FaqExtension(**kwargs)
