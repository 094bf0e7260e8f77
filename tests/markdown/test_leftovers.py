"""The leftover check: markup shown to a reader as text is reported at its source line.

Each page is rendered as the site renders it (`render`), then `check_leftovers` reads the
final HTML with the page's source; problems are compared as "line CODE message".
"""

from __future__ import annotations

from edusite.checks.leftovers import check_leftovers
from edusite.checks.renderedhtml import parse_rendered
from edusite.structure.sourcepage import SourcePage


def _found(render, text: str):
    return check_leftovers(SourcePage.read("p.md", text), parse_rendered(render(text).html))


def leftovers(render, text: str) -> list[str]:
    return [f"{p.line} {p.code} {p.message}" for p in _found(render, text)]


def hints(render, text: str) -> list[str]:
    return [p.hint for p in _found(render, text)]


def test_a_misspelt_quiz_embed_is_reported_with_the_directive_it_meant(render) -> None:
    text = "Intro.\n\n::: quizz runners-knee-quiz\n"
    assert leftovers(render, text) == [
        "3 E321 the line `::: quizz runners-knee-quiz` is shown as text: `quizz` is not a directive"
    ]
    assert hints(render, text)[0].startswith("did you mean `/// quiz | runners-knee-quiz`?")


def test_a_colon_fence_of_another_tool_is_reported_once_with_what_colons_do_here(render) -> None:
    text = "Intro.\n\n::: note\nText.\n:::\n"
    found = leftovers(render, text)
    assert [line.split(" ")[:2] for line in found] == [["3", "E321"]]
    assert "a quiz is embedded with `/// quiz | <id>`" in hints(render, text)[0]


def test_a_misspelled_block_is_reported_not_rendered_as_text_silently(render) -> None:
    text = "Intro.\n\n/// fqa\n### Q?\nA.\n///\n"
    found = leftovers(render, text)
    assert "3 E310 the block `/// fqa` was not recognised" in found
    assert hints(render, text)[0].startswith("did you mean `/// faq`?")


def test_a_misspelt_quiz_block_is_reported_with_the_whole_line_it_meant(render) -> None:
    text = "Intro.\n\n/// quizz | runners-knee-quiz\n///\n"
    assert "3 E310 the block `/// quizz | runners-knee-quiz` was not recognised" in leftovers(
        render, text
    )
    assert hints(render, text)[0].startswith("did you mean `/// quiz | runners-knee-quiz`?")


def test_a_stray_closing_line_alone_is_reported(render) -> None:
    assert leftovers(render, "Intro.\n\n///\n") == ["3 E310 the block `///` was not recognised"]


def test_a_block_with_an_unknown_option_is_reported(render) -> None:
    found = leftovers(render, "Intro.\n\n/// faq | Title\n### Q?\nA.\n///\n")
    assert found[0] == "3 E310 the block `/// faq | Title` was not recognised"


def test_a_leftover_block_inside_a_list_item_is_found_too(render) -> None:
    assert leftovers(render, "- item\n- /// fqa\n") == [
        "2 E310 the block `/// fqa` was not recognised"
    ]


def test_slashes_colons_and_brackets_in_code_are_not_leftovers(render) -> None:
    text = "```\n/// faq\n::: quizz x\n[^1] [@a]\n```\n\nA path `///x`, `[^1]`, `[@alpha2019]`.\n"
    assert leftovers(render, text) == []


def test_a_footnote_mark_without_the_extension_names_the_setting(render) -> None:
    text = "A claim.[^1]\n\n[^1]: The note.\n"
    assert leftovers(render, text) == [
        "1 E322 the footnote mark `[^1]` is shown as text",
        "3 E322 the footnote mark `[^1]` is shown as text",
    ]
    assert "add `footnotes` to `markdown_extensions` in mkdocs.yml" in hints(render, text)[0]


def test_a_footnote_mark_without_its_text_says_so(render) -> None:
    assert "there is no footnote text `[^note]: ...`" in hints(render, "A claim.[^note]\n")[0]


def test_a_citation_inside_raw_html_is_reported(render) -> None:
    text = "Intro.\n\n<div>\nSee [@alpha2019, p. 5].\n</div>\n"
    assert leftovers(render, text) == ["4 E320 the citation `[@alpha2019, p. 5]` is shown as text"]
    assert "Markdown is not read inside raw HTML" in hints(render, text)[0]


def test_a_citation_the_extension_reported_is_not_reported_again(render) -> None:
    out = render("Bad [@alpah2019] and [@alpha2019 @beta2020] and [see @x; p. 5].\n")
    assert [p.split(" ")[1] for p in out.problems] == ["E210", "E211", "E211"]
    assert check_leftovers(SourcePage.read("p.md", "x"), parse_rendered(out.html)) == []


def test_escaped_markup_is_text_on_purpose(render) -> None:
    assert leftovers(render, "Write \\[@key] to cite, and \\[^1] for a note.\n") == []


def test_repeated_leftovers_are_reported_at_each_of_their_lines(render) -> None:
    text = "One.[^1]\n\nTwo.[^1]\n\nThree.[^1]\n"
    assert [line.split(" ")[0] for line in leftovers(render, text)] == ["1", "3", "5"]


def test_an_e_mail_address_in_brackets_is_not_a_citation(render) -> None:
    assert leftovers(render, "Write to us [help@example.org].\n") == []


def test_the_lines_a_reader_sees_leave_out_code_scripts_attributes_and_reported_citations() -> None:
    html = (
        '<p title="[@a]">Text <code>[@b]</code> <span class="citation-unresolved">[@c]</span>'
        "</p><script>[@d]</script><pre>[@e]</pre><p>next<br>line</p>"
    )
    assert parse_rendered(html).lines == ["Text", "next", "line"]


def test_an_unclosed_element_in_raw_html_does_not_hide_the_rest_of_the_page() -> None:
    assert parse_rendered("<p><code>x<b>y</code> [@a]</p>").lines == ["[@a]"]
