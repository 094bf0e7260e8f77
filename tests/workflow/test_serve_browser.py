"""Live preview in a real browser: the open page reloads by itself after an edit, and a
mistake appears as a visible alert at the top of the content, announced to screen readers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.workflow.serving import Preview, serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_open_page_reloads_and_shows_the_problem(
    tmp_path: Path, context: BrowserContext
) -> None:
    browser_page = context.new_page()  # the session's Chromium (tests/conftest.py)
    with serving(tmp_path) as preview:
        preview: Preview
        preview.wait_for("/guide/", lambda page: "climb stairs" in page, "first build")
        browser_page.goto(preview.base + "/guide/")
        content = browser_page.locator("article.md-content__inner")
        expect(content).to_contain_text("It hurts when you climb stairs")

        # No manual reload: live reload brings the edit into the open page.
        preview.edit("content/guide.md", lambda text: text.replace("climb stairs", "run downhill"))
        expect(content).to_contain_text("It hurts when you run downhill", timeout=60_000)

        preview.edit("content/guide.md", lambda text: text.replace("(#symptoms)", "(#symptom)"))
        alert = browser_page.get_by_role("alert")
        expect(alert).to_be_visible(timeout=60_000)
        expect(alert).to_contain_text(
            'content/guide.md:22: link to "#symptom", but this page has no such section [E522]'
        )
        expect(alert).to_contain_text("Did you mean #symptoms?")
        # The banner comes before the article's own text, and the latest text is shown.
        first = content.locator(":scope > *").first
        expect(first).to_have_attribute("id", "edusite-problems")
        expect(content).to_contain_text("It hurts when you run downhill")
