"""The FAQ block on its own: disclosures, JSON-LD matching the visible text, problems."""

from __future__ import annotations

import json
import re
from html import unescape

import markdown
from edusite.markdown import article_extensions
from edusite.markdown.faq import faq_jsonld
from edusite.structure.page import RenderSession

FAQ = """Intro [@alpha2019].

/// faq
### How long should I rest?
Until it stops hurting [@beta2020]. Most people need *a few* weeks & some patience.

- Walk.
- Swim.

### Can I run?
Yes, if it does not hurt.
///
"""


def jsonld(html: str) -> dict:
    (data,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(data)


def test_questions_become_details_in_a_faq_section(render) -> None:
    out = render(FAQ)
    assert out.problems == []
    assert '<section aria-labelledby="faq" class="faq">' in out.html
    assert '<h2 id="faq">Frequently asked questions</h2>' in out.html
    assert re.findall(r"<summary>(.*?)</summary>", out.html) == [
        "How long should I rest?",
        "Can I run?",
    ]
    assert out.html.count('<details class="faq-item question">') == 2
    assert "<h3" not in out.html


def test_jsonld_matches_the_visible_text(render) -> None:
    out = render(FAQ)
    data = jsonld(out.html)
    assert data["@type"] == "FAQPage"
    questions = [q["name"] for q in data["mainEntity"]]
    answers = [q["acceptedAnswer"]["text"] for q in data["mainEntity"]]
    assert questions == ["How long should I rest?", "Can I run?"]
    assert answers == [
        "Until it stops hurting. Most people need a few weeks & some patience. Walk. Swim.",
        "Yes, if it does not hurt.",
    ]
    visible = [
        unescape(re.sub(r"<[^>]+>", "", q))
        for q in re.findall(r"<summary>(.*?)</summary>", out.html)
    ]
    assert visible == questions
    assert [e.question for e in out.result.faq] == questions


def test_citations_inside_answers_are_numbered_in_order(render) -> None:
    out = render(FAQ)
    assert out.result.cited == ["alpha2019", "beta2020"]
    assert (
        '<sup class="citation" id="cite-beta2020-1"><a href="#source-beta2020">2</a></sup>'
        in out.html
    )


def test_jsonld_cannot_close_its_script_element(render) -> None:
    out = render("/// faq\n### Is </script> safe?\nYes <b>&</b> `</script>`.\n///\n")
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', out.html, re.S).group(
        1
    )
    assert "<" not in script and "&" not in script
    assert jsonld(out.html)["mainEntity"][0]["acceptedAnswer"]["text"] == "Yes & </script>."


def test_a_question_without_answer_reports_its_line(render) -> None:
    out = render("Text.\n\n/// faq\n### First?\nYes.\n\n### Second?\n\n### Third?\nNo.\n///\n")
    assert out.problems == ["7 E301 the question `Second?` has no answer"]


def test_an_answer_that_is_only_an_html_comment_is_no_answer(render) -> None:
    source = "/// faq\n### First?\n\n<!-- TODO -->\n\n### Second?\nYes.\n<!-- check -->\n///\n"
    out = render(source)
    assert out.problems == ["2 E301 the question `First?` has no answer"]


def test_text_before_the_first_question_is_reported(render) -> None:
    out = render("/// faq\nStray text.\n\n### Q?\nA.\n///\n")
    assert out.problems == ["1 E302 the FAQ block has text before its first question"]


def test_only_one_faq_block_per_page(render) -> None:
    block = "/// faq\n### Q?\nA.\n///\n"
    out = render(block + "\n" + block)
    assert out.problems == ["6 E303 a page can have only one FAQ block"]


def test_without_inline_jsonld_the_block_leaves_it_to_the_page_head(bibliography) -> None:
    # The MkDocs plugin puts the JSON-LD in the head: a <script> in the content is re-created
    # without its type by Material's instant navigation and runs as JavaScript.
    session = RenderSession(bibliography)
    md = markdown.Markdown(extensions=article_extensions(session, inline_jsonld=False))
    html = md.convert(FAQ)
    assert "<script" not in html
    assert [e.question for e in session.result.faq] == ["How long should I rest?", "Can I run?"]
    assert json.loads(faq_jsonld(session.result.faq))["mainEntity"][1]["name"] == "Can I run?"


def test_standalone_the_extension_still_writes_the_jsonld_inline() -> None:
    html = markdown.markdown("/// faq\n### Q?\nA.\n///\n", extensions=["edusite.markdown.faq"])
    assert jsonld(html)["mainEntity"][0]["acceptedAnswer"]["text"] == "A."
