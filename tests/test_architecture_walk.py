"""ARCHITECTURE.md's two walks stay true: every file they name exists, and the quiz id and
citation key they follow are really where the walks say they are written."""

from __future__ import annotations

import re

from tests.conftest import ROOT

ARCHITECTURE = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
WALKS = ARCHITECTURE.split("## Two walks", 1)[1].split("\n## ", 1)[0]
PATHS = sorted(set(re.findall(r"`((?:content|quizzes|plugins)/[\w./-]+\.\w+)`", WALKS)))


def test_the_walks_name_files() -> None:
    assert len(PATHS) >= 25, PATHS


def test_every_file_the_walks_name_exists() -> None:
    missing = [path for path in PATHS if not (ROOT / path).is_file()]
    assert missing == [], f"ARCHITECTURE.md's walks name files that do not exist: {missing}"


def test_the_walked_quiz_id_and_citation_key_are_where_the_walks_start() -> None:
    quiz = (ROOT / "quizzes/runners_knee/self_check.py").read_text(encoding="utf-8")
    article = (ROOT / "content/runners-knee.md").read_text(encoding="utf-8")
    assert 'id="runners-knee-self-check"' in quiz
    assert "/// quiz | runners-knee-self-check" in article
    assert '"id": "neal2019"' in (ROOT / "content/references.json").read_text(encoding="utf-8")
    assert "@neal2019" in article
