"""Each page's quiz bundle checked alone: what the Pyodide run is asked, and how its replies
become editors' problems (the run itself: `test_quizc_pyodide.py`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from edusite.quizc import bundlecheck
from edusite.quizc.model import Bundle


def test_the_request_names_each_quiz_modules_bundle_once_with_its_quizzes(good_compiled):
    bundles = dict(good_compiled.quiz_bundles)
    second = replace(good_compiled, quiz_bundles={**bundles, "demo-quiz-2": bundles["demo-quiz"]})
    asked = bundlecheck.request(second)
    assert asked["shared"] == str(good_compiled.shared.path)
    assert [(b["module"], b["quizzes"]) for b in asked["bundles"]] == [
        ("quizzes.demo.check", ["demo-check"]),
        ("quizzes.demo.quiz", ["demo-quiz", "demo-quiz-2"]),
        ("quizzes.demo.tool", ["demo-tool"]),
    ]
    assert all(Path(b["path"]).is_file() for b in asked["bundles"])


def test_the_cache_key_follows_the_bundles_names(good_compiled):
    renamed = Bundle("quizzes.demo.quiz-000000000000.zip", Path("x"), "quizzes.demo.quiz")
    other = replace(
        good_compiled, quiz_bundles={**good_compiled.quiz_bundles, "demo-quiz": renamed}
    )
    assert bundlecheck.key(good_compiled) != bundlecheck.key(other)


def test_each_way_to_fail_alone_is_an_e422_at_the_quiz(good_compiled):
    path, line = good_compiled.sources["demo-quiz"]
    expected = {"demo-check": [{"outcome": "ok"}], "demo-quiz": [{"a": 1}, {"a": 2}]}
    replies = {
        "raised": {"results": {"demo-quiz": [{"a": 1}, {"raised": "NameError: x"}]}},
        "failed": {"failed": "ModuleNotFoundError: No module named 'quizzes.x'"},
        "other": {"results": {"demo-quiz": [{"a": 1}, {"a": 3}]}},
        "fewer": {"results": {"demo-quiz": [{"a": 1}]}},
        "same": {"results": {"demo-quiz": [{"a": 1}, {"a": 2}]}},
    }
    said = {}
    for name, reply in replies.items():
        found = bundlecheck.problems({"quizzes.demo.quiz": reply}, expected, good_compiled)
        assert all((p.path, p.line, p.code) == (path, line, "E422") for p in found)
        said[name] = [p.message for p in found]
    alone = "when its page's quiz bundle is loaded alone"
    assert said == {
        "raised": [f"quiz `demo-quiz`: sample 2 fails {alone}: NameError: x"],
        "failed": [
            f"quiz `demo-quiz` does not load {alone}: "
            "ModuleNotFoundError: No module named 'quizzes.x'"
        ],
        "other": [
            f"quiz `demo-quiz`: sample 2 gives a different result {alone} "
            "than with every quiz module loaded"
        ],
        "fewer": [f"quiz `demo-quiz` has other samples {alone} than with every quiz module loaded"],
        "same": [],
    }
