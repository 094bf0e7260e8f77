"""Find what in a piece of HTML (or SVG) could run code, by parsing it as a browser would.

A pattern match misses what the browser decodes: `&#106;avascript:` is a `javascript:` link,
`java\\tscript:` too. `html.parser` unescapes attribute values as browsers do, so the
checks below look at the value the browser will use. Shared by the Markdown check
(rawhtml.py) and the SVG check (svg.py); each maps the findings to its own codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Kinds of finding (each check maps them to a code and a hint).
SCRIPT = "script"
EVENT = "event"
URL = "url"
ELEMENT = "element"
FORM = "form"
STYLE = "style"

# Elements that load another document, change where the page's links go, or (SVG's
# foreignObject) put HTML inside a drawing.
FORBIDDEN = frozenset(
    {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "foreignobject"}
)
# Attributes whose value the browser follows or loads as a URL (SVG animations set them too).
URL_ATTRS = frozenset(
    {
        "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
        "cite", "longdesc", "lowsrc", "dynsrc", "ping", "manifest", "codebase", "archive",
        "srcset", "imagesrcset", "values", "to", "from", "by",
    }
)  # fmt: skip
_RUNS_CODE = re.compile(r"^(javascript|vbscript|livescript|data):")
_IMAGE_DATA = re.compile(r"^data:image/")
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.DOTALL)
_CSS_COMMENT = re.compile(r"/\*.*?(\*/|\Z)", re.DOTALL)
_CSS_RUNS_CODE = re.compile(
    r"url\(['\"]?(javascript|vbscript|data:text)|expression\(|-moz-binding|behavior:"
)
_ELEMENT_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:")


@dataclass(frozen=True)
class Finding:
    """One thing that could run code, at a 1-based line of the scanned text."""

    line: int
    kind: str
    element: str
    detail: str
    """The attribute (or element) concerned, as written lower-case, e.g. `onload`, `href`."""
    scheme: str = ""
    """For a URL: the scheme that runs code or embeds a document, e.g. `javascript:`."""


def code_scheme(value: str, element: str = "", attr: str = "") -> str:
    """`javascript:`, `vbscript:` or `data:` if the URL has one of them, else "".

    A data: image in <img src> / <source srcset> is fine: an image document runs no script.

    Browsers drop tabs, newlines and leading spaces in URLs, so they are dropped here too.
    """
    url = _IGNORED_IN_URL.sub("", value).lower()
    candidates = [url]
    if attr in {"srcset", "imagesrcset", "values"}:
        candidates = [_IGNORED_IN_URL.sub("", part).lower() for part in re.split(r"[,;]", value)]
    for candidate in candidates:
        if not (scheme := _RUNS_CODE.match(candidate)):
            continue
        image_src = element in {"img", "source"} and attr in {"src", "srcset"}
        if not (image_src and _IMAGE_DATA.match(candidate)):
            return scheme[0]
    return ""


def css_runs_code(css: str) -> bool:
    """True for CSS that loads a script URL or runs an expression (CSS escapes decoded)."""

    def unescape(match: re.Match[str]) -> str:
        if match[1]:
            code = int(match[1], 16)
            return chr(code) if 0 < code <= 0x10FFFF else ""
        return match[2]

    text = _CSS_ESCAPE.sub(unescape, _CSS_COMMENT.sub("", css))
    return bool(_CSS_RUNS_CODE.search(_IGNORED_IN_URL.sub("", text).lower()))


def posts_elsewhere(action: str) -> bool:
    """True when a form's target is not on this site (another scheme or host)."""
    url = _IGNORED_IN_URL.sub("", action).lower().replace("\\", "/")
    return bool(_SCHEME.match(url)) or url.startswith("//")


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        self._in_style = False
        self._style_line = 0

    def _line_of(self, attr: str) -> int:
        """The line of `attr` inside the current start tag (tags may span lines)."""
        line = self.getpos()[0]
        raw = self.get_starttag_text() or ""
        found = re.search(rf"(?<![\w:-]){re.escape(attr)}(?![\w:-])", raw, re.IGNORECASE)
        return line + (raw[: found.start()].count("\n") if found else 0)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not _ELEMENT_NAME.match(tag):
            return  # not an element: e.g. an autolink such as <https://example.org>
        line = self.getpos()[0]
        add = self.findings.append
        reported = len(self.findings)
        if tag == "script":
            add(Finding(line, SCRIPT, tag, tag))
        elif tag in FORBIDDEN:
            add(Finding(line, ELEMENT, tag, tag))
        elif tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            add(Finding(line, ELEMENT, tag, "meta http-equiv"))
        elif tag == "style":
            self._in_style, self._style_line = True, line
        # The element itself is reported: its URLs need not be, it is removed anyway.
        forbidden = len(self.findings) > reported
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                add(Finding(self._line_of(name), EVENT, tag, name))
            elif name == "srcdoc" and not forbidden:
                add(Finding(self._line_of(name), ELEMENT, tag, name))
            elif name in URL_ATTRS and not forbidden and (scheme := code_scheme(value, tag, name)):
                add(Finding(self._line_of(name), URL, tag, name, scheme))
            elif name == "style" and css_runs_code(value):
                add(Finding(self._line_of(name), STYLE, tag, name))
            elif name in {"action", "formaction"} and posts_elsewhere(value):
                add(Finding(self._line_of(name), FORM, tag, name))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "style":
            self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style and css_runs_code(data):
            self.findings.append(Finding(self._style_line, STYLE, "style", "style"))


def scan_html(text: str) -> list[Finding]:
    """Everything in `text` that could run code, in document order."""
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    return scanner.findings
