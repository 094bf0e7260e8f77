"""A copy of the real site whose every editor-written text field carries a script payload.

Each payload is valid text an editor could type (so the strict build and the checks pass),
and would set `window.__pwned` (or open a dialog) if any part of the site printed it as
HTML. `HOSTILE_TITLE` also has the `<` and `&` a legitimate title may contain.
"""

from __future__ import annotations

from pathlib import Path

from tests.badinputs.sitecopy import copy_project

PAYLOAD = "<img src=x onerror=\"window.__pwned='{where}';alert(1)\">"
HOSTILE_TITLE = "Knee pain in <18s & adults " + PAYLOAD.format(where="title")


H1_PAYLOAD = "&lt;/title&gt;&lt;img src=x onerror=\"window.__pwned='h1'\"&gt;"
"""Written in Markdown with entities (raw HTML would be E502): shown as `</title><img ...>`."""


def payload(where: str) -> str:
    """The payload marked with the field it was put in (to tell which one ran)."""
    return PAYLOAD.format(where=where)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {path}: update the hostile fixture"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _yaml(text: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_hostile_site(dest: Path) -> Path:
    """Copy the project into `dest` and put payloads in every text field; return mkdocs.yml."""
    config = copy_project(dest)
    article = dest / "content/runners-knee.md"
    _replace(
        article, 'title: "Runner\'s knee (patellofemoral pain)"', "title: " + _yaml(HOSTILE_TITLE)
    )
    _replace(
        article,
        "description: \"What runner's knee is,",
        "description: " + _yaml(payload("description"))[:-1] + " What runner's knee is,",
    )
    _replace(
        article,
        "  - Runner's knee is a dull ache",
        "  - " + _yaml(payload("summary")) + "\n  - Runner's knee is a dull ache",
    )
    _replace(
        article, 'byline: "the Runner', "byline: " + _yaml(payload("byline"))[:-1] + " the Runner"
    )
    _replace(article, "  - runner's knee\n", "  - " + _yaml(payload("tags")) + "\n")
    _replace(
        article,
        'about: "Patellofemoral',
        "about: " + _yaml(payload("about"))[:-1] + " Patellofemoral",
    )
    # An FAQ question is Markdown, where raw HTML is checked: the editor's `<` is an entity.
    faq = payload("faq").replace("<", "&lt;").replace(">", "&gt;")
    _replace(article, "### How long should I rest", f"### {faq} How long should I rest")
    about = dest / "content/about.md"
    _replace(
        about,
        "title: About and editorial policy",
        "title: " + _yaml(payload("page-title") + " About"),
    )
    _replace(about, "# About and editorial policy\n", "")
    _replace(
        dest / "content/references.json",
        '"title": "Patellofemoral pain syndrome"',
        '"title": ' + _yaml(payload("source")),
    )
    quiz = dest / "quizzes/runners_knee/quiz.py"
    _replace(
        quiz,
        '"Where do people with runner\'s knee usually feel pain?"',
        repr(payload("prompt") + " Where?"),
    )
    _replace(quiz, '"Around or behind the kneecap"', repr(payload("option") + " Kneecap"))
    _replace(
        quiz, 'title="Test what you know about runner\'s knee"', f"title={payload('quiz-title')!r}"
    )
    # A page without front matter takes its title from its `# ` heading, where an escaped
    # end tag is text that Material's `<title>` (`striptags`) would turn back into a tag.
    (dest / "content/plain.md").write_text(
        f"# Plain {H1_PAYLOAD}\n\nA page without front matter.\n", encoding="utf-8"
    )
    _replace(config, "  - About: about.md", "  - About: about.md\n  - plain.md")
    # The article's nav entry takes its title from the front matter; About's from `nav:`.
    _replace(config, '  - "Runner\'s knee": runners-knee.md', "  - runners-knee.md")
    _replace(config, "  - About: about.md", "  - " + _yaml(payload("nav")) + ": about.md")
    return config
