"""Raw HTML in Markdown that could run code or send readers' input elsewhere (E501-E505, E507).

Editors may use plain HTML for layout, but code in an article is not reviewed as code, would
run on every reader's device, and breaks the site's promise that quizzes run only in the
sandboxed worker. The HTML is parsed (htmlscan.py), so entity-encoded or split-up tricks are
seen as the browser sees them. Examples inside code blocks or inline code are allowed (they
are masked, source.py).
"""

from __future__ import annotations

import re
from html import unescape

from edusite.checks import htmlscan
from edusite.errors import ContentProblem
from edusite.structure.sourcepage import SourcePage

_LINK_HINT = "Link to a page or a web address (https://...) instead."
# Markdown links: inline `](url)` and reference definitions `[id]: url`.
_MD_LINK = re.compile(
    r"\]\(\s*<?(?P<url>[^)\s>]*)|^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?(?P<ref>\S*)", re.MULTILINE
)

# The parser lower-cases names; SVG's mixed-case ones as editors write them.
_SVG_NAMES = {"foreignobject": "foreignObject"}
# kind -> (code, hint); the message names what was found.
_CODES = {
    htmlscan.SCRIPT: (
        "E501",
        "Articles may not contain code. Put interactive parts in a quiz module under "
        "quizzes/ and embed it with '/// quiz | <id>'.",
    ),
    htmlscan.EVENT: ("E502", "Remove the attribute: HTML in articles may not run code."),
    htmlscan.URL: ("E503", _LINK_HINT),
    htmlscan.ELEMENT: (
        "E504",
        "Remove it: pages may not embed other documents or change where links go. Link to "
        "the page instead, or show a picture with ![text](images/file.svg).",
    ),
    htmlscan.FORM: (
        "E505",
        "Remove the form, or let it post to a page of this site: readers' answers must not "
        "leave the site. Questions for readers belong in a quiz module.",
    ),
    htmlscan.STYLE: (
        "E507",
        "Remove the url(javascript:...) or expression(...) from the style: styles may not "
        "run code.",
    ),
}


def describe(finding: htmlscan.Finding) -> str:
    """What was found, in words (shared with the SVG check)."""
    match finding.kind:
        case htmlscan.SCRIPT:
            return "raw <script> tag"
        case htmlscan.EVENT:
            return f'event-handler attribute "{finding.detail}" on <{finding.element}>'
        case htmlscan.URL:
            return f"{finding.scheme} URL in {finding.detail}= of <{finding.element}>"
        case htmlscan.ELEMENT if finding.detail == "srcdoc":
            return f"srcdoc= (an embedded document) on <{finding.element}>"
        case htmlscan.ELEMENT:
            return f"<{_SVG_NAMES.get(finding.detail, finding.detail)}> element"
        case htmlscan.FORM:
            return f"<{finding.element}> that sends its answers to another site"
        case _:
            return f"style that runs code on <{finding.element}>"


def check_raw_html(doc: SourcePage) -> list[ContentProblem]:
    """Everything in the page's raw HTML and Markdown links that could run code."""
    problems: list[ContentProblem] = []
    for finding in htmlscan.scan_html(doc.masked):
        code, hint = _CODES[finding.kind]
        problems.append(
            ContentProblem(
                doc.path,
                finding.line,
                code,
                f"{describe(finding)} in Markdown",
                hint,
                doc.line_text(finding.line),
            )
        )
    for link in _MD_LINK.finditer(doc.masked):
        url = unescape(link["url"] if link["url"] is not None else link["ref"])
        # Judged as an image's address: `![x](data:image/png;...)` is a picture, and
        # browsers refuse to open any data: address as a page.
        if scheme := htmlscan.code_scheme(url, "img", "src"):
            line = doc.line_of(link.start())
            problems.append(
                ContentProblem(
                    doc.path,
                    line,
                    "E503",
                    f"{scheme} link",
                    _LINK_HINT,
                    doc.line_text(line),
                )
            )
    return sorted(problems)
