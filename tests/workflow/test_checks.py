"""The editors' checks on small sources: what they find, at which line, and what they ignore."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from edusite.checkrun import EXIT_CONFIG, check_site
from edusite.checks import SiteIndex, SourcePage, check_headings, check_links, check_raw_html
from edusite.checks.annotate import github_annotation
from edusite.checks.images import check_images
from edusite.checks.quizlinks import (
    QuizModule,
    check_quiz_links,
    cited_keys_by_line,
    embedded_quizzes,
    fragment_links,
)
from edusite.checks.refs import find_refs
from edusite.checks.renderedhtml import parse_rendered
from edusite.errors import ContentProblem
from edusite.preview import banner, inject
from edusite.structure.sourcepage import front_matter_end, mask

from tests.badinputs.sitecopy import add_plugin_options, make_site, run
from tests.badinputs.test_corpus import reported


def doc(text: str, src_uri: str = "page.md") -> SourcePage:
    return SourcePage.read(f"content/{src_uri}", text, src_uri)


def found(problems: list[ContentProblem]) -> list[tuple[int, str]]:
    return [(problem.line, problem.code) for problem in problems]


def test_mask_keeps_lines_and_hides_code_comments_and_front_matter() -> None:
    text = (
        "---\ntitle: <script>\n---\nA `<script>` span.\n"
        "~~~\n<script>\n~~~\n<!-- <script>\n-->\n"
        "!!! note\n    ```html\n    <script>\n    ```\n<script>\n"
    )
    masked = mask(text)
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    assert masked.count("<script>") == 1
    assert masked.splitlines()[13] == "<script>"
    assert front_matter_end(text) == len("---\ntitle: <script>\n---\n")
    assert front_matter_end("--- not front matter\n") == 0


def test_an_unclosed_fence_hides_the_rest_but_a_lone_backtick_does_not() -> None:
    assert "<script>" not in mask("```\n<script>\n")
    assert "<script>" in mask("It's a ` tick.\n\n<script>\n\nAnother `.\n")


def test_headings_inside_call_outs_count_but_indented_code_does_not() -> None:
    source = doc(
        "## Rest {#rest}\n\n!!! tip\n    ## Rest\n\n        ## Rest\n\n## C# tips ##\n## C#\n"
    )
    assert found(check_headings(source)) == [(4, "E602")]


def test_empty_headings_and_repeated_ids() -> None:
    source = doc("## {#a}\n\n#\n\n## One {#a}\n\n## Two {: #a .wide}\n")
    problems = check_headings(source)
    assert found(problems) == [(1, "E601"), (3, "E601"), (7, "E603")]
    assert problems[2].message == 'duplicate heading id "#a" (same as line 5)'
    assert problems[2].source_line == "## Two {: #a .wide}"


def test_raw_html_that_runs_code_is_found_on_its_own_line() -> None:
    source = doc(
        "<div\n  class='x'\n  onClick=\"go()\">hi</div>\n\n"
        "<SCRIPT>x</SCRIPT>\n[a](javascript:go()) [b](https://example.org)\n"
        "<a href=' javascript:go()'>c</a> and a < b > c.\n"
        '<img alt="tap onto=it" src="x.svg" data-onclick="y">\n'
    )
    assert found(check_raw_html(source)) == [(3, "E502"), (5, "E501"), (6, "E503"), (7, "E503")]


def test_refs_read_titles_brackets_references_and_skip_footnotes() -> None:
    source = doc(
        '[a [nested] text](other.md#x "Title") ![alt](<my pic.png>)\n'
        "![logo][img]\n\n[img]: images/logo.svg\n[^1]: A footnote, not a link.\n"
        '<img alt="" src="x.png"> <a href="about.md">about</a>\n'
    )
    refs = [(ref.kind, ref.target, ref.alt) for ref in find_refs(source)]
    assert refs == [
        ("link", "other.md#x", None),
        ("image", "my pic.png", "alt"),
        ("image", "images/logo.svg", "logo"),
        ("link", "images/logo.svg", None),
        ("image", "x.png", ""),
        ("link", "about.md", None),
    ]


def test_images_need_alt_text_and_a_file(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "knee.svg").write_text("<svg/>")
    source = doc(
        "![Knee](../images/knee.svg)\n![Knee](images/knee.svg)\n"
        "![ ](https://example.org/x.png)\n![Gone](/images/gone.svg)\n",
        "guides/page.md",
    )
    problems = check_images(source, tmp_path)
    assert found(problems) == [(2, "E512"), (3, "E511"), (4, "E512")]
    assert problems[0].message == "image file not found: images/knee.svg"
    assert problems[0].hint.startswith(f"Add the file as {tmp_path.name}/guides/images/knee.svg")


@pytest.fixture
def index() -> SiteIndex:
    site = SiteIndex()
    site.add_anchors("index.md", "", parse_rendered('<h2 id="start">Start</h2>').ids)
    knee = parse_rendered('<h2 id="symptoms">S</h2><a name="old"></a>')
    site.add_anchors("guides/knee.md", "guides/knee/", knee.ids)
    site.files.add("files/leaflet.pdf")
    return site


def test_links_resolve_like_mkdocs_files_and_urls(index: SiteIndex) -> None:
    source = doc(
        "[a](../index.md#start) [b](knee.md#symptoms) [c](#old) [d](../files/leaflet.pdf)\n"
        "[e](../../#start) [f](/guides/knee/#symptoms) [g](https://example.org/#x)\n"
        "[h](knee.md#symptom) [i](../index.md#gone) [j](knees.md) [k](../files/other.pdf)\n",
        "guides/knee.md",
    )
    problems = check_links(source, "guides/knee/", index)
    assert found(problems) == [(3, "E522"), (3, "E522"), (3, "E521"), (3, "E521")]
    assert problems[0].message == 'link to "#symptom", but this page has no such section'
    assert problems[0].hint.endswith("Did you mean #symptoms?")
    assert problems[1].message == 'link to "#gone", but index.md has no such section'


def test_the_preview_banner_escapes_and_puts_this_pages_problems_first() -> None:
    problems = [
        ContentProblem("content/a.md", 3, "E501", "raw <script> tag in Markdown"),
        ContentProblem("content/b.md", 1, "E601", "empty heading"),
    ]
    html = banner(problems, ["a <warning>"], "content/b.md")
    assert html.index("content/b.md:1") < html.index("content/a.md:3")
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "WARNING: a &lt;warning&gt;" in html
    assert banner([], [], "content/a.md") == ""
    page = '<body><article class="md-content__inner md-typeset"><h1>T</h1>'
    assert inject(page, "<b>!</b>") == (
        '<body><article class="md-content__inner md-typeset"><b>!</b><h1>T</h1>'
    )


def test_check_without_a_site_says_so_and_exits_2(tmp_path: Path) -> None:
    out = io.StringIO()
    assert check_site(tmp_path / "mkdocs.yml", out=out) == EXIT_CONFIG
    assert out.getvalue().startswith("edusite check: cannot load the MkDocs configuration: ")


def test_github_annotations_escape_and_carry_file_line_and_hint() -> None:
    problem = ContentProblem(
        "content/a,b.md", 7, "E522", 'link to "#x", but 100% missing', "Did you mean:\n#y?"
    )
    assert github_annotation(problem) == (
        '::error file=content/a%2Cb.md,line=7,title=E522 link to "#x"%2C but 100%25 missing'
        '::link to "#x", but 100%25 missing%0Ahint: Did you mean:%0A#y?'
    )


def test_check_annotates_pull_requests_when_run_in_github_actions(tmp_path: Path) -> None:
    case = Path(__file__).parents[1] / "badinputs" / "cases" / "many-problems-at-once"
    site = make_site(tmp_path / "site", case / "files").parent
    result = run(["edusite.cli", "check"], site, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    annotations = result.stdout.splitlines()
    problems = [line for line in reported(result.stderr) if not line.startswith("WARNING")]
    assert len(annotations) == len(problems) > 5
    assert all(line.startswith("::error file=") for line in annotations)
    assert "::error file=content/guide.md,line=21,title=E501 raw <script> tag" in result.stdout


def test_quiz_links_are_string_literals_that_are_exactly_an_anchor() -> None:
    module = (
        'LINKS = [("Shoes", "#shoes"), ("Away", "https://example.org/#x")]\n'
        'TEXT = "Read #shoes first"  # "#not-a-string"\n'
        "HREF = f'#{name}'\n"
        "BACK = '#when-to-see-a-doctor'\n"
    )
    assert fragment_links(module) == [("#shoes", 1), ("#when-to-see-a-doctor", 4)]
    assert fragment_links("x = (\n") == []


def test_quiz_links_are_checked_on_every_page_that_embeds_the_quiz(
    index: SiteIndex, tmp_path: Path
) -> None:
    quiz = tmp_path / "quiz.py"
    quiz.write_text('LINKS = [("S", "#symptoms"), ("Start", "#start")]\n')
    page = doc(
        "Text\n\n/// quiz | knee-quiz\n///\n\n```\n/// quiz | other-quiz\n```\n\n"
        "::: quiz old-form\n"
    )
    assert embedded_quizzes(page) == ["knee-quiz", "old-form"]
    embeds = {"guides/knee.md": ["knee-quiz"], "index.md": ["knee-quiz"]}
    modules = {"knee-quiz": QuizModule("quizzes/knee/quiz.py", quiz)}
    problems = check_quiz_links(embeds, modules, index)
    assert [(p.path, p.line, p.code, p.message) for p in problems] == [
        (
            "quizzes/knee/quiz.py",
            1,
            "E523",
            'quiz link to "#start", but guides/knee.md (which embeds knee-quiz) has no '
            "such section",
        ),
        (
            "quizzes/knee/quiz.py",
            1,
            "E523",
            'quiz link to "#symptoms", but index.md (which embeds knee-quiz) has no such section',
        ),
    ]


def test_quiz_citation_keys_are_found_with_their_lines() -> None:
    module = 'A = "Ice helps [@aaos-pfps]."\nB = (\n    "Both [@neal2019; @logan2017]"\n)\n'
    assert cited_keys_by_line(module) == [("aaos-pfps", 1), ("logan2017", 3), ("neal2019", 3)]


def test_quiz_citations_must_be_listed_by_every_page_that_embeds_the_quiz(
    tmp_path: Path,
) -> None:
    quiz = tmp_path / "quiz.py"
    quiz.write_text('WHY = "Taping helps with therapy [@logan2017; @typo2020]."\n')
    site = SiteIndex()
    site.add_anchors("knee.md", "knee/", parse_rendered('<li id="source-logan2017">Logan</li>').ids)
    site.add_anchors("index.md", "", parse_rendered("<p>No sources here.</p>").ids)
    embeds = {"knee.md": ["knee-quiz"], "index.md": ["knee-quiz"]}
    modules = {"knee-quiz": QuizModule("quizzes/knee/quiz.py", quiz)}
    problems = check_quiz_links(embeds, modules, site, bibliography_keys={"logan2017"})
    assert [(p.path, p.line, p.code, p.message) for p in problems] == [
        (
            "quizzes/knee/quiz.py",
            1,
            "E524",
            "quiz cites [@logan2017], but index.md (which embeds knee-quiz) does not cite that "
            "source, so readers get no link to it",
        )
    ]  # typo2020 is not in the bibliography: the quiz compiler reports it (E4xx), not this


@pytest.mark.slow
def test_a_missing_pyodide_runtime_is_named_with_the_fix_not_a_traceback(tmp_path: Path) -> None:
    config = make_site(tmp_path / "site")
    add_plugin_options(config, "pyodide_dir: node_modules/no-such-pyodide")
    for args in (["edusite.cli", "check"], ["mkdocs", "build", "--strict"]):
        done = run(args, config.parent)
        output = done.stdout + done.stderr
        assert done.returncode != 0, args
        assert "Traceback" not in output, output
        assert "the Pyodide runtime is missing at" in output, output
        assert "`npm ci`" in output
        assert not (config.parent / "site").exists()
