"""Another publisher's site: every word that is not the editors' comes from its mkdocs.yml.

The `articles/` fixture is given another publisher, byline, disclaimer, self-check closing
sentence and emergency number, an article without a byline, two self-checks (one with a
closing sentence of its own), a home page and a topic page listing the articles with
`/// articles`, and an explicit `nav:`. It must build strictly, show those settings in the
built pages, and show nothing of the runner's knee site.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.badinputs.sitecopy import ROOT, add_plugin_options
from tests.sites.test_article_sites import build, edit, make_site

pytestmark = pytest.mark.slow

SETTINGS = """\
publisher: "Example Health Trust"
byline: "the Example Health clinical team"
disclaimer: "For learning only. Ask your own nurse or doctor about your health."
selfcheck_closing: "This is not a diagnosis. Only your own clinician can tell what is wrong."
care_emergency_number: "112"
care_emergency_department: "the emergency department"
"""

CHECKS = '''\
"""Two self-checks: one ends with the site's sentence, one with its own."""

from quizkit import Decision, Outcome, RedFlag, SelfCheck, YesNo


def decide(values):
    """Rest unless the stairs hurt."""
    return Decision("see" if values["stairs"] else "rest")


OUTCOMES = [
    Outcome("rest", "Rest", "Rest helps.", tier="self-care"),
    Outcome("see", "See someone", "Get it checked.", tier="soon"),
]

site_check = SelfCheck(
    id="site-check",
    title="Site check",
    red_flags=[RedFlag("faint", "Did you faint?", "emergency", "You fainted.")],
    questions=[YesNo("stairs", "Do stairs hurt?")],
    outcomes=OUTCOMES,
    decide=decide,
)

own_check = SelfCheck(
    id="own-check",
    title="Own check",
    questions=[YesNo("stairs", "Do stairs hurt?")],
    outcomes=OUTCOMES,
    decide=decide,
    closing="Ask a pharmacist first.",
)
'''

NAV = """\
nav:
  - Home: index.md
  - "Knees & hips": article.md
  - Knees: knees.md
"""


def another_publishers_site(tmp_path: Path) -> Path:
    site = make_site(tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(NAV + config.read_text("utf-8"), encoding="utf-8")
    add_plugin_options(config, SETTINGS)
    edit(site, "article.md", "byline: the Fixture Guide editorial team\n", "")
    edit(
        site,
        "article.md",
        "## More {#more}",
        "/// quiz | site-check\n///\n\n/// quiz | own-check\n///\n\n## More {#more}",
    )
    edit(site, "index.md", "Read [the article](article.md).", "Our articles:\n\n/// articles\n///")
    (site / "content/knees.md").write_text(
        "---\ntitle: Knees\n---\n\nEvery article about knees.\n\n/// articles | knees\n///\n",
        encoding="utf-8",
    )
    (site / "quizzes").mkdir()
    (site / "quizzes/__init__.py").write_text('"""Quizzes."""\n', encoding="utf-8")
    (site / "quizzes/checks.py").write_text(CHECKS, encoding="utf-8")
    # Pyodide for the quiz runtime; the quiz cache is keyed by content, so sharing it is safe.
    (ROOT / ".cache").mkdir(exist_ok=True)
    for shared in ("node_modules", ".cache"):
        (site / shared).symlink_to(ROOT / shared, target_is_directory=True)
    return site


def test_another_publishers_settings_are_in_the_built_pages(tmp_path: Path) -> None:
    site = another_publishers_site(tmp_path)
    result = build(site, "--strict")
    assert result.returncode == 0, result.stderr
    out = site / "out"
    article = (out / "article/index.html").read_text("utf-8")
    assert "<span>By the Example Health clinical team</span>" in article
    assert "For learning only. Ask your own nurse or doctor about your health." in article
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', article, re.S)
    page = json.loads(scripts[0])
    assert page["publisher"] == {"@type": "Organization", "name": "Example Health Trust"}
    assert page["author"] == {"@type": "Organization", "name": "Example Health clinical team"}
    closings = re.findall(r'<template class="edusite-quiz__closing-template">([^<]*)<', article)
    assert closings == [
        "This is not a diagnosis. Only your own clinician can tell what is wrong.",
        "Ask a pharmacist first.",
    ]
    assert "Call 112 or go to the emergency department now" in article
    for name in ("index.html", "knees/index.html"):
        listing = (out / name).read_text("utf-8")
        assert re.search(
            r'edusite-articles__title"><a href="[./]*article/">Knees &amp; hips</a>', listing
        )
    for path in out.rglob("*.html"):
        text = path.read_text("utf-8")
        for word in ("Runner", "physical therapist", "999", "A&amp;E"):
            assert word not in text, f"{word!r} in {path.relative_to(out)}"


def test_a_page_left_out_of_the_nav_stops_the_build_with_the_line_to_add(tmp_path: Path) -> None:
    site = another_publishers_site(tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  - Knees: knees.md\n", ""), "utf-8")
    result = build(site, "--strict")
    assert result.returncode == 1
    assert (
        "mkdocs.yml:1: content/knees.md is not in the menu (`nav:`), so readers cannot find it "
        "there [E525]" in result.stderr
    )
    assert 'add the line  - "Knees": knees.md  to the list under `nav:`' in result.stderr
    assert not (site / "out").exists() or not any((site / "out").iterdir())
