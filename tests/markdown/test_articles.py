"""`/// articles`: every article from its front matter, in a stable order, as safe text."""

from __future__ import annotations

import re

from edusite.markdown import render_page
from edusite.structure.catalog import Catalog
from edusite.structure.page import RenderSession
from edusite.structure.sourcepage import SourcePage


def article(title: str, tags: list[str], reviewed: str = "2026-11-25", extra: str = "") -> str:
    lines = "".join(f"  - {tag}\n" for tag in tags)
    return (
        f'---\ntype: article\ntitle: "{title}"\ndescription: About {title}.\n'
        f"summary:\n  - One.\nreviewed: {reviewed}\ntags:\n{lines}---\n\n## Start\n\nText.\n"
        + extra
    )


PAGES = {
    "shins.md": article("Shin splints", ["Leg pain", "running"], "2026-10-01"),
    "guides/knee.md": article("Runner's knee & <you>", ["knee pain", "running"]),
    "about.md": "---\ntitle: About us\n---\n\nWho we are.\n",
    "topics/running.md": "---\ntitle: Running\n---\n\n/// articles | Running\n///\n",
}


def read(pages: dict[str, str]) -> list[SourcePage]:
    return [SourcePage.read(f"content/{uri}", text, uri) for uri, text in pages.items()]


def session(pages: dict[str, str] | None = None) -> RenderSession:
    session = RenderSession()
    session.catalog = Catalog.from_pages(read(pages or PAGES))
    return session


def render(src_uri: str, text: str, s: RenderSession | None = None) -> tuple[str, list[str]]:
    s = s or session()
    html = render_page(f"content/{src_uri}", text, s, src_uri=src_uri)
    return html, [f"{p.path}:{p.line}: {p.message} [{p.code}]" for p in s.problems]


HOME = "---\ntitle: Home\n---\n\nWelcome.\n\n/// articles\nOur guides, newest checked first.\n///\n"


def test_every_article_is_listed_by_title_with_its_front_matter() -> None:
    html, problems = render("index.md", HOME)
    assert problems == []
    titles = re.findall(r'<p class="edusite-articles__title"><a href="([^"]+)">([^<]+)</a>', html)
    assert titles == [
        ("guides/knee.md", "Runner's knee &amp; &lt;you&gt;"),  # front matter is text
        ("shins.md", "Shin splints"),
    ]
    assert '<p class="edusite-articles__description">About Shin splints.</p>' in html
    assert 'Last reviewed <time datetime="2026-10-01">1 October 2026</time>' in html
    assert "<p>Our guides, newest checked first.</p>" in html  # text inside: above the list
    assert "About us" not in html  # not an article


def test_tags_link_to_their_topic_page_and_a_tag_filters_the_list() -> None:
    html, _ = render("index.md", HOME)
    assert 'Topics: <span>knee pain</span>, <a href="topics/running.md">running</a>' in html
    # ("knee pain" has no topic page: plain text)
    text = PAGES["topics/running.md"]
    html, problems = render("topics/running.md", text)
    assert problems == []
    hrefs = re.findall(r'edusite-articles__title"><a href="([^"]+)"', html)
    assert hrefs == ["../guides/knee.md", "../shins.md"]  # relative to the topic page
    assert "<span>running</span>" in html  # the page does not link to itself
    leg = "---\ntitle: Legs\n---\n\n/// articles |  LEG   pain \n///\n"
    html, problems = render("legs.md", leg)
    assert problems == [] and re.findall(r'title"><a href="([^"]+)"', html) == ["shins.md"]


def test_an_article_holding_a_list_is_not_listed_in_it() -> None:
    pages = {**PAGES, "shins.md": PAGES["shins.md"] + "\n/// articles\n///\n"}
    html, _ = render("shins.md", pages["shins.md"], session(pages))
    assert re.findall(r'title"><a href="([^"]+)"', html) == ["guides/knee.md"]


def test_a_new_article_appears_without_editing_the_list() -> None:
    pages = {**PAGES, "ankles.md": article("Ankle sprain", ["ankle"])}
    html, _ = render("index.md", HOME, session(pages))
    titles = re.findall(r'title"><a href="[^"]+">([^<]+)</a>', html)
    assert titles == ["Ankle sprain", "Runner's knee &amp; &lt;you&gt;", "Shin splints"]


def test_an_unknown_tag_and_an_empty_list_are_reported_at_the_block() -> None:
    text = "---\ntitle: Home\n---\n\nHi.\n\n/// articles | shin\n///\n"
    _, problems = render("index.md", text)
    assert problems == ["content/index.md:7: no article has the tag `shin` [E313]"]
    lonely = {"only.md": article("Only", ["x"], extra="\n/// articles\n///\n")}
    _, problems = render("only.md", lonely["only.md"], session(lonely))
    assert problems == ["content/only.md:16: there is no article to list [E314]"]


def test_a_page_whose_front_matter_cannot_be_read_waits_for_its_own_error() -> None:
    pages = {"bad.md": "---\ntype: article\ntitle: [unclosed\n---\n\nText.\n", **PAGES}
    catalog = Catalog.from_pages(read(pages))  # no problem here: bad.md's render says E101
    assert [e.src_uri for e in catalog.entries] == ["guides/knee.md", "shins.md"]
    assert catalog.tags() == ["knee pain", "Leg pain", "running"]
    assert catalog.titles["about.md"] == "About us"
