"""The `/// care | <tier>` block on its own: the tier's card around the editor's signs."""

from __future__ import annotations

import re

import markdown
from edusite.markdown import article_extensions
from edusite.structure.page import RenderSession
from quizkit.care import CareSettings

BOX = """Check these first.

/// care | urgent
- you cannot put weight on your leg [@alpha2019]
- a fever
///
"""


def test_the_card_wraps_the_signs_in_the_standard_wording(render) -> None:
    out = render(BOX)
    assert out.problems == []
    assert '<div class="edusite-care edusite-care--urgent" data-care-tier="urgent">' in out.html
    assert "<span>Urgent</span>" in out.html
    assert "<strong>Get medical help today if:</strong>" in out.html
    assert re.search(r'class="edusite-care__body">\s*<ul>\s*<li>you cannot put', out.html)
    assert "or contact NHS 111 today." in out.html
    assert 'class="citation"' in out.html  # citations inside the box are numbered as usual
    body = out.html.index("edusite-care__body")
    assert body < out.html.index("edusite-care__action")  # signs, then what to do


def test_the_sites_settings_fill_in_the_wording() -> None:
    session = RenderSession(
        care=CareSettings(emergency_number="911", emergency_department="the ER")
    )
    md = markdown.Markdown(extensions=article_extensions(session))
    html = md.convert("/// care | emergency\n- chest pain\n///\n")
    assert "Call 911 or go to the ER now if:" in html
    assert "999" not in html


def test_an_unknown_tier_and_an_empty_box_are_reported_at_their_lines(render) -> None:
    out = render("Intro.\n\n/// care | critical\n- a\n///\n\n/// care | soon\n///\n")
    assert out.problems == [
        "3 E311 unknown care tier `critical`",
        "7 E312 the care box lists no warning signs",
    ]
