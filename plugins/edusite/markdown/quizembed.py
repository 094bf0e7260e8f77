"""Quiz embeds: a `/// quiz | <id>` block becomes the quiz's server-rendered HTML form.

    /// quiz | runners-knee-quiz
    ///

The block is a pymdown-extensions Blocks block, like `/// faq` and `/// care`, so it is
never read inside code. The form is rendered from the quiz's `spec()` (see ARCHITECTURE.md,
"Quiz objects") with the Jinja2 template `quiz.html`, which a site may override from
`site_overrides/edusite/`. The extension works without MkDocs: give it a mapping of quiz
id -> spec and a `Problems` collector. Python-Markdown keeps no line numbers, so a
preprocessor that runs before anything can merge or stash lines (priority 28: after
whitespace normalisation, before fenced code) notes the line of each opening outside fenced
code, and `begin_page()` hands it the page's `SourcePage` (its path, and the front-matter
lines stripped above the Markdown it sees); problems quote the file's own line. The same
preprocessor still accepts the old form `::: quiz <id>` (not indented as code), rewriting it
to the block and warning (W404) with the line to write instead.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markupsafe import Markup
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block
from quizkit.base import QUIZ_ID
from quizkit.care import CareSettings, cards
from quizkit.selfcheck import NOT_A_DIAGNOSIS

from edusite.errors import ContentProblem, Problems
from edusite.markdown.care import card_html
from edusite.structure.sourcepage import SourcePage

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE_NAME = "quiz.html"

NAME = "quiz"
"""The block's name: `/// quiz | <id>`."""
OPENING = re.compile(rf"^(?P<indent>[ \t>]*)/{{3,}}[ \t]*{NAME}\b[ \t]*(?:\|(?P<rest>.*))?$")
OLD_FORM = re.compile(rf"^(?P<indent> {{0,3}}):::\s*{NAME}\b(?P<rest>.*)$")
"""The old embed, `::: quiz <id>`, still accepted (W404); four spaces in, it is code."""
CLOSING = re.compile(r"^[ \t>]*/{3,}\s*$")
FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")

CODE_UNKNOWN = "E401"
CODE_MALFORMED = "E402"
CODE_DUPLICATE = "E403"
CODE_OLD_FORM = "W404"


def embedded_ids(lines: list[str]) -> list[str]:
    """The quiz ids these lines embed (code already masked by the caller), in either form;
    a malformed embed is the extension's to report (E402)."""
    found = (OPENING.match(line) or OLD_FORM.match(line) for line in lines)
    return [words[0] for match in found if match and (words := (match["rest"] or "").split())]


def embed_line(quiz_id: str) -> str:
    """The line an editor writes to embed `quiz_id` (the block is closed by `///`)."""
    return f"/// {NAME} | {quiz_id}".rstrip(" |")


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


class QuizLinePreprocessor(Preprocessor):
    """Notes the line of each quiz opening outside fenced code (the block cannot know it);
    rewrites the old `::: quiz <id>` to the block, with a warning."""

    def __init__(self, md: Markdown, ext: QuizEmbedExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fence: str | None = None
        self.ext.begin_text("\n".join(lines))
        offset = self.ext.page.body_offset
        for index, line in enumerate(lines):
            number = index + 1 + offset
            fence_match = FENCE.match(line)
            if fence_match:
                marker = fence_match.group("fence")
                if fence is None:
                    fence = marker
                elif marker[0] == fence[0] and len(marker) >= len(fence):
                    fence = None
            opening = OPENING.match(line) if fence is None else None
            old = OLD_FORM.match(line) if fence is None else None
            closed = index + 1 < len(lines) and CLOSING.match(lines[index + 1]) is not None
            if opening is not None:
                argument = " ".join((opening.group("rest") or "").split())
                top = len(opening.group("indent").expandtabs(4)) < 4  # deeper: code, or nested
                self.ext.openings.append((number, argument, closed, top))
            if old is None:
                out.append(line)
                continue
            rest = " ".join(old.group("rest").split())
            self.ext.openings.append((number, rest, True, True))
            self.ext.warn(
                self.ext.page.problem(
                    number,
                    CODE_OLD_FORM,
                    "`::: quiz` is the old way to embed a quiz",
                    f"write `{embed_line(rest)}` and, on the next line, `///`",
                )
            )
            indent = old.group("indent")
            out.extend(["", f"{indent}/// {NAME} | {rest}", f"{indent}///", ""])
        return out


class QuizBlock(Block):
    """`/// quiz | <id>` then `///`: the quiz's form; the block holds nothing else."""

    NAME = NAME
    ARGUMENT = None  # optional for Blocks, so a missing id is E402 rather than plain text
    OPTIONS: dict[str, tuple[Any, Any]] = {}  # noqa: RUF012 - the Blocks API's declaration

    def on_init(self) -> None:
        self.ext: QuizEmbedExtension = self.config["ext"]
        self.parent: etree.Element | None = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        """The form goes in at once (a block left open gets no `on_end`); the returned
        element takes whatever was written inside the block, and `on_end` unwraps it."""
        self.parent = parent
        argument = " ".join((self.argument or "").split())
        top_level = parent is self.md.parser.root  # the document element while parsing
        line, closed = self.ext.claim_line(argument, top_level)
        seen = self.tracker.setdefault("seen", set())
        html = self.ext.embed(argument.split(), line, seen)
        if not closed:
            self.ext.report(
                line,
                CODE_MALFORMED,
                "the quiz block is not closed on the next line",
                f"write `///` on the line after `{embed_line(argument or '<id>')}`",
            )
        if html:
            etree.SubElement(parent, "p").text = self.md.htmlStash.store(html)
        return etree.SubElement(parent, "div")

    def on_end(self, block: etree.Element) -> None:
        """Anything written inside the block stays, after the form (E402 says why)."""
        if self.parent is None or block not in list(self.parent):
            return
        at = list(self.parent).index(block)
        self.parent.remove(block)
        for offset, child in enumerate(block):
            self.parent.insert(at + offset, child)


class QuizEmbedExtension(BlocksExtension):
    """`/// quiz | <id>` -> form. Holds the registry and the page being converted."""

    def __init__(
        self,
        specs: Mapping[str, Mapping[str, Any]] | None = None,
        problems: Problems | None = None,
        overrides_dir: str | Path | None = None,
        runtime: Mapping[str, Any] | None = None,
        care: CareSettings | None = None,
        closing: str = NOT_A_DIAGNOSIS,
        warn: Callable[[ContentProblem], None] | None = None,
    ) -> None:
        """`specs`: quiz id -> spec(), None while unknown (a failed compile: embeds are then
        skipped silently, the compiler's problems explain); `runtime`: browser URLs;
        `care`: the site's emergency number and services for self-checks' care cards
        (`quiz_runtime`, set after compiling: quiz id -> what its form adds to `runtime`
        under "quiz", the bundle the browser loads for it);
        `closing`: the site's closing sentence of self-check results; `warn`: called with
        each warning (W404), which is otherwise kept in `warnings`."""
        super().__init__()
        self.specs: Mapping[str, Mapping[str, Any]] | None = specs
        self.problems = problems if problems is not None else Problems()
        self.env = template_environment(overrides_dir or None)
        self.runtime = runtime
        self.quiz_runtime: Mapping[str, Mapping[str, Any]] = {}
        self.care = care
        self.closing = closing
        self.warnings: list[ContentProblem] = []
        self.warn = warn or self.warnings.append
        self.page = SourcePage.snippet("<markdown>", "")
        self._announced = False
        self.embedded: list[str] = []
        self.openings: list[tuple[int, str, bool, bool]] = []
        """Each quiz opening's line, argument, whether the next line closes it and
        whether it is indented less than four spaces (where a top-level block can be)."""

    def begin_page(self, page: SourcePage) -> None:
        """Called before each page: the file its Markdown comes from, for `path:line`."""
        self.page = page
        self._announced = True
        self.reset()

    def begin_text(self, markdown: str) -> None:
        """Called once per conversion; one nobody announced is a page of its own."""
        if not self._announced:
            self.page = SourcePage.snippet(self.page.path, markdown, self.page.src_uri)
        self._announced = False
        self.openings = []

    def report(self, line: int, code: str, message: str, hint: str) -> None:
        """A problem at `line` of the page being rendered."""
        self.problems.append(self.page.problem(line, code, message, hint))

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        md.registerExtension(self)
        md.preprocessors.register(QuizLinePreprocessor(md, self), "edusite_quiz_lines", 28)
        block_mgr.register(QuizBlock, {"ext": self})

    def reset(self) -> None:
        self.embedded = []
        self.openings = []

    def claim_line(self, argument: str, top_level: bool) -> tuple[int, bool]:
        """(line, closed?) of the next quiz opening with this argument, else of
        the next one. Openings the preprocessor saw but Blocks does not (in indented code)
        are passed over: by the argument, and a top-level block takes no indented line."""
        fits = [i for i, opening in enumerate(self.openings) if opening[3] or not top_level]
        for index in fits:
            if self.openings[index][1] == argument:
                return self._pop(index)
        return self._pop(fits[0]) if fits else (self.page.body_offset + 1, True)

    def _pop(self, index: int) -> tuple[int, bool]:
        line, _, closed, _ = self.openings.pop(index)
        return line, closed

    def embed(self, args: list[str], line: int, seen: set[str]) -> str:
        """The form for one block, or "" after recording why it cannot be embedded."""
        if len(args) != 1 or not QUIZ_ID.match(args[0]):
            self.report(
                line,
                CODE_MALFORMED,
                f"a quiz embed needs exactly one quiz id, like `{embed_line('first-aid-quiz')}`",
                "write the block on its own lines: `/// quiz | <id>`, then `///`",
            )
            return ""
        quiz_id = args[0]
        if self.specs is None:
            return ""
        spec = self.specs.get(quiz_id)
        if spec is None:
            known = ", ".join(sorted(self.specs)) or "none"
            self.report(
                line,
                CODE_UNKNOWN,
                f"unknown quiz id `{quiz_id}`",
                f"known quiz ids: {known} (the `id` of a quiz object in quizzes/)",
            )
            return ""
        if quiz_id in seen:
            self.report(
                line,
                CODE_DUPLICATE,
                f"quiz `{quiz_id}` is embedded twice on this page",
                "embed each quiz once per page",
            )
            return ""
        seen.add(quiz_id)
        self.embedded.append(quiz_id)
        runtime = self.runtime
        if runtime is not None and quiz_id in self.quiz_runtime:
            runtime = {**runtime, "quiz": self.quiz_runtime[quiz_id]}
        return render_quiz_form(spec, self.env, runtime, self.care, self.closing)


def makeExtension(**kwargs: Any) -> QuizEmbedExtension:
    return QuizEmbedExtension(**kwargs)
