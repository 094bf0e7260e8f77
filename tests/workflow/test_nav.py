"""E525: with an explicit `nav:`, a page left out of it fails the check with the line to add."""

from __future__ import annotations

import yaml
from edusite.checks.nav import check_nav, nav_entry, nav_line
from edusite.structure.sourcepage import SourcePage

CONFIG = "site_name: S\n# the menu\nnav:\n  - Home: index.md\nnot_in_nav: |\n  drafts.md\n"


def page(src_uri: str, text: str) -> SourcePage:
    return SourcePage.read(f"content/{src_uri}", text, src_uri)


def test_the_problem_is_at_the_nav_line_with_the_exact_line_to_add() -> None:
    menu = [
        page("index.md", "# Home\n"),
        page("shins.md", '---\ntitle: Shin "splints"\n---\n\nText.\n'),
        page("guides/x_y.md", "Text.\n"),
    ]
    problems = check_nav("mkdocs.yml", CONFIG, menu, ["index.md"])
    assert [str(p).splitlines()[0] for p in problems] == [
        "mkdocs.yml:3: content/guides/x_y.md is not in the menu (`nav:`), so readers cannot "
        "find it there [E525]",
        "mkdocs.yml:3: content/shins.md is not in the menu (`nav:`), so readers cannot "
        "find it there [E525]",
    ]
    assert problems[0].source_line == "nav:"
    assert 'add the line  - "X y": guides/x_y.md  to the list under `nav:`' in problems[0].hint
    assert '- "Shin \\"splints\\"": shins.md' in problems[1].hint


def test_the_line_to_add_is_valid_yaml_for_any_title() -> None:
    for title in ['Knee: "pain" & <you>', "Über", "- dash", "#hash", "back\\slash"]:
        assert yaml.safe_load(nav_entry(title, "a.md")) == [{title: "a.md"}]


def test_a_site_without_nav_line_still_gets_a_line() -> None:
    assert nav_line("site_name: S\n") == (1, "")
    assert check_nav("mkdocs.yml", CONFIG, [page("index.md", "Hi.\n")], ["index.md"]) == []
