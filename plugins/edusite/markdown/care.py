"""Care cards: one look and one wording for "what to do now", in articles and self-checks.

`card_element()` is the only definition of a care card's markup: a box with the tier's icon
and label (text and icon, never colour alone), the standard title and action from
`quizkit.care` filled in with the site's settings, and room for a body. The `/// care | <tier>`
block (pymdown-extensions Blocks API, like `/// faq`) puts the editor's list of warning signs
in that body, under "<title> if:"; the quiz embed serialises the same cards into `<template>`
elements that the browser clones when a self-check's red flag is answered "yes" or a result
names a tier.

    /// care | urgent
    - you cannot put weight on your leg [@nhs-dislocated-kneecap]
    ///
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from quizkit import care

from edusite.markdown.text import SessionBlock, SessionBlocksExtension

CODE_TIER = "E311"
CODE_EMPTY = "E312"
OPENING = r"^ {0,3}/{3,}\s*care\b"

#: Simple line icons (24x24, drawn for this project): a warning triangle, a clock, a
#: calendar, a house. Shapes differ, so the tier is told apart without colour.
ICONS: dict[str, list[tuple[str, dict[str, str]]]] = {
    care.EMERGENCY: [
        ("path", {"d": "M12 3 L22 20 H2 Z"}),
        ("path", {"d": "M12 9 V14"}),
        ("circle", {"cx": "12", "cy": "17", "r": "0.6"}),
    ],
    care.URGENT: [
        ("circle", {"cx": "12", "cy": "12", "r": "9"}),
        ("path", {"d": "M12 7 V12 L15.5 14"}),
    ],
    care.SOON: [
        ("rect", {"x": "3", "y": "5", "width": "18", "height": "16", "rx": "2"}),
        ("path", {"d": "M3 10 H21 M8 3 V7 M16 3 V7"}),
    ],
    care.SELF_CARE: [
        ("path", {"d": "M3 11 L12 4 L21 11"}),
        ("path", {"d": "M5 10 V20 H19 V10 M10 20 V14 H14 V20"}),
    ],
}


ICON_ATTRIBUTES = {
    "class": "edusite-care__icon",
    "viewBox": "0 0 24 24",
    "width": "24",
    "height": "24",
    "aria-hidden": "true",
    "focusable": "false",
}


def card_element(
    card: care.CareCard, *, signs: bool = False
) -> tuple[etree.Element, etree.Element]:
    """The card for one tier and its empty body element (for a list of signs or reasons).

    With `signs` (an article's warning-sign box) the title reads "<title> if:" and the body
    follows it, then the action; otherwise (a self-check's result) the action comes first.
    """
    box = etree.Element(
        "div", {"class": f"edusite-care edusite-care--{card.tier}", "data-care-tier": card.tier}
    )
    label = etree.SubElement(box, "p", {"class": "edusite-care__label"})
    icon = etree.SubElement(label, "svg", ICON_ATTRIBUTES)
    for tag, attrs in ICONS[card.tier]:
        etree.SubElement(icon, tag, attrs)
    etree.SubElement(label, "span").text = card.label
    title = etree.SubElement(box, "p", {"class": "edusite-care__title"})
    etree.SubElement(title, "strong").text = f"{card.title} if:" if signs else card.title
    parts = ["body", "action"] if signs else ["action", "body"]
    made = {part: etree.SubElement(box, "div" if part == "body" else "p") for part in parts}
    made["body"].set("class", "edusite-care__body")
    made["action"].set("class", "edusite-care__action")
    made["action"].text = card.action
    return box, made["body"]


def card_html(card: care.CareCard) -> str:
    """A result's care card as HTML (no body), for the quiz form's `<template>` elements."""
    box, body = card_element(card)
    box.remove(body)
    return etree.tostring(box, encoding="unicode", method="html")


class CareBlock(SessionBlock):
    """`/// care | <tier>` ... `///`: a tier's card around the editor's list of signs."""

    NAME = "care"
    ARGUMENT = True
    OPENING = OPENING

    def on_init(self) -> None:
        super().on_init()
        self.body: etree.Element | None = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.find_opening()
        tier = (self.argument or "").strip().lower()
        if tier not in care.TIER_IDS:
            self.problem(
                CODE_TIER,
                f"unknown care tier `{self.argument}`",
                f"write one of: {', '.join(care.TIER_IDS)} (for example `/// care | urgent`)",
            )
            tier = care.EMERGENCY  # still rendered, loudly, until the editor fixes it
        box, self.body = card_element(care.card(tier, self.session.care), signs=True)
        parent.append(box)
        return box

    def on_add(self, block: etree.Element) -> etree.Element:
        return self.body if self.body is not None else block

    def on_end(self, block: etree.Element) -> None:
        if self.body is not None and len(self.body) == 0 and not (self.body.text or "").strip():
            self.problem(
                CODE_EMPTY,
                "the care box lists no warning signs",
                "write the signs as a list under the `/// care | <tier>` line",
            )


class CareExtension(SessionBlocksExtension):
    """The `/// care | <tier>` block; the site's settings come from `session.care`."""

    BLOCK = CareBlock


def makeExtension(**kwargs: Any) -> CareExtension:
    """Entry point for `markdown.Markdown(extensions=["edusite.markdown.care"])`."""
    return CareExtension(**kwargs)
