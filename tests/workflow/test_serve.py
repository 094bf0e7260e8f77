"""Live preview: `mkdocs serve` on a copy of a small site picks up edits to an article, the
bibliography and a quiz, and shows a content problem in the page instead of a stale page.

The server runs as editors run it (`mkdocs serve` with live reload, strict as in mkdocs.yml);
each step edits a file and polls the served page until the change shows (bounded time).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from edusite.security import headers_file

from tests.workflow.serving import BANNER, Preview, fetch, serving

pytestmark = pytest.mark.slow


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    with serving(tmp_path) as running:
        yield running


def test_serve_shows_edits_and_errors_in_the_page(preview: Preview) -> None:
    preview.wait_for("/guide/", lambda page: "It hurts when you climb stairs" in page, "start")

    # An article edit shows up.
    preview.edit("content/guide.md", lambda text: text.replace("climb stairs", "walk downhill"))
    preview.wait_for("/guide/", lambda page: "It hurts when you walk downhill" in page, "edit")

    # A mistake shows in the page as a banner with the exact message, not a stale page.
    preview.edit(
        "content/guide.md",
        lambda text: text.replace("## Symptoms {#symptoms}", "## Symptoms {#symptoms}\n\n##"),
    )
    page = preview.wait_for("/guide/", lambda page: BANNER in page, "error banner")
    assert "content/guide.md:18: empty heading [E601]" in page
    assert "It hurts when you walk downhill" in page
    # The banner is on every page, so the editor sees it wherever they are.
    assert "content/guide.md:18: empty heading [E601]" in unescape(fetch(preview.base + "/"))

    # Fixing it removes the banner.
    preview.edit(
        "content/guide.md", lambda text: text.replace("{#symptoms}\n\n##\n", "{#symptoms}\n")
    )
    preview.wait_for("/guide/", lambda page: BANNER not in page, "fixed")

    # A bibliography edit changes the Sources list.
    def retitle(text: str) -> str:
        entries = json.loads(text)
        entries[0]["title"] = "Knee pain at the front of the knee"
        return json.dumps(entries, indent=2)

    preview.edit("content/references.json", retitle)
    preview.wait_for("/guide/", lambda page: "Knee pain at the front of the knee" in page, "bib")


def test_serve_reloads_quizzes_and_shows_quiz_errors(preview: Preview) -> None:
    preview.wait_for("/guide/", lambda page: "It hurts when you climb stairs" in page, "start")
    quiz_dir = preview.site / "quizzes" / "guide"
    quiz_dir.mkdir()
    (quiz_dir / "__init__.py").write_text('"""Quizzes of the guide."""\n', encoding="utf-8")
    (quiz_dir / "quiz.py").write_text(
        "from quizkit import Option, Quiz, SingleChoice\n\n"
        'guide_quiz = Quiz(id="guide-quiz", title="Guide quiz", questions=[SingleChoice(\n'
        '    "q1", "Where is the kneecap?",\n'
        '    options=[Option("front", "At the front", correct=True), Option("back", "Back")])])\n',
        encoding="utf-8",
    )
    preview.edit(
        "content/guide.md", lambda text: text + "\n## Quiz {#quiz}\n\n/// quiz | guide-quiz\n///\n"
    )
    preview.wait_for("/guide/", lambda page: 'data-quiz-id="guide-quiz"' in page, "quiz form")

    # Break the quiz: the page keeps rendering and shows the compiler's message.
    preview.edit("quizzes/guide/quiz.py", lambda text: text.replace(", correct=True", ""))
    page = preview.wait_for("/guide/", lambda page: BANNER in page, "quiz error banner")
    assert "must mark exactly one option correct [E418]" in page


def test_serve_on_a_copy_of_the_real_site(tmp_path: Path) -> None:
    with serving(tmp_path, real_site=True) as preview:
        start = preview.wait_for("/runners-knee/", lambda page: 'id="symptoms"' in page, "start")
        # The generated _headers file is served too (a File.generated in on_files).
        served = preview.wait_for("/_headers", lambda text: "Content-Security-Policy" in text, "")
        assert served == headers_file()
        # So are the runtime files (also File.generated); no service worker under serve,
        # where it would also answer live reload's requests.
        client = re.search(r'src="(?:\.\./)*(_edusite/assets/\w+/quiz-client\.js)"', start)
        assert client, "the quiz client's script tag"
        assert "edusite-quiz" in fetch(f"{preview.base}/{client[1]}")
        assert "offline.js" not in start
        assert fetch(f"{preview.base}/service-worker.js") == ""
        preview.edit(
            "content/runners-knee.md",
            lambda text: text.replace(
                "{#symptoms}\n", "{#symptoms}\n\nA new sentence from the serve test.\n", 1
            ),
        )
        preview.wait_for(
            "/runners-knee/", lambda page: "A new sentence from the serve test." in page, "edit"
        )
        preview.edit(
            "content/runners-knee.md",
            lambda text: text.replace(
                "A new sentence from the serve test.", "See [the signs](#signz).", 1
            ),
        )
        page = preview.wait_for("/runners-knee/", lambda page: BANNER in page, "banner")
        assert 'link to "#signz", but this page has no such section [E522]' in page
        assert 'href="#signz">the signs</a>' in page, "the page shows the latest text"
