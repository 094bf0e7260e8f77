"""The runner's knee article keeps the promises other parts rely on.

Anchors and quiz ids are fixed identifiers (the quizzes link to `#symptoms` etc.); the red
flags and the FAQ topics are editorial requirements; the seed's rules (no copied byline, no
stock photo, jumper's knee is a different condition) are checked so an edit cannot undo them.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from tests.content.pages import CONTENT_DIR, split_front_matter

ARTICLE = CONTENT_DIR / "runners-knee.md"
IMAGES = CONTENT_DIR / "images"
SVG_NS = "{http://www.w3.org/2000/svg}"
ANCHORS = [
    "what-is-runners-knee",
    "who-gets-it",
    "symptoms",
    "when-to-see-a-doctor",
    "causes-and-risk-factors",
    "diagnosis",
    "home-treatment",
    "medical-treatment",
    "prevention",
    "returning-to-running",
    "shoes",
    "check-your-knee",
    "quiz",
]
QUIZ_IDS = [
    "return-to-running-planner",
    "shoe-mileage-check",
    "runners-knee-self-check",
    "runners-knee-quiz",
]
TEAM = "the Runner's Knee Guide editorial team"
SVG_LABELS = {
    "knee-anatomy.svg": [
        "Kneecap",
        "patella",
        "Thigh bone",
        "femur",
        "Shin bone",
        "tibia",
        "Quadriceps",
        "Hamstrings",
        "IT band",
    ],
    "where-it-hurts.svg": ["Runner's knee", "Kneecap", "Jumper's knee", "a different problem"],
}


def _article() -> tuple[dict, str]:
    return split_front_matter(ARTICLE.read_text(encoding="utf-8"))


def _section(body: str, anchor: str) -> str:
    """The Markdown between `## ... {#anchor}` and the next level-2 heading or block."""
    match = re.search(rf"^## .*\{{#{anchor}\}}\n(?P<text>.*?)(?=^## |^/// |\Z)", body, re.S | re.M)
    assert match, f"no section #{anchor}"
    return match["text"]


def _flat(text: str) -> str:
    """Text with line breaks and indentation collapsed, for phrase look-ups."""
    return " ".join(text.split())


def test_front_matter_has_every_article_field() -> None:
    meta, _ = _article()
    assert meta["type"] == "article"
    assert meta["about"] == "Patellofemoral pain syndrome"  # schema.org MedicalCondition
    assert meta["title"] and meta["description"]
    assert 3 <= len(meta["summary"]) <= 5
    assert meta["byline"] == TEAM
    assert meta["reviewed"] == dt.date(2026, 11, 25)
    assert meta["tags"] and all(isinstance(tag, str) for tag in meta["tags"])


def test_fixed_section_anchors_in_order() -> None:
    _, body = _article()
    found = re.findall(r"^## [^\n]*\{#([\w-]+)\}\s*$", body, re.M)
    assert found == ANCHORS


def test_quizzes_are_embedded_in_their_sections() -> None:
    _, body = _article()
    embeds = re.findall(r"^::: quiz ([\w-]+)\s*$", body, re.M)
    assert embeds == QUIZ_IDS
    assert "::: quiz return-to-running-planner" in _section(body, "returning-to-running")
    assert "::: quiz shoe-mileage-check" in _section(body, "shoes")
    assert "::: quiz runners-knee-self-check" in _section(body, "check-your-knee")
    assert "::: quiz runners-knee-quiz" in _section(body, "quiz")


def test_red_flags_call_out_lists_every_warning_sign() -> None:
    _, body = _article()
    section = _section(body, "when-to-see-a-doctor")
    callout = re.search(
        r'^!!! danger "When to see a doctor"\n(?P<text>(?:\n|    .*\n)+)', section, re.M
    )
    assert callout, "the red flags must be a danger call-out"
    text = _flat(callout["text"]).lower()
    assert "get medical care promptly" in text
    for sign in [
        "swollen, hot or red",
        "fever",
        "cannot put weight",
        "gives way",
        "locks",
        "fall, a twist or a blow",
        "wakes you up at night",
        "numbness or tingling",
        "calf hurts or is swollen",
        "child or teen",
        "limp",
        "hip pain",
    ]:
        assert sign in text, f"missing red flag: {sign}"


def test_faq_answers_the_required_questions() -> None:
    _, body = _article()
    faq = re.search(r"^/// faq\n(?P<text>.*?)^///\s*$", body, re.S | re.M)
    assert faq, "the FAQ must be a `/// faq` block"
    questions = re.findall(r"^### (.+)$", faq["text"], re.M)
    assert len(questions) >= 5
    joined = " | ".join(questions).lower()
    for topic in [
        "how long should i rest",
        "how long does",
        "taping",
        "keep running",
        "x-ray or an mri",
    ]:
        assert topic in joined, f"no FAQ question about {topic!r}"
    answers = re.split(r"^### .+$", faq["text"], flags=re.M)[1:]
    assert all(answer.strip() for answer in answers), "every question needs an answer"


def test_required_facts_are_stated() -> None:
    _, body = _article()
    home = _flat(_section(body, "home-treatment"))
    assert "20 minutes" in home and "several times a day" in home
    assert "both legs" in home
    assert "NSAIDs" in home and "Ask a doctor or pharmacist first" in home
    returning = _flat(_section(body, "returning-to-running"))
    assert "5 to 10%" in returning and "flat ground" in returning
    shoes = _flat(_section(body, "shoes"))
    assert "300 to 400 miles" in shoes and "480 to 640 km" in shoes


def test_seed_rules_are_kept() -> None:
    """No seed author or stock photo credit; jumper's knee is called a different condition."""
    for path in CONTENT_DIR.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        for banned in ["Luff", "Verywell", "Getty", "russanov"]:
            assert banned.lower() not in text.lower(), f"{path.name} mentions {banned}"
    _, body = _article()
    for paragraph in re.split(r"\n\s*\n", body):
        if "jumper's knee" in paragraph.lower() and not paragraph.startswith("#"):
            assert "tendon" in paragraph and re.search(r"not the same|different", paragraph), (
                "jumper's knee must be described as a different condition (of the tendon)"
            )
    assert "patellar tendinopathy" in body


def test_every_image_has_alt_text_and_exists() -> None:
    _, body = _article()
    images = re.findall(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)]+)\)", body)
    assert [src for _, src in images] == ["images/knee-anatomy.svg", "images/where-it-hurts.svg"]
    for alt, src in images:
        assert len(alt) > 40, f"{src}: alt text too short to describe the drawing"
        assert (CONTENT_DIR / src).is_file()


def test_figure_has_alt_text_and_points_at_the_svg() -> None:
    _, body = _article()
    match = re.search(r"!\[(?P<alt>[^\]]+)\]\(images/knee-anatomy\.svg\)", body)
    assert match and len(match["alt"]) > 40
    for part in ["kneecap", "thigh bone", "shin bone", "quadriceps", "hamstrings", "IT band"]:
        assert part in match["alt"]


@pytest.mark.parametrize(("name", "labels"), SVG_LABELS.items())
def test_svg_is_accessible_and_labelled(name: str, labels: list[str]) -> None:
    root = ET.parse(IMAGES / name).getroot()
    assert root.get("role") == "img"
    title = root.find(f"{SVG_NS}title")
    desc = root.find(f"{SVG_NS}desc")
    assert title is not None and title.text and desc is not None and desc.text
    assert root.get("aria-labelledby", "").split() == [title.get("id"), desc.get("id")]
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG_NS}text"))
    for label in labels:
        assert label in texts, f"{name} lacks the label {label!r}"


@pytest.mark.parametrize("name", SVG_LABELS)
def test_svg_brings_its_own_light_background(name: str) -> None:
    """As an <img>, the SVG cannot follow the page's dark palette, so it carries a card."""
    root = ET.parse(IMAGES / name).getroot()
    first_shape = next(
        el for el in root if el.tag in {f"{SVG_NS}rect", f"{SVG_NS}g", f"{SVG_NS}path"}
    )
    assert first_shape.tag == f"{SVG_NS}rect"
    assert first_shape.get("fill", "").lower() in {"#fff", "#ffffff", "white"}
    assert first_shape.get("width") == root.get("viewBox").split()[2]
