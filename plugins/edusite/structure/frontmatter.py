"""Front matter: split it from the Markdown like MkDocs does, then validate it with line numbers.

MkDocs silently drops front matter that is not valid YAML, so we parse the raw file ourselves
(`yaml.compose` keeps each node's position) and report every problem as `path:line`.

The rule for which fields are required: a page is an *article* when it says `type: article`
or has a `reviewed` date. An article must have `title`, `description`, `summary`, `reviewed`
and `tags`; `byline` is optional (the site's `byline` setting is used without it); any other
page (home, about) needs only `title`.
Unknown fields are errors, so a typo such as `reviwed:` is not silently ignored. A file
without front matter is a plain page (MkDocs takes its title from its first heading).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from edusite.errors import Problems, quoted_line
from edusite.structure.citesyntax import BRACKETED

# The same delimiters MkDocs accepts (mkdocs/utils/meta.py).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

ARTICLE_FIELDS = ("title", "description", "summary", "byline", "reviewed", "tags")
REQUIRED_ARTICLE_FIELDS = tuple(name for name in ARTICLE_FIELDS if name != "byline")
PAGE_TYPES = ("article", "page")
# Fields MkDocs or Material read themselves; accepted and passed through untouched.
THEME_FIELDS = ("hide", "search", "template", "status", "subtitle", "icon")
STRING_FIELDS = ("title", "description", "byline", "about", "type")
LIST_FIELDS = ("summary", "tags")
KNOWN_FIELDS = (*ARTICLE_FIELDS, "type", "about", *THEME_FIELDS)

STR_TAG = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class FrontMatter:
    """A page's validated front matter; `fields` are the values that passed validation."""

    fields: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body_offset: int = 0

    @property
    def is_article(self) -> bool:
        return self.fields.get("type") == "article" or "reviewed" in self.fields

    @property
    def reviewed(self) -> dt.date | None:
        return self.fields.get("reviewed")

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(YAML or None, Markdown body, file lines before the body), split as MkDocs does."""
    text = text.replace("\r\n", "\n")
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 0
    rest = text[match.end() :]
    body = rest.lstrip("\n")
    offset = text[: match.end()].count("\n") + (len(rest) - len(body))
    return match.group(1), body, offset


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (the same nodes and values, ten times as fast)."""


def _compose(raw: str) -> yaml.Node | None:
    """The YAML node tree of `raw`. An error is raised by the pure-Python parser, whose
    messages (E101) name what it expected; libyaml's say less."""
    try:
        return yaml.compose(raw, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(raw, Loader=yaml.SafeLoader)


def parse_front_matter(path: str, text: str, problems: Problems) -> FrontMatter:
    """Validate the front matter of the file `text`; problems go to `problems` as `path:line`."""
    raw, _body, offset = split_front_matter(text)
    if raw is None:  # a plain page: MkDocs takes its title from the first heading
        return FrontMatter(body_offset=offset)
    try:
        node = _compose(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        problems.add(
            path,
            line,
            "E101",
            f"the front matter is not valid YAML: {_reason(exc)}",
            "check quotes and indentation; a value with `: ` inside needs quotes",
            quoted_line(text, line),
        )
        return FrontMatter(body_offset=offset)
    if not isinstance(node, yaml.MappingNode):
        problems.add(path, 2, "E101", "the front matter must be a list of `name: value` fields")
        return FrontMatter(body_offset=offset)
    fields, lines = _read_fields(path, text, node, problems)
    matter = FrontMatter(fields, lines, offset)
    _check_required(path, text, matter, problems)
    return matter


def _read_fields(
    path: str, text: str, node: yaml.MappingNode, problems: Problems
) -> tuple[dict[str, Any], dict[str, int]]:
    fields: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 2
        name = str(key_node.value)
        src = quoted_line(text, line)
        if name in lines:
            problems.add(
                path,
                line,
                "E103",
                f"the field `{name}` is given twice",
                f"keep one `{name}:` line (the other is on line {lines[name]})",
                src,
            )
            continue
        lines[name] = line
        if name not in KNOWN_FIELDS:
            problems.add(
                path,
                line,
                "E102",
                f"unknown front matter field `{name}`",
                "known fields: " + ", ".join(KNOWN_FIELDS),
                src,
            )
            continue
        value = _field_value(path, text, name, value_node, problems)
        if value is not None:
            fields[name] = value
    return fields, lines


def _field_value(path: str, text: str, name: str, node: yaml.Node, problems: Problems) -> Any:
    line = node.start_mark.line + 2
    src = quoted_line(text, line)
    if name in THEME_FIELDS:
        return yaml.load(yaml.serialize(node), Loader=_FAST_LOADER)
    if name in STRING_FIELDS:
        if not _is_text(node):
            problems.add(
                path,
                line,
                "E104",
                f"`{name}` must be text",
                "put the text on one line "
                "after the colon; quote it if it looks like a number or a date",
                src,
            )
            return None
        value = str(node.value).strip()
        if BRACKETED.search(value):
            problems.add(
                path,
                line,
                "E109",
                f"`{name}` cannot cite sources",
                "front matter is shown as plain text: cite in the article body instead",
                src,
            )
        if name == "type" and value not in PAGE_TYPES:
            problems.add(
                path,
                line,
                "E105",
                f"`type` must be one of: {', '.join(PAGE_TYPES)}",
                "write `type: article` for an article",
                src,
            )
            return None
        return value
    if name in LIST_FIELDS:
        return _string_list(path, text, name, node, problems)
    return _date(path, node, problems, src)


def _string_list(
    path: str, text: str, name: str, node: yaml.Node, problems: Problems
) -> list[str] | None:
    line = node.start_mark.line + 2
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        problems.add(
            path,
            line,
            "E104",
            f"`{name}` must be a list with at least one item",
            f"write each item on its own line under `{name}:`, starting with `- `",
            quoted_line(text, line),
        )
        return None
    items: list[str] = []
    for item in node.value:
        item_line = item.start_mark.line + 2
        if not _is_text(item) or not str(item.value).strip():
            problems.add(
                path,
                item_line,
                "E104",
                f"each item of `{name}` must be text",
                "quote an item that contains `: ` or starts with a special character",
                quoted_line(text, item_line),
            )
            return None
        if BRACKETED.search(str(item.value)):
            problems.add(
                path,
                item_line,
                "E109",
                f"`{name}` cannot cite sources",
                "front matter is shown as plain text: cite in the article body instead",
                quoted_line(text, item_line),
            )
        items.append(str(item.value).strip())
    return items


def _date(path: str, node: yaml.Node, problems: Problems, src: str) -> dt.date | None:
    line = node.start_mark.line + 2
    value = str(node.value) if isinstance(node, yaml.ScalarNode) else ""
    try:
        if not DATE.match(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.add(
            path,
            line,
            "E106",
            f"`reviewed` must be a date written YYYY-MM-DD, not `{value or '...'}`",
            "for example `reviewed: 2026-11-25`",
            src,
        )
        return None


def _check_required(path: str, text: str, matter: FrontMatter, problems: Problems) -> None:
    names = set(matter.lines)
    article = matter.get("type") == "article" or "reviewed" in names
    required = REQUIRED_ARTICLE_FIELDS if article else ("title",)
    for name in required:
        if name not in names:
            kind = "an article" if len(required) > 1 else "a page"
            problems.add(
                path,
                1,
                "E107",
                f"{kind} needs the front matter field `{name}`",
                "articles need: " + ", ".join(REQUIRED_ARTICLE_FIELDS),
                quoted_line(text, 1),
            )


def _is_text(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and (node.tag == STR_TAG or node.style in ("'", '"'))


def _reason(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None)
    return str(problem or exc).splitlines()[0]
