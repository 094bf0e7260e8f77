"""Any site that uses the plugin gets its page templates (issue 12), with no `custom_dir`.

The article fixture (`articles/`) is built with its `custom_dir` line removed: the article
header, the Sources list, both JSON-LD blocks and the Content-Security-Policy come from the
plugin's own theme layer (edusite/theme.py). A site's `custom_dir` still wins: its
`edusite/article.html` replaces the plugin's, and a `main.html` that would drop the plugin's
blocks stops the build with a message saying what to write.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.sites.test_article_sites import build, make_site

pytestmark = pytest.mark.slow


def bare_site(tmp_path: Path) -> Path:
    """The article fixture without `custom_dir`: Material plus the plugin, nothing else."""
    site = make_site(tmp_path)
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n  custom_dir: .*", "", config)
    assert "custom_dir" not in config
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    return site


def with_custom_dir(site: Path, files: dict[str, str]) -> None:
    """Give the site a `custom_dir` holding `files` (path -> text)."""
    overrides = site / "overrides"
    for name, text in files.items():
        (overrides / name).parent.mkdir(parents=True, exist_ok=True)
        (overrides / name).write_text(text, encoding="utf-8")
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")


def article_html(site: Path) -> str:
    return (site / "out/article/index.html").read_text(encoding="utf-8")


def test_a_site_without_custom_dir_gets_the_header_sources_and_both_json_ld_blocks(
    tmp_path: Path,
) -> None:
    site = bare_site(tmp_path)
    result = build(site, "--strict")
    assert result.returncode == 0, result.stderr
    html = article_html(site)
    header = re.search(r'<header class="edusite-article-header".*?</header>', html, re.S)
    assert header, "no article header"
    assert "<h1>Knees &amp; hips</h1>" in header.group(0)
    assert "By the Fixture Guide editorial team" in header.group(0)
    assert '<time datetime="2026-11-25">25 November 2026</time>' in header.group(0)
    takeaways = re.search(r'<aside class="edusite-takeaways".*?</aside>', html, re.S)
    assert takeaways and "<li>Hips matter.</li>" in takeaways.group(0)
    assert 'class="admonition info edusite-disclaimer"' in html
    assert re.findall(r'<li id="source-([^"]+)">', html) == ["alpha2019", "org-page", "beta2020"]
    head = html.split("</head>", 1)[0]
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    assert [json.loads(s)["@type"] for s in scripts] == ["MedicalWebPage", "FAQPage"]
    # The policy comes first in <head>, and Material's inline scripts are files it allows.
    assert head.index('http-equiv="Content-Security-Policy"') < head.index("<script")
    moved = ("material-scope", "material-palette", "material-content")
    for name in (*moved, "material-same-page-links", "edusite-skip"):
        assert (site / f"out/assets/javascripts/{name}.js").is_file()
        assert f"assets/javascripts/{name}.js" in html
    # Our end-of-body script does not hold up the parser (issue 9, the page's own speed).
    assert re.search(r'<script src="[^"]*edusite-skip\.js" defer></script>', html)
    # Its listeners must come before Material's bundle's: it runs first, not deferred.
    assert html.index("material-same-page-links.js") < html.index("javascripts/bundle.")
    assert (site / "out/assets/stylesheets/edusite-article.css").is_file()
    # Nothing else from the plugin's folders reaches the site (a theme folder's files do).
    assert not list((site / "out").rglob("*.tmpl")) and not (site / "out/new").exists()


def test_the_sites_article_template_replaces_the_plugins(tmp_path: Path) -> None:
    site = bare_site(tmp_path)
    with_custom_dir(
        site, {"edusite/article.html": '<p class="own-header">{{ edusite_article.title | e }}</p>'}
    )
    result = build(site, "--strict")
    assert result.returncode == 0, result.stderr
    html = article_html(site)
    assert '<p class="own-header">Knees &amp; hips</p>' in html
    assert "edusite-article-header" not in html
    # The plugin's main.html still hooks in the JSON-LD and the policy.
    assert html.count('<script type="application/ld+json">') == 2
    assert 'http-equiv="Content-Security-Policy"' in html


def test_a_sites_main_html_extending_the_plugins_page_adds_to_it(tmp_path: Path) -> None:
    site = bare_site(tmp_path)
    main = (
        '{% extends "edusite/page.html" %}\n'
        '{% block extrahead %}<meta name="own-look" content="yes">{{ super() }}{% endblock %}\n'
    )
    with_custom_dir(site, {"main.html": main})
    result = build(site, "--strict")
    assert result.returncode == 0, result.stderr
    html = article_html(site)
    assert '<meta name="own-look" content="yes">' in html
    assert html.count('<script type="application/ld+json">') == 2
    assert 'class="edusite-article-header"' in html


def test_a_main_html_that_would_drop_the_plugins_blocks_stops_the_build(tmp_path: Path) -> None:
    site = bare_site(tmp_path)
    with_custom_dir(site, {"main.html": '{% extends "base.html" %}\n'})
    result = build(site, "--strict")
    assert result.returncode != 0
    assert "does not extend 'edusite/page.html'" in result.stderr
    assert '{% extends "edusite/page.html" %}' in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site / "out").exists()
