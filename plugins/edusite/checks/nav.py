"""E525: a page that an explicit `nav:` in mkdocs.yml leaves out.

A site that lists its menu by hand in `mkdocs.yml` must list every page, or readers cannot
reach the page from the menu (MkDocs itself only says so at INFO level, without a line). A
page meant to be reached only through links goes under `not_in_nav:` instead. The problem is
reported at the `nav:` line of mkdocs.yml, with the exact line to add.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import PurePosixPath

from edusite.errors import ContentProblem
from edusite.structure.sourcepage import SourcePage

CODE = "E525"
NAV_KEY = re.compile(r"^nav\s*:")


def nav_line(config_text: str) -> tuple[int, str]:
    """The 1-based line of the top-level `nav:` key and its text ((1, "") if not found,
    e.g. when the nav comes from an inherited file)."""
    for number, line in enumerate(config_text.splitlines(), start=1):
        if NAV_KEY.match(line):
            return number, line
    return 1, ""


def fallback_title(src_uri: str) -> str:
    """A title from the file name, for a page whose front matter has none."""
    words = PurePosixPath(src_uri).stem.replace("-", " ").replace("_", " ")
    return words[:1].upper() + words[1:]


def nav_entry(title: str, src_uri: str) -> str:
    """The `nav:` line for a page (JSON's double-quoted string is YAML's too)."""
    return f"- {json.dumps(title, ensure_ascii=False)}: {src_uri}"


def check_nav(
    config_path: str, config_text: str, menu: Iterable[SourcePage], in_nav: Iterable[str]
) -> list[ContentProblem]:
    """One problem per page of `menu` (those meant for the menu) whose `src_uri` is not
    `in_nav`; its front-matter title gives the line to add."""
    listed = set(in_nav)
    line, text = nav_line(config_text)
    problems = []
    for page in sorted((p for p in menu if p.src_uri not in listed), key=lambda p: p.src_uri):
        title = page.front_matter.get("title") or fallback_title(page.src_uri)
        entry = nav_entry(str(title), page.src_uri)
        problems.append(
            ContentProblem(
                config_path,
                line,
                CODE,
                f"{page.path} is not in the menu (`nav:`), so readers cannot find it there",
                f"add the line  {entry}  to the list under `nav:` (or list the page under "
                "`not_in_nav:` if only links should lead to it)",
                text,
            )
        )
    return problems
