"""The `/// quiz | <id>` embed: the form it renders and the problems it reports."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from edusite.errors import Problems
from edusite.markdown.quizembed import QuizEmbedExtension, render_quiz_form
from edusite.structure.sourcepage import SourcePage

SPEC = {
    "id": "demo-check",
    "kind": "selfcheck",
    "title": "Check <your> knee",
    "intro": "Answer for the last week.",
    "submit_label": "Check",
    "questions": [
        {
            "id": "swelling",
            "type": "yesno",
            "prompt": "Is the knee swollen?",
            "help": "Compare with the other knee.",
            "options": [],
            "required": True,
        },
        {
            "id": "where",
            "type": "multiple",
            "prompt": "Where does it hurt?",
            "help": "",
            "options": [{"value": "front", "label": "Front"}, {"value": "side", "label": "Side"}],
            "default": "side",
        },
        {
            "id": "km",
            "type": "number",
            "prompt": "Weekly distance",
            "help": "Last 4 weeks.",
            "unit": "km",
            "min": 0,
            "max": 300,
            "step": 0.5,
            "required": True,
            "default": "20",
        },
    ],
}


def convert(text: str, specs=None, **config) -> tuple[str, Problems, QuizEmbedExtension]:
    problems = Problems()
    ext = QuizEmbedExtension(specs=specs or {"demo-check": SPEC}, problems=problems, **config)
    md = markdown.Markdown(extensions=[ext, "pymdownx.superfences", "admonition"])
    ext.begin_page(SourcePage.read("content/page.md", "---\ntitle: Page\n---\n\n" + text))
    return md.convert(text), problems, ext


class Elements(HTMLParser):
    """Collects start tags as (tag, attrs) to assert on structure, not on whitespace."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))

    def find(self, tag: str, **want: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in want.items())]


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


def test_directive_becomes_an_accessible_form() -> None:
    html, problems, ext = convert("# Title\n\nText.\n\n/// quiz | demo-check\n///\n\nAfter.\n")
    assert not list(problems)
    assert ext.embedded == ["demo-check"]
    assert "/// quiz" not in html
    assert "<div>" not in html  # the form replaces the block, no wrapper
    assert "Check &lt;your&gt; knee" in html  # escaped, never raw
    el = parse(html)
    (form,) = el.find("form", **{"data-quiz-id": "demo-check"})
    assert "edusite-quiz" in (form["class"] or "")
    assert len(el.find("fieldset")) == 2
    assert len(el.find("legend")) == 2
    # yes/no without options gets Yes and No, each labelled.
    radios = el.find("input", type="radio", name="swelling")
    assert [r["value"] for r in radios] == ["yes", "no"]
    for r in radios:
        assert el.find("label", **{"for": r["id"]})
    assert len(el.find("input", type="checkbox", name="where")) == 2
    checked = [a["value"] for t, a in el.tags if t == "input" and "checked" in a]
    assert checked == ["side"]  # the spec's default is pre-selected
    assert el.find("input", name="km", value="20")
    (number,) = el.find("input", type="number", name="km")
    assert (number["min"], number["max"], number["step"]) == ("0", "300", "0.5")
    km = "quiz-demo-check-km"
    assert number["aria-describedby"] == f"{km}-help {km}-unit {km}-error"
    assert el.find("span", id="quiz-demo-check-km-unit")
    assert el.find("label", **{"for": "quiz-demo-check-km"})
    # every id named by aria-describedby exists
    ids = {a.get("id") for _, a in el.tags}
    for _, attrs in el.tags:
        for ref in (attrs.get("aria-describedby") or "").split():
            assert ref in ids, ref
    assert el.find("div", **{"aria-live": "polite"})
    assert el.find("div", role="status")
    assert el.find("button", type="submit")
    assert el.find("button", type="button")
    assert "<noscript>" in html


def test_unknown_id_reports_file_and_line_with_front_matter_offset() -> None:
    _, problems, _ = convert("Intro\n\n/// quiz | no-such-quiz\n///\n")
    (problem,) = list(problems)
    assert (problem.path, problem.line, problem.code) == ("content/page.md", 3 + 4, "E401")
    assert "no-such-quiz" in problem.message
    assert "demo-check" in problem.hint
    assert problem.source_line == "/// quiz | no-such-quiz"


@pytest.mark.parametrize(
    "line", ["/// quiz", "/// quiz | a b", "/// quiz | Not_An_Id", "::: quiz a b"]
)
def test_malformed_directive_is_a_problem(line: str) -> None:
    _, problems, _ = convert(f"{line}\n///\n")
    assert [(p.line, p.code) for p in problems] == [(5, "E402")]


def test_same_quiz_twice_on_a_page_is_a_problem() -> None:
    html, problems, _ = convert("/// quiz | demo-check\n///\n\n/// quiz | demo-check\n///\n")
    assert [(p.line, p.code) for p in problems] == [(8, "E403")]
    assert html.count("<form") == 1


def test_directive_inside_fenced_code_stays_code() -> None:
    text = "```markdown\n/// quiz | demo-check\n///\n```\n\n~~~\n::: quiz unknown-one\n~~~\n"
    html, problems, ext = convert(text)
    assert not list(problems)
    assert not ext.warnings
    assert ext.embedded == []
    assert "<form" not in html
    assert "/// quiz | demo-check\n///" in html
    assert "::: quiz unknown-one" in html


def test_a_block_inside_indented_code_stays_code_and_lines_stay_right() -> None:
    """The old preprocessor rewrote `::: quiz` inside indented code; the block is not read
    there, and the line of a real embed below is still the right one."""
    text = "Write:\n\n    /// quiz | demo-check\n    ///\n    ::: quiz demo-check\n\nNow:\n\n"
    text += "/// quiz | demo-check\n///\n\n/// quiz | demo-check\n///\n"
    html, problems, ext = convert(text)
    assert "<pre><code>/// quiz | demo-check\n///\n::: quiz demo-check\n</code></pre>" in html
    assert html.count("<form") == 1
    assert not ext.warnings
    assert [(p.line, p.code) for p in problems] == [(12 + 4, "E403")]


def test_the_old_form_still_embeds_and_warns_with_the_line_to_write() -> None:
    html, problems, ext = convert("Intro\n\n::: quiz demo-check\n\nAfter.\n")
    assert not list(problems)
    assert html.count("<form") == 1
    assert "After." in html
    (warning,) = ext.warnings
    assert (warning.line, warning.code, warning.source_line) == (7, "W404", "::: quiz demo-check")
    assert "write `/// quiz | demo-check` and, on the next line, `///`" in warning.hint


@pytest.mark.parametrize("text", ["/// quiz | demo-check\n", "/// quiz | demo-check\nText.\n"])
def test_a_block_not_closed_on_the_next_line_is_a_problem(text: str) -> None:
    html, problems, _ = convert("Intro\n\n" + text + "\nMore.\n")
    assert [(p.line, p.code) for p in problems] == [(7, "E402")]
    assert "More." in html  # nothing the editor wrote is lost
    assert html.count("<form") == 1


def test_directive_inside_an_admonition() -> None:
    html, problems, _ = convert('!!! note "Try it"\n    /// quiz | demo-check\n    ///\n')
    assert not list(problems)
    assert '<div class="admonition note">' in html
    assert html.index("<form") > html.index("admonition note")


def test_runtime_config_is_embedded_as_json() -> None:
    runtime = {"worker": "_edusite/assets/x/quiz-worker.js", "note": "it's </form><b>"}
    html = render_quiz_form(SPEC, runtime=runtime)
    (form,) = parse(html).find("form")
    assert json.loads(form["data-edusite-runtime"] or "") == runtime
    assert "</form><b>" not in html  # tojson escapes <, >, & and the quote


def test_each_form_names_its_own_quiz_bundle_beside_the_shared_runtime() -> None:
    runtime = {"shared": "_edusite/quiz/edusite_shared-1.zip"}
    problems = Problems()
    specs = {"demo-check": SPEC, "other-check": {**SPEC, "id": "other-check"}}
    ext = QuizEmbedExtension(specs=specs, problems=problems, runtime=runtime)
    ext.quiz_runtime = {"demo-check": {"bundle": "_edusite/quiz/quizzes.demo-2.zip"}}
    md = markdown.Markdown(extensions=[ext])
    html = md.convert("/// quiz | demo-check\n///\n\n/// quiz | other-check\n///\n")
    forms = {
        f["data-quiz-id"]: json.loads(f["data-edusite-runtime"] or "")
        for f in parse(html).find("form")
    }
    bundle = {"bundle": "_edusite/quiz/quizzes.demo-2.zip"}
    assert forms["demo-check"] == {**runtime, "quiz": bundle}
    assert forms["other-check"] == runtime  # no bundle known: the shared runtime alone
    assert len(problems) == 0


def test_site_override_replaces_the_template(tmp_path: Path) -> None:
    (tmp_path / "quiz.html").write_text('<form data-quiz-id="{{ quiz.id }}">custom</form>')
    html, _, _ = convert("/// quiz | demo-check\n///\n", overrides_dir=str(tmp_path))
    assert '<form data-quiz-id="demo-check">custom</form>' in html


def test_a_self_checks_red_flags_come_first_with_their_tier_and_every_care_card() -> None:
    from quizkit.care import TIER_IDS, CareSettings

    spec = {**SPEC, "red_flags": [{"question": "swelling", "tier": "urgent"}]}
    html = render_quiz_form(spec, care=CareSettings(emergency_number="112"))
    el = parse(html)
    assert el.find("li", **{"data-question-id": "swelling", "data-red-flag-tier": "urgent"})
    assert [a["data-question-id"] for a in el.find("li") if "data-question-id" in a] == [
        "swelling",
        "where",
        "km",
    ]
    templates = el.find("template")
    assert [a["data-care-tier"] for a in templates if "data-care-tier" in a] == list(TIER_IDS)
    assert "Call 112 or go to A&amp;E now" in html
    assert html.count('class="edusite-quiz__care"') == 1  # under the one red flag
    assert el.find("ol", start="2")  # the numbering goes on after the warning signs


def closing_text(html: str) -> str:
    start = html.index('<template class="edusite-quiz__closing-template">')
    return html[html.index(">", start) + 1 : html.index("</template>", start)]


def test_a_self_check_carries_the_sites_closing_sentence_unless_it_has_its_own() -> None:
    from quizkit import NOT_A_DIAGNOSIS

    assert closing_text(render_quiz_form(SPEC)) == NOT_A_DIAGNOSIS  # quizkit's default
    site = "Only a vet who examines your dog can tell what is wrong & why."
    assert closing_text(render_quiz_form(SPEC, closing=site)) == (
        "Only a vet who examines your dog can tell what is wrong &amp; why."
    )
    own = {**SPEC, "closing": "Ask your pharmacist <today>."}
    assert closing_text(render_quiz_form(own, closing=site)) == "Ask your pharmacist &lt;today&gt;."
    html, _, _ = convert("/// quiz | demo-check\n///\n", closing=site)
    assert "Only a vet who examines your dog" in html


def test_quizzes_and_tools_carry_no_care_cards() -> None:
    html = render_quiz_form({**SPEC, "kind": "quiz"})
    assert "<template" not in html
    assert "edusite-quiz__care" not in html
