"""A synthetic catalogue of N articles, to time builds at catalogue size (`tests/bench_build.py`).

Each article is what editors write: full front matter, numbered citations (its own source and
two shared ones), a link to the article before it, a warning-sign box, an embedded quiz (one
module per article under `quizzes/topics/`), an FAQ and about 1,000 words of plain prose. The
same folder builds with the edusite plugin (`mkdocs.yml`) and with plain Material
(`plain.yml`: the same pages, theme and Markdown extensions, no edusite), so the two build
times compare like with like. Everything written depends on N only.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ("shared-guide", "shared-review")
EXTENSIONS = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["markdown_extensions"]
PARTS = (
    "knee",
    "hip",
    "ankle",
    "heel",
    "shin",
    "back",
    "calf",
    "thigh",
    "foot",
    "wrist",
)
SENTENCES = (
    "Most people with a sore {part} get better with time and the right exercises.",
    "The pain is often a dull ache that builds up over a few weeks.",
    "It tends to hurt more when you climb stairs or run downhill.",
    "Rest from the things that make it worse, but keep moving in other ways.",
    "A short walk each day keeps the muscles around the {part} strong.",
    "Ice can ease the pain for a while if you hold it on for up to 15 minutes.",
    "Wrap the ice pack in a towel so it does not hurt your skin.",
    "Strong hip and thigh muscles take some of the load off the {part}.",
    "Start with easy moves and add a little more each week.",
    "If a move hurts a lot, stop and try an easier one.",
    "Good shoes help, but they are only one part of the plan.",
    "Sleep and good food help your body heal.",
    "Many people need six to twelve weeks before the pain is gone.",
    "Write down what you do each day so you can see what helps.",
    "Talk to a doctor if the pain does not get better after a few weeks.",
    "A physical therapist can show you how to do each exercise the right way.",
)
HEADINGS = (
    ("What it is", "what-it-is"),
    ("Who gets it", "who-gets-it"),
    ("Symptoms", "symptoms"),
    ("Home care", "home-care"),
    ("Exercises", "exercises"),
    ("Getting back to sport", "back-to-sport"),
)


def slug(index: int) -> str:
    return f"topic-{index:04d}"


def module(index: int) -> str:
    return f"topic_{index:04d}"


def paragraph(index: int, offset: int, cite: str) -> str:
    """Five sentences picked by the article's number, the last one cited."""
    part = PARTS[index % len(PARTS)]
    picked = [SENTENCES[(index * 3 + offset + k) % len(SENTENCES)] for k in range(5)]
    text = " ".join(s.format(part=part) for s in picked)
    return textwrap.fill(text[:-1] + f" [@{cite}].", 92, break_on_hyphens=False)


def article(index: int) -> str:
    part = PARTS[index % len(PARTS)]
    own = f"src-{index:04d}"
    lines = [
        "---",
        "type: article",
        f'title: "Topic {index}: a sore {part}"',
        f'description: "What a sore {part} is, what you can do at home and when to get help."',
        "summary:",
        f"  - A sore {part} often gets better with rest from what hurts and with exercise.",
        "  - Some signs need help fast. The guide lists each one and how soon to act.",
        "byline: the Bench Guide editorial team",
        "reviewed: 2026-11-25",
        "tags:",
        f"  - {part} pain",
        "---",
        "",
    ]
    for number, (heading, anchor) in enumerate(HEADINGS):
        lines += [f"## {heading} {{#{anchor}}}", ""]
        for k in range(3):
            cite = (own, *SHARED)[(number + k) % 3]
            lines += [paragraph(index, number * 3 + k, cite), ""]
        if anchor == "symptoms":
            lines += [
                "/// care | urgent",
                f"- the {part} is hot, red and swollen, and you feel unwell [@{own}]",
                "- the leg cannot take any weight",
                "///",
                "",
            ]
        if anchor == "home-care" and index > 1:
            lines += [f"See also [the guide before this one]({slug(index - 1)}.md#home-care).", ""]
    lines += [
        "## Check what you know {#check}",
        "",
        f"/// quiz | {slug(index)}-quiz",
        "///",
        "",
        "/// faq",
        "",
        f"### How long does a sore {part} take to heal?",
        "",
        f"Most people feel better in six to twelve weeks if they keep up the exercises [@{own}].",
        "",
        "### Can I keep running?",
        "",
        "Run less, and stop if the pain gets worse while you run [@shared-guide].",
        "",
        "///",
        "",
    ]
    return "\n".join(lines)


def quiz_module(index: int) -> str:
    part = PARTS[index % len(PARTS)]
    return textwrap.dedent(f'''\
        """{slug(index)}-quiz: a short quiz on a sore {part} (generated for the build bench)."""

        from quizkit import Option, Quiz, SingleChoice, YesNo

        {module(index)}_quiz = Quiz(
            id="{slug(index)}-quiz",
            title="What do you know about a sore {part}?",
            intro="Two short questions.",
            questions=[
                SingleChoice(
                    "ice",
                    "How long should you ice a sore {part} at one time?",
                    options=[
                        Option("15", "Up to 15 minutes", correct=True),
                        Option("120", "About 2 hours", feedback="That can hurt your skin."),
                    ],
                    explanation="Up to 15 minutes at a time [@src-{index:04d}].",
                ),
                YesNo(
                    "move",
                    "Should you keep moving in ways that do not hurt?",
                    correct=True,
                    explanation="Yes: complete rest makes muscles weaker [@shared-guide].",
                ),
            ],
        )
        ''')


def reference(key: str, title: str) -> dict[str, object]:
    return {
        "id": key,
        "type": "webpage",
        "title": title,
        "author": [{"literal": "Bench Guide Test Organisation"}],
        "container-title": "Bench Guide",
        "URL": f"https://example.org/bench/{key}/",
        "accessed": {"date-parts": [[2026, 11, 25]]},
    }


def config(*, plugin: bool) -> dict[str, object]:
    theme: dict[str, object] = {"name": "material", "language": "en", "font": False}
    plugins: list[object] = ["search"]
    if plugin:
        theme["custom_dir"] = str(ROOT / "site_overrides")
        plugins.append({"edusite": {"pyodide_dir": str(ROOT / "node_modules" / "pyodide")}})
    return {
        "site_name": "Bench Guide",
        "site_url": "https://example.org/bench/",
        "docs_dir": "content",
        "exclude_docs": "references.json\n",
        "theme": theme,
        "plugins": plugins,
        "markdown_extensions": EXTENSIONS,
    }


def write_site(root: Path, count: int) -> Path:
    """Write a project with `count` articles into `root` (created); return `root`."""
    content, quizzes = root / "content", root / "quizzes" / "topics"
    content.mkdir(parents=True)
    quizzes.mkdir(parents=True)
    (root / "quizzes" / "__init__.py").write_text('"""Generated quizzes."""\n', "utf-8")
    (quizzes / "__init__.py").write_text('"""One quiz per generated article."""\n', "utf-8")
    index = ["---", "title: Bench Guide", "---", "", "# Bench Guide", "", "Every guide:", ""]
    for number in range(1, count + 1):
        (content / f"{slug(number)}.md").write_text(article(number), "utf-8")
        (quizzes / f"{module(number)}.py").write_text(quiz_module(number), "utf-8")
        index.append(f"- [Topic {number}]({slug(number)}.md)")
    (content / "index.md").write_text("\n".join(index) + "\n", "utf-8")
    sources = [reference(key, f"Shared source {key}") for key in SHARED]
    sources += [reference(f"src-{n:04d}", f"Source for topic {n}") for n in range(1, count + 1)]
    (content / "references.json").write_text(json.dumps(sources, indent=1), "utf-8")
    for name, plugin in (("mkdocs.yml", True), ("plain.yml", False)):
        text = yaml.safe_dump(config(plugin=plugin), sort_keys=False)
        (root / name).write_text(text, "utf-8")
    return root
