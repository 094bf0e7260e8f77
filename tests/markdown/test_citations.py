"""The citations extension on its own: numbering, ids, back links, code, problems."""

from __future__ import annotations

import re

import markdown
from edusite.markdown.citations import CitationsExtension


def numbers(html: str) -> list[tuple[str, str]]:
    """(id, visible number) of every citation, in document order."""
    return re.findall(r'<sup class="citation" id="([^"]+)"><a href="#source-[^"]+">(\d+)</a>', html)


def test_numbers_follow_first_use_in_reading_order(render) -> None:
    # The list comes before the paragraph that follows it: Python-Markdown's inline pass
    # reaches nested list items last, the numbers must not.
    out = render("- first [@beta2020]\n  - nested [@org-page]\n\nThen [@alpha2019].\n")
    assert numbers(out.html) == [
        ("cite-beta2020-1", "1"),
        ("cite-org-page-1", "2"),
        ("cite-alpha2019-1", "3"),
    ]
    assert out.result.cited == ["beta2020", "org-page", "alpha2019"]
    assert out.problems == []


def test_a_repeated_citation_reuses_its_number_with_its_own_id(render) -> None:
    out = render("A [@alpha2019]. B [@beta2020]. C [@alpha2019].\n")
    assert numbers(out.html) == [
        ("cite-alpha2019-1", "1"),
        ("cite-beta2020-1", "2"),
        ("cite-alpha2019-2", "1"),
    ]
    entry = re.search(r'<li id="source-alpha2019">.*?</li>', out.html).group(0)
    assert re.findall(r'href="#(cite-[^"]+)"', entry) == ["cite-alpha2019-1", "cite-alpha2019-2"]
    assert 'aria-label="Back to citation 1 in the text, place 2 of 2"' in entry


def test_several_keys_in_one_citation(render) -> None:
    out = render("Both [@org-page; @alpha2019].\n")
    assert numbers(out.html) == [("cite-org-page-1", "1"), ("cite-alpha2019-1", "2")]
    assert '<sup class="citation-sep">,</sup>' in out.html


def test_sources_list_is_ordered_by_number_and_ends_the_page(render) -> None:
    out = render("[@beta2020] then [@alpha2019]\n\n## Later section\n\nText.\n")
    tail = out.html[out.html.index('<section aria-labelledby="sources"') :]
    assert out.html.rstrip().endswith("</section>")
    assert '<h2 id="sources">Sources</h2>' in tail
    assert re.findall(r'<li id="source-([^"]+)">', tail) == ["beta2020", "alpha2019"]


def test_no_citations_means_no_sources_section(render) -> None:
    out = render("Nothing cited here.\n")
    assert "sources" not in out.html and out.result.cited == []


def test_code_is_left_alone(render) -> None:
    text = "Use `[@alpha2019]` to cite.\n\n    [@beta2020]\n\n```\n[@org-page]\n```\n"
    out = render(text)
    assert numbers(out.html) == []
    assert "<code>[@alpha2019]</code>" in out.html
    assert out.html.count("[@") == 3 and out.problems == []


def test_an_escaped_bracket_is_not_a_citation(render) -> None:
    assert numbers(render("Not \\[@alpha2019].\n").html) == []


def test_unknown_key_reports_its_line(render) -> None:
    out = render("Intro.\n\nFine [@alpha2019].\n\nBad [@alpah2019] here.\n")
    assert out.problems == ["5 E210 unknown citation key `alpah2019`"]
    assert "[@alpah2019]" in out.html  # left as typed; the build stops anyway


def test_an_unknown_key_in_a_group_keeps_the_known_keys_cited(render) -> None:
    out = render("Both [@org-page; @nobody2020].\n")
    assert out.problems == ["1 E210 unknown citation key `nobody2020`"]
    assert numbers(out.html) == [("cite-org-page-1", "1")]
    assert list(out.result.cited) == ["org-page"]


def test_malformed_citation_reports_its_line(render) -> None:
    out = render("One.\n\nTwo [@alpha2019, beta2020].\n")
    assert out.problems == ["3 E211 malformed citation `[@alpha2019, beta2020]`"]


def test_problem_lines_include_the_front_matter_offset(bibliography) -> None:
    from edusite.markdown import render_page
    from edusite.structure.page import RenderSession

    session = RenderSession(bibliography)
    text = "---\ntitle: T\n---\n\nText [@nope].\n"
    render_page("content/t.md", text, session)
    assert [(p.path, p.line, p.code) for p in session.problems] == [("content/t.md", 5, "E210")]


def test_usable_as_a_plain_markdown_extension(bibliography) -> None:
    html = markdown.markdown(
        "See [@org-page].", extensions=[CitationsExtension(bibliography=bibliography)]
    )
    assert numbers(html) == [("cite-org-page-1", "1")]
    assert 'href="https://example.org/health/knee-pain?lang=en&amp;x=1"' in html


def test_only_links_to_other_sites_are_marked_external(render) -> None:
    out = render("[a](https://example.org/a), [b](other.md#x), [c](#here) [@org-page].\n")
    assert '<a class="external-link" href="https://example.org/a">a</a>' in out.html
    assert '<a href="other.md#x">b</a>' in out.html and '<a href="#here">c</a>' in out.html
    assert 'class="source-url" href="https://example.org/health' in out.html
    assert out.html.count("external-link") == 1


def sups(html: str) -> list[str]:
    """The visible text of every citation superscript, tags removed."""
    found = re.findall(r'<sup class="citation" id="[^"]+">(.*?)</sup>', html)
    return [re.sub(r"<[^>]+>", "", text) for text in found]


def test_prefix_and_locator_are_set_with_the_number(render) -> None:
    out = render("Hips [see @alpha2019, pp. 100-102]; knees [@beta2020, ch. 2].\n")
    assert sups(out.html) == ["see 1, pp. 100-102", "2, ch. 2"]
    assert out.problems == [] and out.result.cited == ["alpha2019", "beta2020"]


def test_a_group_with_locators_is_separated_by_semicolons(render) -> None:
    out = render("Both [see @alpha2019, p. 1; also @beta2020].\n")
    assert '<sup class="citation-sep">; </sup>' in out.html
    assert 'class="citation-group citation-affixed"' in out.html


def test_suppressing_the_author_renders_like_a_plain_citation(render) -> None:
    plain, suppressed = render("A [@beta2020].\n").html, render("A [-@beta2020].\n").html
    assert plain == suppressed


def test_an_in_text_citation_names_the_authors_then_the_number(render) -> None:
    out = render("@alpha2019 found it, @beta2020 [p. 4] did not; see @org-page.\n")
    names = re.findall(r'<span class="citation-intext">([^<]+)<sup', out.html)
    assert names == ["Alpha et al.", "O'Brien", "Example Health Service"]
    assert sups(out.html) == ["1", "2, p. 4", "3"]
    assert out.problems == []


def test_two_authors_are_joined_and_editors_or_the_title_stand_in() -> None:
    from edusite.structure.refmodel import Author, Reference

    def ref(authors: tuple[Author, ...], editors: tuple[Author, ...] = ()) -> Reference:
        return Reference("k", "book", "A title", authors, 2020, editors=editors)

    assert ref((Author("Alpha"), Author("Bravo"))).in_text_name == "Alpha and Bravo"
    assert ref((), (Author("Neal"),)).in_text_name == "Neal"
    assert ref(()).in_text_name == "A title"


def test_e_mail_addresses_code_and_unknown_handles_are_not_citations(render) -> None:
    text = "Mail nobody@alpha2019.org or @home; `@alpha2019` and `[see @beta2020]`.\n"
    out = render(text)
    assert numbers(out.html) == [] and out.problems == []
    assert "nobody@alpha2019.org or @home" in out.html


def test_a_handle_shaped_like_a_key_is_reported_at_its_line(render) -> None:
    out = render("Fine.\n\nAs @alpah2019 showed.\n")
    assert out.problems == [
        "3 E212 `@alpah2019` looks like a citation, but `alpah2019` is not a key in the "
        "bibliography"
    ]


def test_a_key_written_without_its_at_sign_is_malformed_with_a_hint(bibliography) -> None:
    from edusite.structure.page import RenderSession

    session = RenderSession(bibliography)
    markdown.Markdown(extensions=[CitationsExtension(session=session)]).convert(
        "See [@alpha2019; beta2020] and [@alpha2019, beta2020].\n"
    )
    hints = [p.hint for p in session.problems]
    assert [p.code for p in session.problems] == ["E211", "E211"]
    assert all("`beta2020` is a source's key: write `@beta2020`" in hint for hint in hints)
    assert all("[see @key, p. 5]" in hint and "[-@key]" in hint for hint in hints)


def test_a_malformed_citation_is_kept_as_typed_and_not_read_again(render) -> None:
    out = render("See [see @alpha2019; p. 5].\n")
    assert '<span class="citation-unresolved">[see @alpha2019; p. 5]</span>' in out.html
    assert numbers(out.html) == []  # the in-text pattern does not take `@alpha2019` from it


def test_in_text_names_stay_in_the_faq_answers_json_ld(render) -> None:
    out = render("/// faq\n### Who?\n@beta2020 [p. 2] says so [@alpha2019].\n///\n")
    assert [entry.answer for entry in out.result.faq] == ["O'Brien says so."]


def test_a_handle_between_in_text_citations_does_not_stop_the_later_ones(render) -> None:
    out = render("Words and @alpha2019 then @home x @beta2020, and later @org-page.\n")
    assert numbers(out.html) == [
        ("cite-alpha2019-1", "1"),
        ("cite-beta2020-1", "2"),
        ("cite-org-page-1", "3"),
    ]
    assert "then @home x" in out.html
