"""Fixture sites built with `mkdocs build --strict`, as editors run it.

Each test copies `articles/` to a temporary folder, changes one thing and builds it in a
subprocess. A content problem must name the file and line, and nothing may be written.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

pytestmark = pytest.mark.slow


def make_site(tmp_path: Path) -> Path:
    site = tmp_path / "articles"
    shutil.copytree(HERE / "articles", site)
    # The fixture points at the real templates relative to its own folder.
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("../../../site_overrides", str(ROOT / "site_overrides"))
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    return site


def build(site: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site / "out"), *extra],
        cwd=site,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )


def edit(site: Path, name: str, old: str, new: str) -> None:
    path = site / "content" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_fixture_site_builds_strictly(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    result = build(site, "--strict")
    assert result.returncode == 0, result.stderr
    html = (site / "out/article/index.html").read_text(encoding="utf-8")
    assert "<h1>Knees &amp; hips</h1>" in html
    assert 'Last reviewed\n        <time datetime="2026-11-25">25 November 2026</time>' in html
    assert re.findall(r'<li id="source-([^"]+)">', html) == ["alpha2019", "org-page", "beta2020"]
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = [json.loads(s) for s in scripts]
    assert [d["@type"] for d in data] == ["MedicalWebPage", "FAQPage"]
    page = data[0]
    assert page["lastReviewed"] == page["dateModified"] == "2026-11-25"
    assert page["author"] == {"@type": "Organization", "name": "Fixture Guide editorial team"}
    assert [c["name"] for c in page["citation"]][1] == "Knee pain"
    assert not (site / "out/references.json").exists()


def sources_list(site: Path) -> str:
    html = (site / "out/article/index.html").read_text(encoding="utf-8")
    found = re.search(r'<section aria-labelledby="sources".*?</section>', html, re.S)
    assert found, "no Sources list"
    return found.group(0)


def test_a_bibtex_bibliography_gives_the_same_sources_list(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    assert build(site, "--strict").returncode == 0
    from_json = sources_list(site)
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("content/references.json", "content/references.bib"))
    (site / "content/references.json").unlink()  # nothing may still read it
    result = build(site, "--strict")
    assert result.returncode == 0, result.stderr
    from_bibtex = sources_list(site)
    assert from_bibtex == from_json
    assert 'id="source-beta2020"' in from_bibtex
    assert "O&#x27;Brien S. Knees &amp; &lt;hips&gt;" in from_bibtex
    assert "[cited 2026 Nov 25]" in from_bibtex
    assert not (site / "out/references.bib").exists()


def test_a_description_with_quotes_stays_inside_its_meta_attribute(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    edit(
        site,
        "article.md",
        "description: A test article about knees.",
        """description: 'Knees "and" <hips> & more.'""",
    )
    assert build(site, "--strict").returncode == 0
    html = (site / "out/article/index.html").read_text(encoding="utf-8")
    meta = '<meta name="description" content="Knees &quot;and&quot; &lt;hips&gt; &amp; more.">'
    assert meta in html
    assert '<p class="edusite-description">Knees &#34;and&#34; &lt;hips&gt; &amp; more.</p>' in html


def test_an_unknown_citation_key_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    edit(
        site,
        "article.md",
        "Loads differ [@beta2020; @alpha2019].",
        "Loads differ [@beta2020; @alfa2019].",
    )
    result = build(site, "--strict")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "content/article.md:20: unknown citation key `alfa2019` [E210]" in output
    assert "hint: did you mean `alpha2019`?" in output
    assert not (site / "out").exists() or not any((site / "out").iterdir())


def test_invalid_front_matter_is_not_ignored(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    edit(site, "article.md", "reviewed: 2026-11-25", "reviewed: 2026-11-31")
    edit(
        site, "article.md", "description: A test article about knees.", "description: knees: a test"
    )
    result = build(site, "--strict")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "content/article.md:4: the front matter is not valid YAML" in output
    assert not (site / "out").exists() or not any((site / "out").iterdir())


def test_an_uncited_source_fails_a_strict_build_only(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    edit(site, "article.md", " A web page agrees [@org-page].", "")
    edit(site, "article.md", "Yes, for a while [@org-page].", "Yes, for a while.")
    strict = build(site, "--strict")
    assert strict.returncode != 0
    line = next(
        n
        for n, text in enumerate((site / "content/references.json").read_text().splitlines(), 1)
        if '"org-page"' in text
    )
    message = f"content/references.json:{line}: the source `org-page` is not cited by any page"
    assert message in strict.stdout + strict.stderr
    relaxed = build(site)
    assert relaxed.returncode == 0, relaxed.stderr
    assert message in relaxed.stdout + relaxed.stderr


def test_a_rebuild_by_the_same_plugin_instance_starts_clean(tmp_path: Path) -> None:
    """`mkdocs serve` keeps the plugin object between rebuilds: an error fixed by the editor
    must not survive into the next build, and nothing cited before may linger."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    site = make_site(tmp_path)
    out = site / "out"
    edit(site, "article.md", "[@beta2020; @alpha2019]", "[@beta2020; @alfa2019]")
    first = load_config(str(site / "mkdocs.yml"), site_dir=str(out))
    with pytest.raises(Abort):
        mkdocs_build(first)
    plugin = first.plugins["edusite"]
    assert [p.code for p in plugin.problems] == ["E210"]

    edit(site, "article.md", "[@beta2020; @alfa2019]", "[@beta2020]")
    second = load_config(str(site / "mkdocs.yml"), site_dir=str(out))
    assert second.plugins["edusite"] is plugin  # what serve does
    mkdocs_build(second)
    assert list(plugin.problems) == []
    assert plugin.article_site.session.results["content/article.md"].cited == [
        "alpha2019",
        "org-page",
        "beta2020",
    ]
    assert (out / "article/index.html").exists()


def test_an_article_with_its_own_h1_is_reported(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    edit(site, "article.md", "## Hips {#hips}", "# Knees\n\n## Hips {#hips}")
    result = build(site, "--strict")
    assert result.returncode != 0
    assert "content/article.md:14: an article must not have a `# ` heading [E108]" in (
        result.stdout + result.stderr
    )
