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
    "exercises",
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
    "exercise-clamshell.svg": ["Clamshell", "3 sets of 10 to 15", "top knee"],
    "exercise-bridge.svg": ["Bridge", "3 sets of 10", "Lift your hips"],
    "exercise-wall-sit.svg": ["Wall sit", "Hold 20 to 30 seconds", "Knees a little"],
    "exercise-step-up.svg": ["Step-up", "3 sets of 10 on each leg", "Knee over"],
}
EXERCISE_FIGURES = [name for name in SVG_LABELS if name.startswith("exercise-")]
#: The one pain rule, worded the same wherever the guide gives it.
PAIN_RULE = "pain up to 3 out of 10 is OK"


def _article() -> tuple[dict, str]:
    return split_front_matter(ARTICLE.read_text(encoding="utf-8"))


def _section(body: str, anchor: str) -> str:
    """The Markdown between `## ... {#anchor}` and the next level-2 heading or block."""
    match = re.search(
        rf"^## .*\{{#{anchor}\}}\n(?P<text>.*?)(?=^## |^/// faq|\Z)", body, re.S | re.M
    )
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
    embeds = re.findall(r"^/// quiz \| ([\w-]+)\n///$", body, re.M)
    assert embeds == QUIZ_IDS
    assert "/// quiz | return-to-running-planner\n///" in _section(body, "returning-to-running")
    assert "/// quiz | shoe-mileage-check\n///" in _section(body, "shoes")
    assert "/// quiz | runners-knee-self-check\n///" in _section(body, "check-your-knee")
    assert "/// quiz | runners-knee-quiz\n///" in _section(body, "quiz")


def test_warning_sign_boxes_list_the_self_checks_red_flags_under_the_same_tiers() -> None:
    """One box per tier, most urgent first; each lists the self-check's red flags of that
    tier, in the same order and citing the same sources."""
    from quizzes.runners_knee.self_check import RED_FLAGS

    _, body = _article()
    section = _section(body, "when-to-see-a-doctor")
    boxes = re.findall(r"^/// care \| (?P<tier>[a-z-]+)\n(?P<text>.*?)^///$", section, re.S | re.M)
    assert [tier for tier, _ in boxes] == ["emergency", "urgent", "soon", "self-care"]
    for tier, text in boxes[:3]:
        signs = [_flat(item) for item in re.split(r"^- ", text, flags=re.M)[1:]]
        flags = [f for f in RED_FLAGS if f.tier == tier]
        assert len(signs) == len(flags), tier
        for sign, flag in zip(signs, flags, strict=True):
            assert re.findall(r"@([\w-]+)", sign) == re.findall(r"@([\w-]+)", flag.reason)


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
    assert "up to 15 minutes" in home and "never put ice" in home.lower()
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
    assert [src for _, src in images] == [
        "images/knee-anatomy.svg",
        "images/where-it-hurts.svg",
        *(f"images/{name}" for name in EXERCISE_FIGURES),
    ]
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


def test_anatomy_drawing_is_labelled_as_the_leg_it_shows() -> None:
    """The drawing has the front of the leg on the viewer's left: seen from the outside,
    that is a left leg. Title, description, on-card label and alt text must all say so."""
    svg = (IMAGES / "knee-anatomy.svg").read_text(encoding="utf-8")
    assert "right" not in svg.lower()
    assert "Left leg, seen from the outside" in svg and "front of the leg is on the left" in svg
    _, body = _article()
    alt = re.search(r"!\[(?P<alt>[^\]]+)\]\(images/knee-anatomy\.svg\)", body)["alt"]
    assert alt.startswith("Drawing of a left leg seen from the outside")


def test_exercises_each_give_sets_repeats_progression_and_a_drawing() -> None:
    _, body = _article()
    section = _section(body, "exercises")
    blocks = re.split(r"^\*\*\d\. ", section, flags=re.M)[1:]
    assert len(blocks) >= 4
    for block, name in zip(blocks, EXERCISE_FIGURES, strict=True):
        text = _flat(block)
        assert re.search(r"\d+ (sets|holds) of", text), text[:60]
        assert "To make it harder" in text, text[:60]
        assert f"(images/{name})" in block
    flat = _flat(section)
    assert "typical starting point" in flat and "physical therapist" in flat
    assert PAIN_RULE.lower() in flat.lower()
    assert "[@vanderheijden2015" in flat


def test_one_pain_rule_everywhere() -> None:
    _, body = _article()
    faq = re.search(r"^/// faq\n(?P<text>.*?)^///\s*$", body, re.S | re.M)["text"]
    questions = re.findall(r"^### (.+)$", faq, re.M)
    answers = dict(zip(questions, re.split(r"^### .+$", faq, flags=re.M)[1:], strict=True))
    places = {
        "home treatment": _section(body, "home-treatment"),
        "exercises": _section(body, "exercises"),
        "returning to running": _section(body, "returning-to-running"),
        "FAQ rest": answers["How long should I rest if I have runner's knee?"],
        "FAQ keep running": answers["Can I keep running with runner's knee?"],
    }
    for where, text in places.items():
        flat = _flat(text).lower()
        assert "3 out of 10" in flat and "next morning" in flat, where
    assert "rule of thumb" in _flat(places["home treatment"])
    # no other threshold sneaks in
    assert not re.search(r"\b[0-24-9] out of 10\b", body)


def test_no_advice_to_wrap_or_raise_a_swollen_knee() -> None:
    """A swollen knee is a warning sign on this page, so home care must not treat swelling."""
    _, body = _article()
    home = _flat(_section(body, "home-treatment")).lower()
    for phrase in ["compression", "elastic wrap", "swelling down", "above the level of your heart"]:
        assert phrase not in home


def test_return_to_running_criteria_walk_run_and_planner_limits() -> None:
    _, body = _article()
    text = _flat(_section(body, "returning-to-running"))
    for part in [
        "walk briskly for 30 minutes",
        "hop",
        "single-leg squats",
        "Run for 1 minute, then walk for 1 to 2 minutes",
        "one thing at a time",
        "rule of thumb, not a plan made for you",
    ]:
        assert part in text, part


def test_outlook_is_honest_and_cited() -> None:
    meta, body = _article()
    faq = _flat(
        re.search(r"^### How long does runner's knee last\?\n(?P<a>.*?)^###", body, re.S | re.M)[
            "a"
        ]
    )
    assert "4 in 10" in faq and "[@collins2013]" in faq
    assert "4 in 10" in meta["summary"][1]
