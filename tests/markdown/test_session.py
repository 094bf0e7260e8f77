"""One render session across many conversions: an unannounced conversion (a snippet, an excerpt,
a docstring converted by another plugin with the same extension instances) must never change
what an announced page's citations and FAQ found, so its Sources list and JSON-LD stay right."""

from __future__ import annotations

import markdown
from edusite.markdown import article_extensions
from edusite.markdown.faq import faq_jsonld
from edusite.structure.page import RenderSession
from edusite.structure.sourcepage import SourcePage

PAGE = """Intro [@alpha2019].

/// faq
### Can I run?
Yes [@beta2020].
///
"""
SNIPPET = "A snippet cites only [@beta2020].\n"


def test_a_snippet_between_two_renders_of_a_page_changes_nothing(bibliography) -> None:
    session = RenderSession(bibliography)
    md = markdown.Markdown(extensions=article_extensions(session))
    page = SourcePage.read("content/page.md", PAGE)

    session.begin_page(page)
    first = md.convert(PAGE)
    found = session.announced_result()
    assert found.cited == ["alpha2019", "beta2020"]
    jsonld = faq_jsonld(found.faq)

    md.reset()
    snippet = md.convert(SNIPPET)  # nobody announced it
    assert 'id="source-beta2020"' in snippet
    assert session.announced is page
    assert session.announced_result() is found
    assert found.cited == ["alpha2019", "beta2020"] and faq_jsonld(found.faq) == jsonld

    session.begin_page(page)
    md.reset()
    assert md.convert(PAGE) == first
    again = session.announced_result()
    assert again.cited == ["alpha2019", "beta2020"] and faq_jsonld(again.faq) == jsonld
    assert list(session.results) == ["content/page.md"]
