"""Raw HTML that could run code: `<script>`, `on…=` event handlers and `javascript:` links.

Editors may use plain HTML for layout, but code in an article is not reviewed as code, would
run on every reader's device, and breaks the site's promise that quizzes run only in the
sandboxed worker. Examples inside code blocks or inline code are allowed (they are masked).
"""

from __future__ import annotations

import re

from edusite.checks.source import SourceDoc
from edusite.errors import ContentProblem

_TAG = re.compile(r"<(?P<name>[A-Za-z][\w-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>?")
_EVENT_ATTR = re.compile(r"(?:^|\s)(?P<attr>on[a-z]+)\s*=", re.IGNORECASE)
_JS_URL = re.compile(r"""(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.I)
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_MD_JS_LINK = re.compile(r"\]\(\s*<?\s*javascript:", re.IGNORECASE)


def check_raw_html(doc: SourceDoc) -> list[ContentProblem]:
    """`<script>` (E501), event-handler attributes (E502) and `javascript:` URLs (E503)."""
    problems: list[ContentProblem] = []

    def add(offset: int, code: str, message: str, hint: str) -> None:
        line = doc.line_of(offset)
        problems.append(ContentProblem(doc.path, line, code, message, hint, doc.line_text(line)))

    for tag in _TAG.finditer(doc.masked):
        if tag["name"].lower() == "script":
            add(
                tag.start(),
                "E501",
                "raw <script> tag in Markdown",
                "Articles may not contain code. Put interactive parts in a quiz module under "
                "quizzes/ and embed it with '::: quiz <id>'.",
            )
        attrs_start = tag.start("attrs")
        # Attribute names only: blank quoted values (same length), so alt="turn onto=..."
        # is not mistaken for an attribute.
        names = _QUOTED.sub(lambda value: " " * len(value[0]), tag["attrs"])
        for attr in _EVENT_ATTR.finditer(names):
            add(
                attrs_start + attr.start("attr"),
                "E502",
                f'event-handler attribute "{attr["attr"]}" in raw HTML',
                "Remove the attribute: HTML in articles may not run code.",
            )
        for url in _JS_URL.finditer(tag["attrs"]):
            add(
                attrs_start + url.start(),
                "E503",
                "javascript: link in raw HTML",
                "Link to a page or a web address (https://...) instead.",
            )
    for url in _MD_JS_LINK.finditer(doc.masked):
        add(
            url.start(),
            "E503",
            "javascript: link",
            "Link to a page or a web address (https://...) instead.",
        )
    return sorted(problems)
