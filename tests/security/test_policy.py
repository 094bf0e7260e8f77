"""The Content-Security-Policy is one string, delivered identically as `<meta>` and `_headers`.

The browser tests (tests/browser/test_csp.py) show the policy breaks nothing; these show it
is the same policy everywhere and that the built pages hold nothing it would block.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from edusite.security import HEADERS_FILE, content_security_policy, headers_file, meta_tag

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
DATA_TYPES = {'type="application/json"', 'type="application/ld+json"'}


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_edusite" not in p.parts)


def test_meta_tag_and_headers_file_carry_the_same_single_policy() -> None:
    policy = content_security_policy()
    (in_meta,) = META.findall(meta_tag())
    assert unescape(in_meta) == policy
    lines = headers_file().splitlines()
    assert lines == ["/*", f"  Content-Security-Policy: {policy}"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    names = [part.split()[0] for part in policy.split("; ")]
    assert len(names) == len(set(names)), "a directive is defined twice"
    # A <meta> policy ignores these; they must not be relied on.
    assert not {"frame-ancestors", "report-uri", "sandbox"} & set(names)


def test_built_site_delivers_the_policy_both_ways(built_site: Path) -> None:
    assert (built_site / HEADERS_FILE).read_text(encoding="utf-8") == headers_file()
    pages = html_pages(built_site)
    assert {p.relative_to(built_site).as_posix() for p in pages} >= {
        "index.html",
        "runners-knee/index.html",
        "about/index.html",
        "404.html",
    }
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html[html.index("<head>") + len("<head>") :].lstrip()
        assert head.startswith(meta_tag()), f"{page}: the policy is not first in <head>"
        assert [unescape(m) for m in META.findall(html)] == [content_security_policy()]
        assert html.index("<meta charset") < 1024, f"{page}: charset beyond the first 1024 bytes"


@pytest.mark.parametrize("site", ["built_site", "fixture_site"])
def test_built_pages_hold_no_inline_script_or_style(
    site: str, request: pytest.FixtureRequest
) -> None:
    """On the real site and on the second fixture site (tests/sites/heat): the templates,
    quiz forms and care cards hold no inline code whatever the content."""
    built: Path = request.getfixturevalue(site)
    for page in html_pages(built):
        html = page.read_text(encoding="utf-8")
        for attributes in SCRIPT_TAG.findall(html):
            if "src=" in attributes:
                continue
            assert any(t in attributes for t in DATA_TYPES), f"{page}: inline <script{attributes}>"
        assert "<style" not in html, f"{page}: a <style> element needs 'unsafe-inline'"
        assert not re.search(r"\sstyle=", html), f"{page}: a style attribute needs 'unsafe-inline'"
        assert not re.search(r"\son[a-z]+=", html), f"{page}: an event-handler attribute"
