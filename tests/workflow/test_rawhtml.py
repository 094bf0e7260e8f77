"""The raw-HTML and drawing checks parse HTML as a browser does: encoded or split-up tricks
are found at their own line, and harmless look-alikes are not."""

from __future__ import annotations

from edusite.checks import SourcePage, check_raw_html
from edusite.checks.htmlscan import code_scheme, css_runs_code, posts_elsewhere
from edusite.checks.svg import check_svg
from edusite.errors import ContentProblem


def found(problems: list[ContentProblem]) -> list[tuple[int, str]]:
    return [(problem.line, problem.code) for problem in problems]


def raw(text: str) -> list[tuple[int, str]]:
    return found(check_raw_html(SourcePage.read("content/page.md", text, "page.md")))


def test_urls_are_judged_as_the_browser_reads_them() -> None:
    assert code_scheme("java\tscript:alert(1)") == "javascript:"
    assert code_scheme("  JaVaScRiPt:x") == "javascript:"
    assert code_scheme("\x01vbscript:x") == "vbscript:"
    assert code_scheme("data:text/html,x", "iframe", "src") == "data:"
    assert code_scheme("https://example.org/javascript:x") == ""
    assert code_scheme("../page/#data:x") == ""


def test_data_images_are_allowed_only_where_an_image_is_shown() -> None:
    assert code_scheme("data:image/png;base64,AA", "img", "src") == ""
    assert code_scheme("a.png 1x, data:image/svg+xml,x 2x", "img", "srcset") == ""
    assert code_scheme("data:image/svg+xml,x", "a", "href") == "data:"
    assert code_scheme("a.png 1x, data:text/html,x 2x", "img", "srcset") == "data:"


def test_styles_that_run_code_are_found_through_css_escapes_and_comments() -> None:
    assert css_runs_code("background: url( 'javascript:alert(1)')")
    assert css_runs_code("background: url(\\6a avascript:alert(1))")
    assert css_runs_code("width: expr/**/ession(alert(1))")
    assert not css_runs_code("background: url(images/knee.svg); color: red")


def test_only_forms_that_leave_the_site_are_reported() -> None:
    assert posts_elsewhere("https://collect.example/")
    assert posts_elsewhere("//collect.example/")
    assert posts_elsewhere("/\\collect.example/")
    assert not posts_elsewhere("../search/")
    assert not posts_elsewhere("/search/?q=knee")


def test_entity_encoded_and_split_attributes_are_found_on_their_own_line() -> None:
    text = (
        'Intro\n<a class="x"\n   href="&#106;ava&#x09;script:go()">a</a>\n'
        "<img\n  src=x\n  ONERROR=go()>\n"
        "[b](&#x6A;avascript:go()) and\n[ref]: javascript:go()\n"
    )
    assert raw(text) == [(3, "E503"), (6, "E502"), (7, "E503"), (8, "E503")]


def test_embedding_elements_and_srcdoc_are_forbidden_once_each() -> None:
    text = (
        '<iframe srcdoc="<script>x</script>"></iframe>\n<embed src="x.swf">\n'
        '<base href="https://elsewhere.example/">\n<meta http-equiv="refresh" content="0">\n'
        '<div srcdoc="x">\n<meta name="x" content="y">\n'
    )
    assert raw(text) == [(1, "E504"), (2, "E504"), (3, "E504"), (4, "E504"), (5, "E504")]


def test_look_alikes_and_code_are_not_reported_but_a_data_page_link_is() -> None:
    text = (
        "An autolink <https://example.org/onload=1> and a < b > c.\n"
        '<p title="onclick=go()" data-onclick="x"><img src="data:image/png;base64,AA" alt="">\n'
        "![a dot](data:image/png;base64,AA) [page](data:text/html,x)\n"
        'Code: `<iframe src=x>` and\n\n```html\n<form action="https://x.example"></form>\n```\n'
        '<form action="../search/"><button formaction="./">go</button></form>\n'
    )
    assert raw(text) == [(3, "E503")]


def test_drawings_report_every_way_to_run_code_as_e506() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" onload="go()">\n<script>go()</script>\n'
        "<foreignObject><div>x</div></foreignObject>\n"
        '<a href="javascript:go()"><text>t</text></a>\n'
        '<set attributeName="href" to="javascript:go()"/>\n'
        "<style>circle { fill: url(#g) }</style><circle r='1'/></svg>\n"
    )
    problems = check_svg("content/images/x.svg", svg)
    assert found(problems) == [(1, "E506"), (2, "E506"), (3, "E506"), (4, "E506"), (5, "E506")]
    assert problems[2].message == "<foreignObject> element in an SVG drawing"
    assert problems[0].source_line.startswith("<svg")
