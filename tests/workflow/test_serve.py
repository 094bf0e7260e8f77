"""Live preview: `mkdocs serve` on a copy of a small site picks up edits to an article, the
bibliography and a quiz, and shows a content problem in the page instead of a stale page.

The server runs as editors run it (`mkdocs serve` with live reload, strict as in mkdocs.yml);
each step edits a file and polls the served page until the change shows (bounded time).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from html import unescape
from pathlib import Path

import pytest

from tests.badinputs.sitecopy import make_site

pytestmark = pytest.mark.slow
WAIT_SECONDS = 60
BANNER = 'id="edusite-problems"'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


class Preview:
    """A running `mkdocs serve` and a way to wait for what it serves."""

    def __init__(self, site: Path, process: subprocess.Popen[str], log_path: Path) -> None:
        self.site, self.process, self.log_path = site, process, log_path
        self.base = ""

    def start(self) -> None:
        """Wait for "Serving on <url>" (the URL includes site_url's path)."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline and not self.base:
            assert self.process.poll() is None, f"mkdocs serve exited:\n{self.log()}"
            if found := re.search(r"Serving on (http://\S+?)/?$", self.log(), re.MULTILINE):
                self.base = found[1]
            time.sleep(0.2)
        assert self.base, f"mkdocs serve did not start:\n{self.log()}"

    def wait_for(self, path: str, ready: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"mkdocs serve exited:\n{self.log()}"
            page = unescape(fetch(self.base + path))
            if page and ready(page):
                return page
            time.sleep(0.5)
        pytest.fail(f"{what}: not seen at {path} within {WAIT_SECONDS} s\n{self.log()}")

    def edit(self, relative: str, change: Callable[[str], str]) -> None:
        path = self.site / relative
        path.write_text(change(path.read_text("utf-8")), encoding="utf-8")

    def log(self) -> str:
        return self.log_path.read_text("utf-8", errors="replace")[-4000:]


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    site = make_site(tmp_path / "site").parent
    port = free_port()
    log_path = tmp_path / "serve.log"
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload"]
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [*command, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=site,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        preview = Preview(site, process, log_path)
        preview.start()
        yield preview
    finally:
        process.send_signal(signal.SIGINT)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=15)
        if process.poll() is None:
            process.kill()
            process.wait()


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
        "content/guide.md", lambda text: text + "\n## Quiz {#quiz}\n\n::: quiz guide-quiz\n"
    )
    preview.wait_for("/guide/", lambda page: 'data-quiz-id="guide-quiz"' in page, "quiz form")

    # Break the quiz: the page keeps rendering and shows the compiler's message.
    preview.edit("quizzes/guide/quiz.py", lambda text: text.replace(", correct=True", ""))
    page = preview.wait_for("/guide/", lambda page: BANNER in page, "quiz error banner")
    assert "has no correct answer [E418]" in page
