"""Quiz embeds: a line `::: quiz <id>` becomes the quiz's server-rendered HTML form.

The form is rendered from the quiz's `spec()` (see ARCHITECTURE.md, "Quiz objects") with the
Jinja2 template `quiz.html`, which a site may override from `site_overrides/edusite/`. The
extension works without MkDocs: give it a mapping of quiz id -> spec and a `Problems`
collector. Python-Markdown keeps no line numbers, so the directive is found by a preprocessor
that runs before anything can merge or stash lines (priority 28: after whitespace
normalisation, before fenced code), and `begin_page()` tells it which file it reads and how
many front-matter lines were stripped above the Markdown it sees.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markupsafe import Markup
from quizkit.base import QUIZ_ID
from quizkit.care import CareSettings, cards
from quizkit.selfcheck import NOT_A_DIAGNOSIS

from edusite.errors import Problems
from edusite.markdown.care import card_html

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE_NAME = "quiz.html"

NAME = "quiz"
"""The directive's name: `::: quiz <id>`."""
DIRECTIVE = re.compile(rf"^(?P<indent>\s*):::\s*{NAME}\b(?P<rest>.*)$")
FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")

CODE_UNKNOWN = "E401"
CODE_MALFORMED = "E402"
CODE_DUPLICATE = "E403"


def template_environment(overrides_dir: str | Path | None = None) -> jinja2.Environment:
    """Jinja environment for quiz partials: a site's `overrides_dir` wins over ours."""
    loaders: list[jinja2.BaseLoader] = []
    if overrides_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(overrides_dir)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES_DIR)))
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render_quiz_form(
    spec: Mapping[str, Any],
    env: jinja2.Environment | None = None,
    runtime: Mapping[str, Any] | None = None,
    care: CareSettings | None = None,
    closing: str = NOT_A_DIAGNOSIS,
) -> str:
    """The HTML form for one quiz spec; `runtime` (URLs for the browser) is embedded as JSON.

    A self-check's red-flag questions are listed first, each marked with its care tier, and
    the form carries every tier's care card (with the site's `care` settings) as a
    `<template>`, so the browser can show a red flag's advice before Python has loaded; and
    its closing sentence (the spec's own `closing`, else the site's `closing`), which the
    browser shows where a result has its `closing` block.
    """
    template = (env or template_environment()).get_template(TEMPLATE_NAME)
    quiz = {"kind": "quiz", "intro": "", "submit_label": "", **spec}
    tiers = {flag["question"]: flag["tier"] for flag in spec.get("red_flags") or []}
    questions = [_question_view(spec["id"], q, tiers) for q in spec.get("questions", [])]
    care_cards = []
    if quiz["kind"] == "selfcheck":
        # card_html serialises elements whose text ElementTree escapes: safe as Markup.
        care_cards = [
            {"tier": tier, "html": Markup(card_html(card))}
            for tier, card in cards(care or CareSettings()).items()
        ]
    return template.render(
        quiz=quiz,
        red_flags=[q for q in questions if q["red_flag"]],
        ordinary=[q for q in questions if not q["red_flag"]],
        care_cards=care_cards,
        closing=(spec.get("closing") or closing) if quiz["kind"] == "selfcheck" else "",
        runtime=runtime,
    ).strip()


def _question_view(
    quiz_id: str, question: Mapping[str, Any], red_flags: Mapping[str, str]
) -> dict[str, Any]:
    """Adds the element ids a question's label, help, unit and error slot share, and its
    red-flag tier (None for an ordinary question)."""
    base = f"quiz-{quiz_id}-{question['id']}"
    kind = question.get("type", "single")
    options = list(question.get("options") or [])
    if kind == "yesno" and not options:
        options = [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}]
    described = [f"{base}-help"] if question.get("help") else []
    if kind == "number" and question.get("unit"):
        described.append(f"{base}-unit")
    described.append(f"{base}-error")
    optional = dict.fromkeys(("help", "unit", "min", "max", "step", "default"))
    default = question.get("default")
    defaults = [] if default is None else [default] if isinstance(default, str) else default
    return {
        **optional,
        "required": False,
        **question,
        "type": kind,
        "options": options,
        "dom_id": base,
        "described_by": " ".join(described),
        "input_type": "checkbox" if kind == "multiple" else "radio",
        "defaults": [str(value) for value in defaults],
        "red_flag": red_flags.get(question["id"]),
    }


class QuizEmbedPreprocessor(Preprocessor):
    """Replaces each `::: quiz <id>` line (outside fenced code) with its stashed form."""

    def __init__(self, md: Markdown, ext: QuizEmbedExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fence: str | None = None
        seen: set[str] = set()
        for number, line in enumerate(lines, start=1):
            fence_match = FENCE.match(line)
            if fence_match:
                marker = fence_match.group("fence")
                if fence is None:
                    fence = marker
                elif marker[0] == fence[0] and len(marker) >= len(fence):
                    fence = None
            match = DIRECTIVE.match(line) if fence is None else None
            if match is None:
                out.append(line)
                continue
            html = self.ext.embed(match.group("rest").split(), number, line, seen)
            placeholder = self.md.htmlStash.store(html) if html else ""
            out.extend(["", match.group("indent") + placeholder, ""])
        return out


class QuizEmbedExtension(Extension):
    """`::: quiz <id>` -> form. Holds the registry and the page being converted."""

    def __init__(
        self,
        specs: Mapping[str, Mapping[str, Any]] | None = None,
        problems: Problems | None = None,
        overrides_dir: str | Path | None = None,
        runtime: Mapping[str, Any] | None = None,
        care: CareSettings | None = None,
        closing: str = NOT_A_DIAGNOSIS,
    ) -> None:
        """`specs`: quiz id -> spec(), None while unknown (a failed compile: embeds are then
        skipped silently, the compiler's problems explain); `runtime`: browser URLs;
        `care`: the site's emergency number and services for self-checks' care cards;
        `closing`: the site's closing sentence of self-check results."""
        super().__init__()
        self.specs: Mapping[str, Mapping[str, Any]] | None = specs
        self.problems = problems if problems is not None else Problems()
        self.env = template_environment(overrides_dir or None)
        self.runtime = runtime
        self.care = care
        self.closing = closing
        self.page_path = "<markdown>"
        self.line_offset = 0
        self.embedded: list[str] = []

    def begin_page(self, path: str, line_offset: int = 0) -> None:
        """Called before each page: where its Markdown comes from, for `path:line` problems."""
        self.page_path = path
        self.line_offset = line_offset
        self.embedded = []

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(QuizEmbedPreprocessor(md, self), "edusite_quiz_embed", 28)

    def reset(self) -> None:
        self.embedded = []

    def embed(self, args: list[str], number: int, source: str, seen: set[str]) -> str:
        """The form for one directive, or "" after recording why it cannot be embedded."""
        line = number + self.line_offset
        if len(args) != 1 or not QUIZ_ID.match(args[0]):
            self.problems.add(
                self.page_path,
                line,
                CODE_MALFORMED,
                "a quiz embed needs exactly one quiz id, like `::: quiz first-aid-quiz`",
                hint="write the directive on its own line: three colons, `quiz`, then the id",
                source_line=source,
            )
            return ""
        quiz_id = args[0]
        if self.specs is None:
            return ""
        spec = self.specs.get(quiz_id)
        if spec is None:
            known = ", ".join(sorted(self.specs)) or "none"
            self.problems.add(
                self.page_path,
                line,
                CODE_UNKNOWN,
                f"unknown quiz id `{quiz_id}`",
                hint=f"known quiz ids: {known} (the `id` of a quiz object in quizzes/)",
                source_line=source,
            )
            return ""
        if quiz_id in seen:
            self.problems.add(
                self.page_path,
                line,
                CODE_DUPLICATE,
                f"quiz `{quiz_id}` is embedded twice on this page",
                hint="embed each quiz once per page",
                source_line=source,
            )
            return ""
        seen.add(quiz_id)
        self.embedded.append(quiz_id)
        return render_quiz_form(spec, self.env, self.runtime, self.care, self.closing)


def makeExtension(**kwargs: Any) -> QuizEmbedExtension:
    return QuizEmbedExtension(**kwargs)
